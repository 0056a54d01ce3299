import { isoDay, Moment, toAmsterdam, toCalendarDay } from './amsterdam-time';
import { DateTime } from 'luxon';
import { DeadlineDay, endOfTerm } from './legal-deadline';
import { AtwCalendar, defaultAtwCalendar } from './public-holidays';

/**
 * A decision on an AVG request is a besluit (art. 34 UAVG): bezwaar within six weeks (art. 6:7 Awb),
 * starting the day after the decision was sent (art. 6:8 Awb); the Atw applies to the end.
 */
export function objectionDeadline(sentOn: string | DateTime, calendar: AtwCalendar = defaultAtwCalendar): DeadlineDay {
  // Starting the day after sending, six weeks end on the same weekday as the sending date.
  return endOfTerm(toCalendarDay(sentOn, 'sentOn').plus({ weeks: 6 }), calendar);
}

export interface ObjectionArrival {
  /** The sending date of the decision. */
  decisionSentOn: string;
  /** When the objection was received. */
  receivedAt: Moment;
  /** For an objection by post: when it was handed to the post (postmark). */
  postedAt?: Moment;
}

export type ObjectionTimeliness =
  | { timely: true; basis: 'received_within_term' | 'posted_within_term' ; deadline: DeadlineDay }
  | { timely: false; basis: 'received_late' | 'posted_late' | 'posted_but_received_too_late'; deadline: DeadlineDay };

/**
 * Art. 6:9 Awb: timely when received before the end of the term, or, by post, when posted before the end
 * and received no later than one week after it.
 */
export function objectionTimeliness(arrival: ObjectionArrival, calendar: AtwCalendar = defaultAtwCalendar): ObjectionTimeliness {
  const deadline = objectionDeadline(arrival.decisionSentOn, calendar);
  const due = DateTime.fromISO(deadline.dueAt);
  const received = toAmsterdam(arrival.receivedAt, 'receivedAt');
  if (received <= due) return { timely: true, basis: 'received_within_term', deadline };
  if (!arrival.postedAt) return { timely: false, basis: 'received_late', deadline };
  const posted = toAmsterdam(arrival.postedAt, 'postedAt');
  if (posted > due) return { timely: false, basis: 'posted_late', deadline };
  const graceEnd = toCalendarDay(isoDay(due)).plus({ weeks: 1 }).endOf('day');
  return received <= graceEnd
    ? { timely: true, basis: 'posted_within_term', deadline }
    : { timely: false, basis: 'posted_but_received_too_late', deadline };
}
