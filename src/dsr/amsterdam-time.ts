import { DateTime } from 'luxon';
import { DsrError, DsrErrorCode } from './dsr-error';

/** Municipal legal terms run on Dutch civil days; every calendar computation happens in this zone. */
export const AMSTERDAM = 'Europe/Amsterdam';

/** A moment as callers hold it: an ISO 8601 string with offset, a JS Date, or a luxon DateTime. */
export type Moment = string | Date | DateTime;

/** The moment in Amsterdam time. An ISO string must carry an offset or `Z`: a bare local time is ambiguous around DST. */
export function toAmsterdam(moment: Moment, field = 'moment'): DateTime {
  let value: DateTime;
  if (DateTime.isDateTime(moment)) value = moment;
  else if (moment instanceof Date) value = DateTime.fromJSDate(moment);
  else if (typeof moment === 'string' && /(?:Z|[+-]\d{2}:?\d{2})$/i.test(moment.trim())) {
    value = DateTime.fromISO(moment.trim(), { setZone: true });
  } else {
    throw new DsrError(DsrErrorCode.INVALID_MOMENT, `${field} must be an ISO 8601 moment with an offset`, { field, value: String(moment) });
  }
  if (!value.isValid) {
    throw new DsrError(DsrErrorCode.INVALID_MOMENT, `${field} is not a valid moment: ${value.invalidExplanation ?? ''}`, {
      field,
      value: String(moment),
    });
  }
  return value.setZone(AMSTERDAM);
}

/** A calendar day (`yyyy-MM-dd`, or a moment whose Amsterdam day is meant) as the start of that day in Amsterdam. */
export function toCalendarDay(day: string | DateTime, field = 'date'): DateTime {
  if (DateTime.isDateTime(day)) return day.setZone(AMSTERDAM).startOf('day');
  const value = /^\d{4}-\d{2}-\d{2}$/.test(day) ? DateTime.fromISO(day, { zone: AMSTERDAM }) : undefined;
  if (!value?.isValid) {
    throw new DsrError(DsrErrorCode.INVALID_DATE, `${field} must be a calendar date yyyy-MM-dd`, { field, value: day });
  }
  return value;
}

/** `yyyy-MM-dd` of the Amsterdam day. */
export function isoDay(day: DateTime): string {
  return day.setZone(AMSTERDAM).toISODate()!;
}

/** The last moment of the Amsterdam day: a term "ends with the expiry of the last hour" of its last day. */
export function endOfDay(day: DateTime): DateTime {
  return day.setZone(AMSTERDAM).endOf('day');
}
