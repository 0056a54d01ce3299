import type { DataSource } from 'typeorm';
import { OutboxMessageEntity } from '../persistence/entities';
import { logger } from '../observability/logger';
import type { ServiceRegistry } from './service-registry';

export const MAX_OUTBOX_ATTEMPTS = 8;

/** Exponential back-off: 2 s, 4 s, 8 s … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** attempts * 1000, 3_600_000);
}

/**
 * Performs recorded service calls after their command committed. Rows are claimed with
 * SKIP LOCKED so several server processes share the work without doing a call twice.
 * Calls of one case run in the order they were recorded (`seq`): a call waits while an earlier
 * one of its case is still pending, so a zaak is created before its statuses, and statuses
 * are set in the diagram's order even when the zaaksysteem was down in between. A call of a
 * namespaced service (`zgw.status-zetten`) also waits behind a given-up (`dead`) call of the same
 * namespace in its case: a status is never set on a zaak whose creation failed, nor out of order;
 * once someone sets the dead call back to pending, the rest follows.
 * A failure is retried with back-off up to the handler's `maxAttempts`; an error that says
 * `retryable: false` (a refusal that needs a person) is given up at once.
 * Returns the number of messages handled.
 */
export async function relayOutbox(dataSource: DataSource, services: ServiceRegistry, batch = 10): Promise<number> {
  return dataSource.transaction(async (em) => {
    const messages = await em
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('m')
      // The database's clock, read now: `available_at` may come from a statement's now() (an operator
      // setting a call back, README), which has microseconds and which a millisecond JS Date taken in
      // the same millisecond would count as still in the future. clock_timestamp(), not now(): now() is
      // this transaction's start, earlier than a row committed since. In a sub-select so it is read
      // once and the pending index on available_at can still be used.
      .where(`m.status = 'pending' AND m.available_at <= (SELECT clock_timestamp())`)
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM outbox_message earlier WHERE earlier.instance_id = m.instance_id AND earlier.seq < m.seq AND (earlier.status = 'pending'
           OR (earlier.status = 'dead' AND strpos(m.service, '.') > 0 AND split_part(earlier.service, '.', 1) = split_part(m.service, '.', 1))))`,
      )
      .orderBy('m.available_at')
      .addOrderBy('m.seq')
      .limit(batch)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    for (const message of messages) {
      const handler = services.get(message.service);
      try {
        if (!handler) throw new Error(`no handler for service ${message.service}`);
        const outcome = await handler.perform({
          messageId: message.id,
          instanceId: message.instanceId,
          tenantId: message.tenantId,
          elementId: String(message.payload.elementId),
          executionId: String(message.payload.executionId),
          variables: (message.payload.variables as Record<string, unknown>) ?? {},
          em,
        });
        const skipReason = outcome ? outcome.skipped : null;
        if (skipReason) logger.info('service call skipped', { service: message.service, outboxId: message.id, reason: skipReason });
        await em.update(OutboxMessageEntity, { id: message.id }, { status: 'done', processedAt: new Date(), attempts: message.attempts + 1, skipReason });
      } catch (err) {
        const attempts = message.attempts + 1;
        const retryable = (err as { retryable?: unknown }).retryable !== false;
        const dead = !retryable || attempts >= (handler?.maxAttempts ?? MAX_OUTBOX_ATTEMPTS);
        logger.warn('service call failed', { service: message.service, outboxId: message.id, attempts, dead, retryable, code: (err as { code?: string }).code });
        await em.update(OutboxMessageEntity, { id: message.id }, {
          attempts,
          status: dead ? 'dead' : 'pending',
          // The back-off counts on the database's clock, the clock that decides what is due.
          availableAt: () => `clock_timestamp() + interval '${retryDelayMs(attempts)} milliseconds'`,
          // The stable code first, so an operator (and a query) sees what kind of failure it is.
          lastError: `${(err as { code?: string }).code ? `${(err as { code?: string }).code}: ` : ''}${(err as Error).message}`.slice(0, 500),
        });
      }
    }
    return messages.length;
  });
}
