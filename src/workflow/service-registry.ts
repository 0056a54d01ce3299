import type { EntityManager } from 'typeorm';
import type { DpiaService } from '../dpia/dpia.service';
import { dpiaReassessmentService } from '../dpia/reassessment-service';
import { caseFileDestructionService } from '../incidents/case-file-destruction';
import { MailSettings, notificationMailService } from '../notifications/mail-delivery-service';
import { notifyService } from '../notifications/notify-service';
import type { PeopleDirectory } from '../notifications/recipients';
import { registerZgwServices, ZgwServiceDependencies } from '../zaaksysteem/zgw-services';

/** What a service handler receives when the outbox relay performs a recorded call. */
export interface ServiceInvocation {
  /** The outbox message: the same on every attempt, so handlers can make their effect happen once. */
  messageId: string;
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

export interface ServiceDependencies {
  /** The DPIA service, built after this registry (it needs the workflow service); read when a call runs. */
  dpia?: () => DpiaService | undefined;
  /** The zaaksysteem, when configured; without it the zgw.* steps are skipped (recorded, nothing sent). */
  zaaksysteem?: ZgwServiceDependencies;
  /** Who holds a role in a municipality, and mail delivery when SMTP is configured; without it notifications address roles, in-app only. */
  notifications?: NotificationDependencies;
}

export interface NotificationDependencies {
  directory: PeopleDirectory;
  mail?: MailSettings;
}

export function defaultServiceRegistry(deps: ServiceDependencies = {}): ServiceRegistry {
  const notifications = deps.notifications ?? { directory: () => undefined };
  const mail = notifications.mail;
  const registry = new ServiceRegistry()
    .register(notifyService({ directory: notifications.directory, mailEnabled: () => mail !== undefined }))
    .register(caseFileDestructionService)
    .register(dpiaReassessmentService(() => deps.dpia?.()));
  if (mail) registry.register(notificationMailService(mail, notifications.directory));
  return registerZgwServices(registry, deps.zaaksysteem ?? { directory: () => undefined, documents: () => undefined });
}
