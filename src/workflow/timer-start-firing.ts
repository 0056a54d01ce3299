import type { EntityManager } from 'typeorm';
import { systemActor } from '../identity/actor';
import { logger } from '../observability/logger';
import { ProcessDefinitionEntity, TimerStartJobEntity } from '../persistence/entities';
import { InstanceCommands } from './instance-commands';
import { startProcessIn } from './process-starter';
import { firstOccurrence, nextOccurrence } from './timer-start-schedule';

const timerActor = systemActor('timer');

/**
 * (Re)schedules a process key when a new version is deployed, in the deployment's transaction:
 * the newest version's timer start event replaces the old schedule; a version without one ends it.
 */
export async function scheduleTimerStart(em: EntityManager, definition: ProcessDefinitionEntity, now = new Date()): Promise<void> {
  await em.delete(TimerStartJobEntity, { processKey: definition.processKey });
  const timer = definition.model.timerStart;
  const first = timer && firstOccurrence(timer, now);
  if (!timer || !first) return;
  await em.insert(TimerStartJobEntity, {
    processKey: definition.processKey,
    definitionId: definition.id,
    elementId: timer.elementId,
    dueAt: first.dueAt,
    remaining: first.remaining,
  });
}

/**
 * Fires one due timer start event, if any: one new instance per municipality in `tenants`, and
 * the schedule moved to its next occurrence (or removed), all in one transaction. The row is taken
 * with FOR UPDATE SKIP LOCKED, so with several servers each occurrence starts its instances once.
 * Returns 1 when it fired, 0 when nothing was due.
 */
export async function fireOneTimerStart(commands: InstanceCommands, tenants: readonly string[], now = new Date()): Promise<number> {
  return commands.transaction(async (em) => {
    const job = await em
      .getRepository(TimerStartJobEntity)
      .createQueryBuilder('j')
      .where('j.due_at <= :now', { now })
      .orderBy('j.due_at')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
    if (!job) return 0;
    const definition = await commands.definitions.byId(job.definitionId, em);
    const timer = definition?.model.timerStart;
    if (!definition || !timer) {
      await em.delete(TimerStartJobEntity, { processKey: job.processKey });
      return 1;
    }
    const started = [];
    for (const tenantId of tenants) started.push((await startProcessIn(commands, em, definition, tenantId, timerActor)).id);
    const next = nextOccurrence(timer, { dueAt: job.dueAt, remaining: job.remaining }, now);
    if (next) await em.update(TimerStartJobEntity, { processKey: job.processKey }, { dueAt: next.dueAt, remaining: next.remaining });
    else await em.delete(TimerStartJobEntity, { processKey: job.processKey });
    logger.info('timer start fired', { processKey: job.processKey, version: definition.version, instances: started.length, next: next?.dueAt });
    return 1;
  });
}

/** One poll round: fires due timer start events until none is left (at most `limit`). */
export async function fireDueTimerStarts(commands: InstanceCommands, tenants: readonly string[], limit = 20): Promise<number> {
  let fired = 0;
  while (fired < limit && (await fireOneTimerStart(commands, tenants)) > 0) fired++;
  return fired;
}
