import { DateTime } from 'luxon';
import { endOfDay, isoDay, Moment, toAmsterdam, toCalendarDay } from './amsterdam-time';
import { DsrError, DsrErrorCode } from './dsr-error';
import { AtwCalendar, defaultAtwCalendar, NonWorkingDay } from './public-holidays';

/**
 * The legal clock of a data-subject request (art. 12(3) AVG):
 * - one month from receipt, counted as Regulation 1182/71 art. 3 does (EDPB Guidelines 01/2022): the day of
 *   receipt does not count, the term ends at the end of the same date in the next month, or of that month's
 *   last day when the date does not exist (31 January → 28/29 February); never "30 days";
 * - a term ending on a Saturday, Sunday or Atw day runs on to the end of the next working day (art. 1 Atw);
 * - extension by at most two further months, for complexity or the number of requests, by a motivated
 *   letter sent before the first month ends (BLNP Bijlage 5 "Opschorten/verdagen");
 * - suspension (opschorting) for a repair term moves the end by the suspended days.
 */

export const EXTENSION_REASONS = ['complexity', 'number_of_requests'] as const;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

/** The motivated extension letter (verdagingsbrief). */
export interface ExtensionNotice {
  /** When the letter was sent; must be within the first month. */
  sentAt: Moment;
  /** Length of the extension; months + weeks + days together at most two months. */
  months?: number;
  weeks?: number;
  days?: number;
  /** At least one of the two grounds of art. 12(3) AVG. */
  reasons: readonly ExtensionReason[];
  /** The motivation as written in the letter (not open to objection, but required). */
  motivation: string;
}

/**
 * A suspension of the clock: either a number of days decided elsewhere, or a repair term whose length
 * follows art. 4:15 lid 1 Awb: from the day after the repair request up to (not including) the day the
 * request was completed or the repair term ran out unused.
 */
export type Suspension =
  | { days: number; reason?: string }
  | { repairRequestedOn: string; resumedOn: string; reason?: string };

export interface DeadlineDay {
  /** The date the term ends on by counting alone (yyyy-MM-dd). */
  nominalDate: string;
  /** The date after art. 1 Atw (yyyy-MM-dd). */
  date: string;
  /** The last moment of that day in Amsterdam (ISO 8601 with offset). */
  dueAt: string;
  /** Saturdays, Sundays and Atw days the end was moved over. */
  passedOver: NonWorkingDay[];
}

export interface CalendarWarning {
  code: 'ATW_EQUATED_DAYS_UNKNOWN';
  year: number;
  message: string;
}

export interface LegalDeadline {
  receivedAt: string;
  /** The day of receipt in Amsterdam; it does not count. */
  receivedOn: string;
  suspendedDays: number;
  /** End of the first month (after suspension): the decision, or the extension letter, must be sent by then. */
  firstMonth: DeadlineDay;
  extension?: { months: number; weeks: number; days: number; reasons: ExtensionReason[]; sentAt: string };
  /** The deadline in force: `firstMonth`, or the extended one. */
  deadline: DeadlineDay;
  /** Years in the computation whose equated days (art. 3 lid 3 Atw) this release does not know. */
  warnings: CalendarWarning[];
}

export interface LegalDeadlineInput {
  receivedAt: Moment;
  suspensions?: readonly Suspension[];
  extension?: ExtensionNotice;
}

