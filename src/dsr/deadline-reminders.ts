import { DateTime } from 'luxon';
import { AMSTERDAM, toCalendarDay } from './amsterdam-time';
import { DsrError, DsrErrorCode } from './dsr-error';
import { LegalDeadline } from './legal-deadline';
import { AtwCalendar, defaultAtwCalendar } from './public-holidays';

export interface ReminderPolicy {
  /** Reminders this many working days before the deadline day (each ≥ 1). */
  workingDaysBefore: readonly number[];
  /** Local Amsterdam time of day the reminders go out, HH:mm. */
  atLocalTime: string;
}

/**
 * Five working days leaves time to write an extension letter or a decision; the last working day is the
 * final warning. A municipality can choose otherwise per process.
 */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { workingDaysBefore: [5, 1], atLocalTime: '09:00' };

export interface Reminder {
  workingDaysBefore: number;
  /** ISO 8601 with offset. */
  at: string;
  /** Whether an extension letter can still be sent at this moment (only within the first month, and only once). */
  extensionStillPossible: boolean;
}

export interface ReminderPlan {
  reminders: Reminder[];
  /** First moment after the deadline: the case escalates to the PB. */
  escalationAt: string;
}

/** Moments for durable timers: reminders before the deadline in force and the escalation when it passes. */
export function planReminders(
  deadline: LegalDeadline,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
  calendar: AtwCalendar = defaultAtwCalendar,
): ReminderPlan {
  const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(policy.atLocalTime);
  if (!time) {
    throw new DsrError(DsrErrorCode.REMINDER_INVALID_TIME, 'reminder time must be HH:mm', { atLocalTime: policy.atLocalTime });
  }
  for (const offset of policy.workingDaysBefore) {
    if (!Number.isInteger(offset) || offset < 1) {
      throw new DsrError(DsrErrorCode.REMINDER_INVALID_OFFSET, 'reminders are whole working days (≥ 1) before the deadline', { offset });
    }
  }
  const receivedAt = DateTime.fromISO(deadline.receivedAt);
  const firstMonthDue = DateTime.fromISO(deadline.firstMonth.dueAt);
  const deadlineDay = toCalendarDay(deadline.deadline.date);
  const reminders = [...new Set(policy.workingDaysBefore)]
    .sort((a, b) => b - a)
    .map((offset) => {
      const at = calendar
        .workingDaysBefore(deadlineDay, offset)
        .set({ hour: Number(time[1]), minute: Number(time[2]) })
        .setZone(AMSTERDAM);
      return { workingDaysBefore: offset, at, extensionStillPossible: !deadline.extension && at <= firstMonthDue };
    })
    // A reminder before the request arrived makes no sense (very long offsets).
    .filter((reminder) => reminder.at > receivedAt)
    .map((reminder) => ({ ...reminder, at: reminder.at.toISO()! }));
  return { reminders, escalationAt: DateTime.fromISO(deadline.deadline.dueAt).setZone(AMSTERDAM).plus({ milliseconds: 1 }).toISO()! };
}
