import { DateTime, Duration } from 'luxon';
import type { TimerStartModel } from '../deployment/diagram-model';

/** When a timer start event next fires, and how many firings are left (null: unbounded). */
export interface Occurrence {
  dueAt: Date;
  remaining: number | null;
}

interface Cycle {
  repeat: number | null;
  start?: DateTime;
  every: Duration;
  until?: DateTime;
}

const date = (text: string) => DateTime.fromISO(text, { setZone: true });

/** `R[n]/duration`, `R[n]/start/duration` or `R[n]/duration/end` (ISO 8601 repeating intervals). */
function parseCycle(value: string): Cycle {
  const [r, a, b] = value.split('/');
  const repeat = r.length > 1 ? Number(r.slice(1)) : null;
  if (b === undefined) return { repeat, every: Duration.fromISO(a) };
  if (a.startsWith('P')) return { repeat, every: Duration.fromISO(a), until: date(b) };
  return { repeat, start: date(a), every: Duration.fromISO(b) };
}

/** The first occurrence after deployment at `now`; undefined when the schedule never fires. */
export function firstOccurrence(timer: TimerStartModel, now: Date): Occurrence | undefined {
  const from = DateTime.fromJSDate(now);
  if (timer.kind === 'timeDate') return { dueAt: date(timer.value).toJSDate(), remaining: 1 };
  if (timer.kind === 'timeDuration') return { dueAt: from.plus(Duration.fromISO(timer.value)).toJSDate(), remaining: 1 };
  const cycle = parseCycle(timer.value);
  if (cycle.repeat === 0) return undefined;
  const dueAt = cycle.start ?? from.plus(cycle.every);
  if (cycle.until && dueAt > cycle.until) return undefined;
  return { dueAt: dueAt.toJSDate(), remaining: cycle.repeat };
}

/**
 * The occurrence after `fired` (which fired at `now`). Occurrences missed while no server ran are
 * not made up for: the cycle fires once for them and continues with the next one after `now`.
 */
export function nextOccurrence(timer: TimerStartModel, fired: Occurrence, now: Date): Occurrence | undefined {
  if (timer.kind !== 'timeCycle') return undefined;
  const remaining = fired.remaining === null ? null : fired.remaining - 1;
  if (remaining !== null && remaining <= 0) return undefined;
  const cycle = parseCycle(timer.value);
  if (cycle.every.as('milliseconds') <= 0) return undefined;
  const after = DateTime.fromJSDate(now);
  let next = DateTime.fromJSDate(fired.dueAt).plus(cycle.every);
  for (let guard = 0; next <= after && guard < 100000; guard++) next = next.plus(cycle.every);
  if (next <= after) next = after.plus(cycle.every);
  if (cycle.until && next > cycle.until) return undefined;
  return { dueAt: next.toJSDate(), remaining };
}