export function computeLegalDeadline(input: LegalDeadlineInput, calendar: AtwCalendar = defaultAtwCalendar): LegalDeadline {
  const receivedAt = toAmsterdam(input.receivedAt, 'receivedAt');
  const receivedOn = receivedAt.startOf('day');
  const { total: suspendedDays, periods } = countSuspendedDays(receivedOn, input.suspensions ?? []);

  const firstMonth = endOfTerm(receivedOn.plus({ months: 1 }).plus({ days: suspendedDays }), calendar);
  let unsuspendedEnd = receivedOn.plus({ months: 1 });
  let deadline = firstMonth;
  let extension: LegalDeadline['extension'];
  if (input.extension) {
    const notice = validateExtension(input.extension, receivedAt, receivedOn, firstMonth);
    unsuspendedEnd = receivedOn.plus({ months: 1 + notice.months }).plus({ weeks: notice.weeks, days: notice.days });
    deadline = endOfTerm(unsuspendedEnd.plus({ days: suspendedDays }), calendar);
    extension = notice;
  }
  // A clock that has run out cannot be suspended: each repair request must fall within the term as it
  // stood then (with the suspensions before it).
  let suspendedBefore = undatedSuspensionDays(input.suspensions ?? []);
  for (const period of periods) {
    const termThen = endOfTerm(unsuspendedEnd.plus({ days: suspendedBefore }), calendar);
    if (isoDay(period.from) > termThen.date) {
      throw new DsrError(DsrErrorCode.SUSPENSION_AFTER_DEADLINE, 'a repair requested after the deadline does not suspend it', {
        index: period.index,
        repairRequestedOn: isoDay(period.from),
        deadline: termThen.date,
      });
    }
    suspendedBefore += period.days;
  }

  const warnings: CalendarWarning[] = [];
  const years = new Set([firstMonth.nominalDate, firstMonth.date, deadline.nominalDate, deadline.date].map((d) => Number(d.slice(0, 4))));
  for (const year of [...years].sort()) {
    if (!calendar.equatedDaysKnown(year)) {
      warnings.push({
        code: 'ATW_EQUATED_DAYS_UNKNOWN',
        year,
        message: `Het besluit gelijkstelling (art. 3 lid 3 Atw) voor ${year} is niet bekend; controleer brugdagen.`,
      });
    }
  }

  return {
    receivedAt: receivedAt.toISO()!,
    receivedOn: isoDay(receivedOn),
    suspendedDays,
    firstMonth,
    extension,
    deadline,
    warnings,
  };
}

/** Calendar days from `now`'s Amsterdam day to the deadline day; negative once it has passed. */
export function daysLeft(deadline: LegalDeadline, now: Moment): number {
  const today = toAmsterdam(now, 'now').startOf('day');
  return Math.round(toCalendarDay(deadline.deadline.date).diff(today, 'days').days);
}

/** Whether the deadline has passed at `now` (it lasts to the end of its day). */
export function isOverdue(deadline: LegalDeadline, now: Moment): boolean {
  return toAmsterdam(now, 'now') > DateTime.fromISO(deadline.deadline.dueAt);
}

/** Art. 1 Atw applied to a counted end date. */
export function endOfTerm(nominal: DateTime, calendar: AtwCalendar = defaultAtwCalendar): DeadlineDay {
  const { day, passedOver } = calendar.nextWorkingDayFrom(nominal);
  return { nominalDate: isoDay(nominal), date: isoDay(day), dueAt: endOfDay(day).toISO()!, passedOver };
}

interface SuspensionPeriod {
  from: DateTime;
  until: DateTime;
  days: number;
  index: number;
}

/** Sum of the suspensions given as a number of days (they carry no dates, so they count as earliest). */
function undatedSuspensionDays(suspensions: readonly Suspension[]): number {
  return suspensions.reduce((sum, suspension) => sum + ('days' in suspension ? suspension.days : 0), 0);
}

