import type { CaseFacts } from './erasure-holds';
import type { LocatedCase } from './person-locator';
import { CASE_TABLES } from './personal-data-map';

const IMMUTABLE = new Set(CASE_TABLES.filter((t) => t.change === 'immutable').map((t) => t.table));

/** The facts the erasure holds are decided on, from what was read about a case and where the person occurs. */
export function factsOf(located: LocatedCase): CaseFacts {
  const { record } = located;
  return {
    caseType: record.caseType,
    instanceStatus: record.status,
    dataSubjectRequest: record.request
      ? {
          status: record.request.status,
          sentAt: record.request.sentAt,
          objectionDeadline: record.request.objectionDeadline,
          objection: record.request.objection ? { decidedAt: record.request.objection.decidedAt } : null,
        }
      : null,
    incident: record.incident ? { status: record.incident.status, archivedAt: record.incident.archivedAt, apNotificationStatus: record.apNotificationStatus } : null,
    immutableMentions: located.tables.filter((t) => IMMUTABLE.has(t)),
  };
}
