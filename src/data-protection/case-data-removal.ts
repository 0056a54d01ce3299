import type { EntityManager } from 'typeorm';
import { destroyRequestFile } from '../dsr/request-destruction';
import { systemActor } from '../identity/actor';
import { destroyCaseFile } from '../incidents/incident-register';
import type { RetentionCaseType } from '../persistence/entities/case-retention.entity';
import { appendAudit } from '../workflow/audit-trail';
import { purgeEndedCaseData } from '../workflow/case-data-purge';
import { markRemoved } from './case-retention.repository';

export const retentionActor = systemActor('retention');

/**
 * Removes the personal data of one ended case, in the caller's transaction: the case type's own
 * file (the incident file as step 41 does, the request's texts and letters) and what the process
 * runtime kept (variables, engine state, task answers). What stays is the register entry: the
 * domain row without its texts, the case's history without content, and case_retention.
 */
export async function removeCasePersonalData(em: EntityManager, instanceId: string, caseType: RetentionCaseType): Promise<void> {
  if (caseType === 'data-subject-request') await destroyRequestFile(em, instanceId);
  if (caseType === 'incident') await destroyCaseFile(em, instanceId);
  await purgeEndedCaseData(em, instanceId);
}

/**
 * The retention timer's work for one case: removal, the audit entry and the register mark, all in
 * the caller's (the timer round's) transaction.
 */
export async function destroyAfterRetention(
  em: EntityManager,
  target: { instanceId: string; tenantId: string; caseType: RetentionCaseType; period: string | null },
  now: Date,
): Promise<void> {
  await removeCasePersonalData(em, target.instanceId, target.caseType);
  await recordDestruction(em, target, now, { caseType: target.caseType, reason: 'retention', period: target.period });
}

/**
 * The same removal when the incident process itself asks for it (step 41, the
 * `incident-file-destruction` service call), in the caller's transaction. Unlike the timer, which
 * only visits cases not yet marked, a call may be repeated: it then finds the file already
 * destroyed, changes nothing and returns false.
 */
export async function destroyIncidentFileAfterRetention(
  em: EntityManager,
  call: { instanceId: string; tenantId: string; elementId: string; executionId: string },
  now: Date,
): Promise<boolean> {
  if (!(await destroyCaseFile(em, call.instanceId))) return false;
  // The call being performed still holds a copy of the variables: it goes with the rest.
  await purgeEndedCaseData(em, call.instanceId, call.executionId);
  await recordDestruction(em, call, now, { caseType: 'incident', reason: 'retention', elementId: call.elementId });
  return true;
}

/** The register mark and the audit entry every retention removal leaves. */
async function recordDestruction(
  em: EntityManager,
  target: { instanceId: string; tenantId: string },
  now: Date,
  details: Record<string, unknown>,
): Promise<void> {
  await markRemoved(em, target.instanceId, 'retention', now);
  await appendAudit(em, retentionActor, {
    tenantId: target.tenantId,
    action: 'case.personal-data-destroyed',
    instanceId: target.instanceId,
    details,
  });
}