function countSuspendedDays(receivedOn: DateTime, suspensions: readonly Suspension[]): { total: number; periods: SuspensionPeriod[] } {
  let total = 0;
  const periods: SuspensionPeriod[] = [];
  suspensions.forEach((suspension, index) => {
    if ('days' in suspension) {
      if (typeof suspension.days !== 'number' || !Number.isFinite(suspension.days) || !Number.isInteger(suspension.days)) {
        throw new DsrError(DsrErrorCode.SUSPENSION_NOT_WHOLE_DAYS, 'a suspension lasts a whole number of days', { index, days: suspension.days });
      }
      if (suspension.days < 0) {
        throw new DsrError(DsrErrorCode.SUSPENSION_NEGATIVE, 'a suspension cannot be negative', { index, days: suspension.days });
      }
      total += suspension.days;
      return;
    }
    const from = toCalendarDay(suspension.repairRequestedOn, `suspensions[${index}].repairRequestedOn`);
    const until = toCalendarDay(suspension.resumedOn, `suspensions[${index}].resumedOn`);
    if (from < receivedOn) {
      throw new DsrError(DsrErrorCode.SUSPENSION_BEFORE_RECEIPT, 'a repair cannot be requested before the request was received', {
        index,
        repairRequestedOn: isoDay(from),
        receivedOn: isoDay(receivedOn),
      });
    }
    if (until < from) {
      throw new DsrError(DsrErrorCode.SUSPENSION_PERIOD_REVERSED, 'a suspension cannot end before it starts', {
        index,
        repairRequestedOn: isoDay(from),
        resumedOn: isoDay(until),
      });
    }
    // Art. 4:15 lid 1 Awb: suspended from the day after the request up to the day of completion.
    const days = Math.max(0, Math.round(until.diff(from, 'days').days) - 1);
    periods.push({ from, until, days, index });
    total += days;
  });
  periods.sort((a, b) => a.from.toMillis() - b.from.toMillis());
  for (let i = 1; i < periods.length; i++) {
    if (periods[i].from < periods[i - 1].until) {
      throw new DsrError(DsrErrorCode.SUSPENSION_OVERLAP, 'suspension periods overlap', {
        indexes: [periods[i - 1].index, periods[i].index],
      });
    }
  }
  return { total, periods };
}

function validateExtension(
  notice: ExtensionNotice,
  receivedAt: DateTime,
  receivedOn: DateTime,
  firstMonth: DeadlineDay,
): NonNullable<LegalDeadline['extension']> {
  const sentAt = toAmsterdam(notice.sentAt, 'extension.sentAt');
  if (sentAt < receivedAt) {
    throw new DsrError(DsrErrorCode.EXTENSION_BEFORE_RECEIPT, 'an extension letter cannot precede the request', {
      sentAt: sentAt.toISO(),
      receivedAt: receivedAt.toISO(),
    });
  }
  if (sentAt > DateTime.fromISO(firstMonth.dueAt)) {
    throw new DsrError(DsrErrorCode.EXTENSION_AFTER_FIRST_MONTH, 'the extension letter must be sent before the first month ends (art. 12(3) AVG)', {
      sentAt: sentAt.toISO(),
      firstMonthDueAt: firstMonth.dueAt,
    });
  }
  const reasons = [...new Set(notice.reasons ?? [])];
  if (reasons.length === 0) {
    throw new DsrError(DsrErrorCode.EXTENSION_REASON_MISSING, 'an extension needs a reason: complexity or number of requests');
  }
  const invalid = reasons.filter((reason) => !(EXTENSION_REASONS as readonly string[]).includes(reason));
  if (invalid.length > 0) {
    throw new DsrError(DsrErrorCode.EXTENSION_REASON_INVALID, 'art. 12(3) AVG allows only complexity or number of requests', { invalid });
  }
  if (typeof notice.motivation !== 'string' || notice.motivation.trim() === '') {
    throw new DsrError(DsrErrorCode.EXTENSION_MOTIVATION_MISSING, 'the extension letter must state its motivation');
  }
  const parts = { months: notice.months ?? 0, weeks: notice.weeks ?? 0, days: notice.days ?? 0 };
  for (const [unit, value] of Object.entries(parts)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new DsrError(DsrErrorCode.EXTENSION_INVALID_DURATION, `extension ${unit} must be a non-negative whole number`, { [unit]: value });
    }
  }
  if (parts.months + parts.weeks + parts.days === 0) {
    throw new DsrError(DsrErrorCode.EXTENSION_INVALID_DURATION, 'an extension must extend the term');
  }
  const extendedEnd = receivedOn.plus({ months: 1 + parts.months }).plus({ weeks: parts.weeks, days: parts.days });
  const latestEnd = receivedOn.plus({ months: 3 });
  if (extendedEnd > latestEnd) {
    throw new DsrError(DsrErrorCode.EXTENSION_TOO_LONG, 'an extension is at most two further months (art. 12(3) AVG)', {
      extendedEnd: isoDay(extendedEnd),
      latestEnd: isoDay(latestEnd),
    });
  }
  return { ...parts, reasons, sentAt: sentAt.toISO()! };
}
