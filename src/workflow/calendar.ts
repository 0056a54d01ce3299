import { DateTime, Duration } from 'luxon';

/**
 * A day as forms and the APIs write it (YYYY-MM-DD) that the calendar has: 2024-02-30 is refused
 * here, not by the date column after the domain accepted it.
 */
export function isCalendarDate(text: string | null | undefined): text is string {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid;
}

/** The moment an ISO 8601 duration (P8W, P4Y, P1M) after `from`, in calendar terms (a month is a month). */
export function afterDuration(from: Date, isoDuration: string): Date {
  return DateTime.fromJSDate(from, { zone: 'utc' }).plus(Duration.fromISO(isoDuration)).toJSDate();
}
