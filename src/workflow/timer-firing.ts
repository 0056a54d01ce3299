import { LessThanOrEqual } from 'typeorm';
import { systemActor } from '../identity/actor';
import { TimerJobEntity } from '../persistence/entities';
import { describeError, redactMessage } from '../observability/error-description';
import { logger } from '../observability/logger';
import { appendAudit } from './audit-trail';
import { InstanceCommands } from './instance-commands';
import { persistStep } from './step-persistence';

const timerActor = systemActor('timer');

/** Told, after the commit, how late (in seconds past its due time) each woken instance's oldest timer fired. */
export type TimerFiredObserver = (latenessSeconds: number) => void;

/**
 * Wakes one instance whose timer is due. Exactly once: the instance row is locked with SKIP
 * LOCKED (a busy instance is left for the next round), due timers are re-read after the lock,
 * and the fired timer disappears from state and timer_job in the same commit.
 * Returns whether the instance was woken.
 */
export async function wakeInstance(commands: InstanceCommands, instanceId: string, now = new Date(), onFired?: TimerFiredObserver): Promise<boolean> {
  let oldestDue: Date | undefined;
  const woken = await commands.transaction(async (em) => {
    const locked = await commands.lock(em, instanceId, { skipLocked: true });
    if (!locked || locked.instance.status !== 'running') return false;
    const due = await em.find(TimerJobEntity, { where: { instanceId, dueAt: LessThanOrEqual(now) } });
    if (due.length === 0) return false;
    const { instance, definition } = locked;
    oldestDue = new Date(Math.min(...due.map((t) => t.dueAt.getTime())));
    const step = await commands.step(definition, instance.state, { kind: 'wake' });
    await persistStep(em, instance, definition.model, step, timerActor);
    await appendAudit(em, timerActor, {
      tenantId: instance.tenantId,
      action: step.status === 'failed' ? 'instance.failed' : 'timer.fired',
      instanceId,
      details: { elementIds: due.map((t) => t.elementId), ...(step.failure ? { failure: redactMessage(String(step.failure)) } : {}) },
    });
    if (step.status === 'failed') logger.error('instance failed on timer', { instanceId, failure: redactMessage(String(step.failure)) });
    return true;
  });
  if (woken && oldestDue) onFired?.((Date.now() - oldestDue.getTime()) / 1000);
  return woken;
}

/** Instances with a due timer, oldest first. */
export async function dueInstances(commands: InstanceCommands, now: Date, limit: number): Promise<string[]> {
  const rows: { instance_id: string }[] = await commands.dataSource.query(
    `SELECT instance_id FROM timer_job WHERE due_at <= $1 GROUP BY instance_id ORDER BY min(due_at) LIMIT $2`,
    [now, limit],
  );
  return rows.map((r) => r.instance_id);
}

/** One poll round: wakes every instance with a due timer it can lock. Returns how many fired. */
export async function fireDueTimers(commands: InstanceCommands, limit = 50, onFired?: TimerFiredObserver): Promise<number> {
  const now = new Date();
  let fired = 0;
  for (const instanceId of await dueInstances(commands, now, limit)) {
    try {
      if (await wakeInstance(commands, instanceId, now, onFired)) fired++;
    } catch (err) {
      logger.error('timer wake failed', { instanceId, ...describeError(err) });
    }
  }
  return fired;
}
