/**
 * Service tasks never perform side effects inside the engine: they record an intent that is
 * committed with the engine state and performed later by the outbox relay. A re-run of the
 * same service task after a crash records the same dedupe key, so the effect happens once.
 */
export interface ServiceCall {
  service: string;
  elementId: string;
  executionId: string;
}

export class ServiceRecorder {
  readonly calls: ServiceCall[] = [];

  constructor(private readonly knownServices: ReadonlySet<string>) {}

  private record(service: string, elementId: string, executionId: string, done: (err: Error | null, out?: unknown) => void): void {
    if (!this.knownServices.has(service)) {
      done(new Error(`service "${service}" is not registered on this server`));
      return;
    }
    this.calls.push({ service, elementId, executionId });
    done(null, { queued: true });
  }

  /** For `implementation="${environment.services.<name>}"`. */
  servicesObject(): Record<string, (ctx: any, next: (err: Error | null, out?: unknown) => void) => void> {
    const services: Record<string, (ctx: any, next: any) => void> = {};
    for (const name of this.knownServices) {
      services[name] = (ctx, next) => this.record(name, ctx.content.id, ctx.content.executionId, next);
    }
    return services;
  }

  /** For `camunda:type="external" camunda:topic="<name>"` (Camunda Modeler's "External" implementation). */
  extension() {
    return (activity: any) => {
      const behaviour = activity.behaviour;
      if (!behaviour || behaviour.type !== 'external' || typeof behaviour.topic !== 'string') return;
      const recorder = this;
      behaviour.Service = function TopicService(act: any) {
        return {
          type: 'privacyflow:topic',
          execute(message: any, callback: (err: Error | null, out?: unknown) => void) {
            recorder.record(behaviour.topic, act.id, message.content.executionId, callback);
          },
        };
      };
    };
  }
}
