import { DateTime } from 'luxon';
import { BreachError, BreachErrorCode } from './breach-error';

/** Art. 33(1) AVG: notify within 72 hours after becoming aware; clock hours, weekends and nights included. */
export const NOTIFICATION_WINDOW_HOURS = 72;
/** Reminders to the FG, PB and GS before the window closes. */
export const REMINDER_HOURS = [24, 48] as const;

export interface BreachClock {
  awareAt: Date;
  deadlineAt: Date;
  reminderAt: [Date, Date];
}

/**
 * The clock of one breach. Arithmetic on the UTC instant, so a daylight-saving change inside
 * the window still gives exactly 72 elapsed hours.
 */
export function breachClock(awareAt: Date): BreachClock {
  const start = DateTime.fromJSDate(awareAt, { zone: 'utc' });
  return {
    awareAt,
    deadlineAt: start.plus({ hours: NOTIFICATION_WINDOW_HOURS }).toJSDate(),
    reminderAt: [start.plus({ hours: REMINDER_HOURS[0] }).toJSDate(), start.plus({ hours: REMINDER_HOURS[1] }).toJSDate()],
  };
}

/** The process variables the diagram's timers read (`${breachDeadlineAt}` and the reminders). */
export function clockVariables(clock: BreachClock): Record<string, string> {
  return {
    breachReminder1At: clock.reminderAt[0].toISOString(),
    breachReminder2At: clock.reminderAt[1].toISOString(),
    breachDeadlineAt: clock.deadlineAt.toISOString(),
  };
}

/**
 * The awareness time: what the person entered (a date-time with offset; a bare date is too
 * vague to start a legal clock), or the discovery time. Never in the future.
 */
export function resolveAwareness(entered: unknown, discoveredAt: Date, now: Date): Date {
  if (entered === undefined || entered === null || entered === '') return discoveredAt;
  const text = String(entered);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    throw new BreachError(BreachErrorCode.AWARENESS_TIME_INVALID, 'the awareness time needs a time of day, not only a date', [
      { field: 'awarenessAt', message: 'geef datum én tijd van kennisname' },
    ]);
  }
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid) throw new BreachError(BreachErrorCode.AWARENESS_TIME_INVALID, `"${text}" is not a date-time`);
  if (parsed.toMillis() > now.getTime()) {
    throw new BreachError(BreachErrorCode.AWARENESS_TIME_INVALID, 'the awareness time lies in the future', [
      { field: 'awarenessAt', message: 'het tijdstip van kennisname ligt in de toekomst' },
    ]);
  }
  return parsed.toJSDate();
}

export function isLate(clock: Pick<BreachClock, 'deadlineAt'>, at: Date): boolean {
  return at.getTime() > clock.deadlineAt.getTime();
}
