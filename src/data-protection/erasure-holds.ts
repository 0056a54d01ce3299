import { DateTime } from 'luxon';
import { endOfDay, isoDay, toCalendarDay } from '../dsr/amsterdam-time';
import { objectionDeadline } from '../dsr/objection-term';
import type { RetentionCaseType } from '../persistence/entities/case-retention.entity';

/**
 * When the law does not allow erasing a person's data from a case yet (art. 17(3) AVG). Pure:
 * the facts come from the database, the moment is passed in.
 *
 * - An open case is never touched: its data are still being processed for the request or incident.
 * - A decision on an AVG request is a besluit: while bezwaar (6 weeks after sending, plus the week
 *   an objection posted in time may take to arrive, art. 6:7–6:9 Awb) or, after a decision on
 *   objection, beroep (the same term) is possible, the file is needed to defend it (art. 17(3)(e)).
 * - An incident file is in use until it is archived (evaluation and improvement measures follow
 *   closing), and while an AP notification is still concept or provisional the AP may ask for it.
 * - Records the law keeps unchangeable — the FG's advice, the decision on notifying, the AP
 *   notification's history (art. 33(5) AVG documentation) — cannot be erased (art. 17(3)(b)).
 * A retention period is a maximum (opslagbeperking), not a duty to keep, so it is no hold.
 */
export type HoldCode = 'ERASURE_CASE_OPEN' | 'ERASURE_LEGAL_HOLD';
export type HoldReason =
  | 'case-running'
  | 'case-failed'
  | 'objection-pending'
  | 'incident-file-in-use'
  | 'objection-term'
  | 'appeal-term'
  | 'ap-notification-open'
  | 'record-kept-by-law';

export interface ErasureHold {
  code: HoldCode;
  reason: HoldReason;
  /** When the hold ends by itself; null when it ends with an event (the case closing) or never. */
  until: Date | null;
}

export const HOLD_TEXTS: Record<HoldReason, string> = {
  'case-running': 'De zaak loopt nog.',
  'case-failed': 'De zaak is vastgelopen en nog niet afgehandeld.',
  'objection-pending': 'Er loopt een bezwaar tegen het besluit.',
  'incident-file-in-use': 'Het incidentdossier is nog niet gearchiveerd (evaluatie en verbetermaatregelen lopen).',
  'objection-term': 'De bezwaartermijn tegen het besluit loopt nog (art. 6:7 en 6:9 Awb).',
  'appeal-term': 'De beroepstermijn tegen de beslissing op bezwaar loopt nog (art. 6:7 en 6:9 Awb).',
  'ap-notification-open': 'De melding bij de AP is nog niet definitief of ingetrokken.',
  'record-kept-by-law': 'De persoon staat in vastleggingen die de wet onveranderd laat bewaren (art. 33 lid 5 AVG).',
};

export interface CaseFacts {
  caseType: RetentionCaseType;
  instanceStatus: 'running' | 'completed' | 'failed';
  dataSubjectRequest?: {
    status: 'open' | 'suspended' | 'withdrawn' | 'decided' | 'not_processed';
    sentAt: Date | null;
    /** Last day of the objection term (yyyy-MM-dd). */
    objectionDeadline: string | null;
    objection: { decidedAt: string | null } | null;
  } | null;
  incident?: {
    status: 'reported' | 'in_progress' | 'not_an_incident' | 'closed' | 'destroyed';
    archivedAt: Date | null;
    apNotificationStatus: string | null;
  } | null;
  /** Tables that may not change (triggers) in which the person appears. */
  immutableMentions: string[];
}

/** The week an objection posted in time may still take to arrive (art. 6:9 lid 2 Awb). */
const windowAfter = (lastDayOfTerm: string) => endOfDay(toCalendarDay(lastDayOfTerm).plus({ weeks: 1 })).toJSDate();

const open = (reason: HoldReason): ErasureHold => ({ code: 'ERASURE_CASE_OPEN', reason, until: null });
const held = (reason: HoldReason, until: Date | null): ErasureHold => ({ code: 'ERASURE_LEGAL_HOLD', reason, until });

export function erasureHold(facts: CaseFacts, now: Date): ErasureHold | null {
  if (facts.instanceStatus === 'failed') return open('case-failed');
  const request = facts.dataSubjectRequest;
  const incident = facts.incident;
  if (request) {
    // The request's own status decides: the diagram's deadline watch may run on for weeks after a withdrawal.
    if (request.status === 'open' || request.status === 'suspended') return open('case-running');
    if (request.objection && !request.objection.decidedAt) return open('objection-pending');
    if (request.objection?.decidedAt) {
      const decidedOn = isoDay(DateTime.fromISO(request.objection.decidedAt));
      const until = windowAfter(objectionDeadline(decidedOn).date);
      if (now < until) return held('appeal-term', until);
    } else if (request.sentAt && request.objectionDeadline) {
      const until = windowAfter(request.objectionDeadline);
      if (now < until) return held('objection-term', until);
    }
  } else if (incident) {
    // The incident diagram keeps running until the file is destroyed: the incident's own status says whether it is closed.
    if (incident.status === 'reported' || incident.status === 'in_progress') return open('case-running');
    if (incident.status === 'closed' && !incident.archivedAt) return open('incident-file-in-use');
    if (incident.apNotificationStatus === 'concept' || incident.apNotificationStatus === 'provisional') return held('ap-notification-open', null);
  } else if (facts.instanceStatus === 'running') {
    return open('case-running');
  }
  if (facts.immutableMentions.length) return held('record-kept-by-law', null);
  return null;
}
