import type { EntityManager } from 'typeorm';
import { destroyRequestFile } from '../dsr/request-destruction';
import type { Actor } from '../identity/actor';
import { logEvent } from '../incidents/logbook';
import { IncidentEntity } from '../persistence/entities';
import { appendAudit } from '../workflow/audit-trail';
import { purgeEndedCaseData } from '../workflow/case-data-purge';
import { factsOf } from './case-facts';
import { lockCases } from './case-records.repository';
import { markRemoved } from './case-retention.repository';
import { DataProtectionError, DataProtectionErrorCode } from './data-protection-error';
import { erasureHold, HOLD_TEXTS } from './erasure-holds';
import { identifierTerms, Person } from './person-identifiers';
import { LocatedCase, locatePerson, PersonRole } from './person-locator';
import { CASE_TABLES } from './personal-data-map';
import { caseRows, casesMentioning, rewriteRow } from './personal-data.repository';
import type { PseudonymRegistry } from './pseudonyms';
import { mentions, redactJson, redactText, termPattern } from './redaction';

export interface ErasureProps {
  actor: Actor;
  /** The role that allowed it, for the audit trail. */
  roleUsed: string | null;
  tenantId: string;
  person: Person;
  /** The cases to erase the person from (chosen from the export); checked, then all or nothing. */
  caseIds: string[];
  /** The AVG request this carries out (AVG-<year>-<number>), recorded in the audit trail. */
  requestReference?: string;
  pseudonyms: PseudonymRegistry;
  now: Date;
}

export interface ErasedCase {
  caseId: string;
  caseType: string;
  reference: string | null;
  roles: PersonRole[];
}

export interface ErasureResult {
  /** The pseudonym the audit entries of this erasure carry; it no longer leads to anyone. */
  subject: string;
  erasedAt: Date;
  cases: ErasedCase[];
}

/**
 * Erases one person's data from closed cases (art. 17 AVG for the platform itself), in the
 * caller's transaction: all listed cases or none. Refused, changing nothing, when a case does not
 * exist here, does not name the person, is still open or is under a legal hold. The person's own
 * request file goes entirely (as after its retention period); elsewhere every text and JSON value
 * that names them is redacted. The audit entries of the erasure carry a pseudonym whose link to
 * the person is deleted in the same transaction, so the hash chain stays whole and verifiable.
 */
export async function erasePerson(em: EntityManager, props: ErasureProps): Promise<ErasureResult> {
  const { tenantId, now } = props;
  const locked = await lockCases(em, tenantId, props.caseIds);
  const missing = props.caseIds.filter((id) => !locked.includes(id));
  if (missing.length) throw notFound(missing);

  const located = await locatePerson(em, tenantId, props.person, locked);
  const notNamed = locked.filter((id) => !located.cases.some((c) => c.record.instanceId === id));
  if (notNamed.length) throw notFound(notNamed);

  const blocking = located.cases
    .map((c) => ({ c, hold: erasureHold(factsOf(c), now) }))
    .filter((b) => b.hold)
    .map(({ c, hold }) => ({ caseId: c.record.instanceId, reference: c.record.reference, code: hold!.code, reason: hold!.reason, text: HOLD_TEXTS[hold!.reason], until: hold!.until?.toISOString() ?? null }));
  if (blocking.length) {
    const code = blocking.some((b) => b.code === 'ERASURE_CASE_OPEN') ? DataProtectionErrorCode.ERASURE_CASE_OPEN : DataProtectionErrorCode.ERASURE_LEGAL_HOLD;
    throw new DataProtectionError(code, `erasure refused: ${blocking.map((b) => `${b.caseId} ${b.reason}`).join(', ')}`, { blocking });
  }

  const person = located.person;
  const terms = [...identifierTerms(person), ...located.extraTerms];
  const pattern = termPattern(terms);
  const subject = await props.pseudonyms.pseudonymFor(em, tenantId, person);
  const earlier = await props.pseudonyms.existing(em, tenantId, person);

  for (const lc of located.cases) {
    await eraseFromCase(em, lc, pattern, props.actor, now);
    await appendAudit(em, props.actor, {
      tenantId,
      action: 'case.personal-data-erased',
      instanceId: lc.record.instanceId,
      roleUsed: props.roleUsed,
      details: { subject, roles: lc.roles, ...(props.requestReference ? { request: props.requestReference } : {}) },
    });
  }
  // Search and redaction read the same map; anything left would be a defect, and a partial erasure is worse than none.
  const left = await casesMentioning(em, tenantId, terms, locked);
  if (left.size) throw new Error(`erasure incomplete in ${[...left.values()].flatMap((t) => [...t]).join(', ')}`);

  await appendAudit(em, props.actor, {
    tenantId,
    action: 'person.erased',
    roleUsed: props.roleUsed,
    details: { subject, cases: located.cases.map((c) => c.record.instanceId), ...(props.requestReference ? { request: props.requestReference } : {}) },
  });
  await props.pseudonyms.forget(em, tenantId, person, [subject, ...earlier]);
  return {
    subject,
    erasedAt: now,
    cases: located.cases.map((c) => ({ caseId: c.record.instanceId, caseType: c.record.caseType, reference: c.record.reference, roles: c.roles })),
  };
}

const notFound = (caseIds: string[]) =>
  new DataProtectionError(DataProtectionErrorCode.ERASURE_CASE_NOT_FOUND, `no case of this municipality naming the person: ${caseIds.join(', ')}`, { caseIds });

async function eraseFromCase(em: EntityManager, located: LocatedCase, pattern: RegExp | null, actor: Actor, now: Date): Promise<void> {
  const { record, roles } = located;
  const instanceId = record.instanceId;
  if (roles.includes('requester') && record.request) {
    // The whole request is about them: its file goes as it would after the retention period.
    await destroyRequestFile(em, instanceId);
    await purgeEndedCaseData(em, instanceId);
    await markRemoved(em, instanceId, 'erasure', now);
  }
  if (roles.includes('reporter') && record.incident) {
    await em.update(IncidentEntity, { id: record.incident.id }, { reporterName: null, reporterContact: null });
  }
  for (const table of CASE_TABLES.filter((t) => t.change !== 'immutable')) {
    for (const row of await caseRows(em, table, instanceId)) {
      const changes: Record<string, unknown> = {};
      for (const column of table.text) {
        const value = row[column];
        if (typeof value === 'string' && mentions(value, pattern)) changes[column] = redactText(value, pattern);
      }
      for (const column of table.json) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        const redacted = redactJson(value, pattern);
        if (JSON.stringify(redacted) !== JSON.stringify(value)) changes[column] = redacted;
      }
      if (Object.keys(changes).length) await rewriteRow(em, table, row, changes);
    }
  }
  if (record.incident) await logEvent(em, record.incident, 'Persoonsgegevens van een betrokkene gewist (art. 17 AVG)', actor, now);
}
