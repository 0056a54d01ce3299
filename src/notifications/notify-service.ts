import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { systemActor } from '../identity/actor';
import { logger } from '../observability/logger';
import { NotificationEntity, OutboxMessageEntity, ProcessInstanceEntity } from '../persistence/entities';
import { jsonb } from '../persistence/jsonb';
import { appendAudit } from '../workflow/audit-trail';
import type { ServiceHandler, ServiceInvocation } from '../workflow/service-registry';
import { NOTIFICATION_MAIL_SERVICE } from './mail-delivery-service';
import { NotificationPlan, notificationPlan } from './notification-plans';
import { emailAddressOf, PeopleDirectory, Recipient, resolveRecipients } from './recipients';

export interface NotifyDependencies {
  directory: PeopleDirectory;
  /** True when SMTP is configured: each notification of a person with an address is also mailed. */
  mailEnabled: () => boolean;
}

const actor = systemActor('notifications');

function dueMoment(plan: NotificationPlan, variables: Record<string, unknown>): Date | null {
  const raw = plan.dueVariable ? variables[plan.dueVariable] : undefined;
  if (typeof raw !== 'string') return null;
  const due = new Date(raw);
  return Number.isNaN(due.getTime()) ? null : due;
}

/** Inserts one recipient's row; false when this call already wrote it (the outbox retried). */
async function insertOnce(em: EntityManager, row: NotificationEntity): Promise<boolean> {
  const result = await em.createQueryBuilder().insert().into(NotificationEntity).values(row).orIgnore().returning(['id']).execute();
  return (result.raw as unknown[]).length > 0;
}

async function enqueueMail(em: EntityManager, notification: NotificationEntity): Promise<void> {
  await em
    .createQueryBuilder()
    .insert()
    .into(OutboxMessageEntity)
    .values({
      id: randomUUID(),
      instanceId: notification.instanceId,
      tenantId: notification.tenantId,
      service: NOTIFICATION_MAIL_SERVICE,
      // The notification's id only: the mail is composed from the row when it is sent.
      payload: jsonb({ elementId: notification.elementId, executionId: notification.id, variables: { notificationId: notification.id } }),
      dedupeKey: `${NOTIFICATION_MAIL_SERVICE}:${notification.id}`,
      status: 'pending' as const,
      attempts: 0,
      // Due at once by the database's clock, the one the relay reads (see outbox-relay.ts).
      availableAt: () => 'clock_timestamp()',
      createdAt: notification.createdAt,
    })
    .orIgnore()
    .execute();
}

/**
 * `notify`: tells the people holding the roles a step addresses that something is due or
 * happened. One notification row per recipient, written in the outbox relay's transaction, so the
 * rows commit exactly when the call is marked done; the unique key (message, recipient) keeps a
 * repeated call from writing twice. With SMTP configured each new row of a person with an address
 * also gets an e-mail call in the same outbox.
 */
export function notifyService(deps: NotifyDependencies): ServiceHandler {
  return {
    name: 'notify',
    description: 'Meldt een termijn of gebeurtenis in een zaak aan de betrokken rollen (in de applicatie en per e-mail).',
    async perform(invocation: ServiceInvocation) {
      const instance = await invocation.em.findOne(ProcessInstanceEntity, { where: { id: invocation.instanceId } });
      const plan = instance && notificationPlan(instance.processKey, invocation.elementId);
      if (!instance || !plan) {
        logger.info('notification without a plan', { instanceId: invocation.instanceId, elementId: invocation.elementId });
        return { skipped: `no notification plan for step ${invocation.elementId}` };
      }
      const directory = deps.directory();
      const recipients = resolveRecipients(directory, invocation.tenantId, plan.roles);
      const now = new Date();
      const row = (recipient: Recipient): NotificationEntity => ({
        id: randomUUID(),
        tenantId: invocation.tenantId,
        instanceId: invocation.instanceId,
        sourceMessageId: invocation.messageId,
        caseReference: instance.businessKey ?? instance.id,
        processKey: instance.processKey,
        elementId: invocation.elementId,
        kind: plan.kind,
        title: plan.title,
        dueAt: dueMoment(plan, invocation.variables),
        recipientKind: recipient.kind,
        recipient: recipient.name,
        createdAt: now,
        readAt: null,
        readBy: null,
      });
      await invocation.em.transaction(async (em) => {
        let written = 0;
        for (const recipient of recipients) {
          const notification = row(recipient);
          if (!(await insertOnce(em, notification))) continue;
          written++;
          if (deps.mailEnabled() && recipient.kind === 'user' && emailAddressOf(directory, recipient.name)) await enqueueMail(em, notification);
        }
        if (written) {
          await appendAudit(em, actor, {
            tenantId: invocation.tenantId,
            action: 'notification.sent',
            instanceId: invocation.instanceId,
            details: { elementId: invocation.elementId, kind: plan.kind, roles: plan.roles, recipients: written },
          });
        }
      });
    },
  };
}
