import type { EntityManager } from 'typeorm';
import type { DpiaService } from '../dpia/dpia.service';
import { dpiaReassessmentService } from '../dpia/reassessment-service';
import { caseFileDestructionService } from '../incidents/case-file-destruction';
import { logger } from '../observability/logger';
import { registerZgwServices, ZgwServiceDependencies } from '../zaaksysteem/zgw-services';

/** What a service handler receives when the outbox relay performs a recorded call. */
export interface ServiceInvocation {
  instanceId: string;
  tenantId: string;
  elementId: string;
  executionId: string;
  /** Business variables at the time of the call (ids and flags; personal data stay in domain tables). */
  variables: Record<string, unknown>;
  /**
   * The relay's transaction. A handler whose effect is database rows writes them here, inside
   * `em.transaction` (a savepoint), so they commit exactly when the call is marked done — and it
   * never needs a second connection (PGlite has only one).
   */
  em: EntityManager;
}

/** A call the handler decided not to make, with the reason (kept in outbox_message.skip_reason). */
export interface ServiceSkipped {
  skipped: string;
}

/** A named handler a diagram may call from a service task (camunda:topic). */
export interface ServiceHandler {
  name: string;
  description: string;
  /**
   * Attempts before the call is given up (`dead`). A failure whose error says `retryable: false`
   * is given up at once. @default MAX_OUTBOX_ATTEMPTS (8)
   */
  maxAttempts?: number;
  perform(invocation: ServiceInvocation): Promise<void | ServiceSkipped>;
}

export class ServiceRegistry {
  private readonly handlers = new Map<string, ServiceHandler>();

  register(handler: ServiceHandler): this {
    if (this.handlers.has(handler.name)) throw new Error(`service ${handler.name} registered twice`);
    this.handlers.set(handler.name, handler);
    return this;
  }

  get(name: string): ServiceHandler | undefined {
    return this.handlers.get(name);
  }

  names(): ReadonlySet<string> {
    return new Set(this.handlers.keys());
  }
}

/**
 * `notify`: tells the participants of a case that something happened. Until the e-mail and
 * zaaksysteem integrations exist it writes a structured log line (ids only, no personal data).
 */
export const notifyService: ServiceHandler = {
  name: 'notify',
  description: 'Meldt een gebeurtenis in een zaak aan de betrokkenen (nu: gestructureerde logregel).',
  async perform(invocation) {
    logger.info('notification', { instanceId: invocation.instanceId, tenantId: invocation.tenantId, elementId: invocation.elementId });
  },
};

export interface ServiceDependencies {
  /** The DPIA service, built after this registry (it needs the workflow service); read when a call runs. */
  dpia?: () => DpiaService | undefined;
  /** The zaaksysteem, when configured; without it the zgw.* steps are skipped (recorded, nothing sent). */
  zaaksysteem?: ZgwServiceDependencies;
}

export function defaultServiceRegistry(deps: ServiceDependencies = {}): ServiceRegistry {
  const registry = new ServiceRegistry()
    .register(notifyService)
    .register(caseFileDestructionService)
    .register(dpiaReassessmentService(() => deps.dpia?.()));
  return registerZgwServices(registry, deps.zaaksysteem ?? { directory: () => undefined, documents: () => undefined });
}
