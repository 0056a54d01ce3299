import type { DataSource } from 'typeorm';
import type { Actor } from '../identity/actor';
import {
  canErasePersonalData,
  canExportPersonalData,
  canReadRetention,
  PERSONAL_DATA_ERASURE_ROLES,
  PERSONAL_DATA_EXPORT_ROLES,
  roleUsedAmong,
} from '../identity/access-policy';
import type { RetentionCaseType } from '../persistence/entities/case-retention.entity';
import { appendAudit } from '../workflow/audit-trail';
import { isUuid } from '../workflow/ids';
import { incidentFilesAwaitingDestruction, keptCases, RetentionCounts, retentionCounts } from './case-retention.repository';
import { DataProtectionError, DataProtectionErrorCode } from './data-protection-error';
import { erasePerson, ErasureResult } from './person-erasure';
import { buildPersonalDataDocument, ExportedCase } from './person-export';
import { checkIdentifiers, Person, PersonIdentifiers } from './person-identifiers';
import { locatePerson } from './person-locator';
import { PseudonymRegistry } from './pseudonyms';
import { removalDueAt, RetentionRule, retentionRules, RetentionSettings, ruleFor } from './retention-policy';
import { removeDueCaseData } from './retention-timer';

export interface PersonalDataExport {
  tenantId: string;
  /** The pseudonym this person's audit entries carry. */
  subject: string;
  generatedAt: Date;
  cases: ExportedCase[];
  document: Record<string, unknown>;
}

export interface ErasureRequest {
  person: PersonIdentifiers;
  caseIds: string[];
  requestReference?: string | null;
}

export interface RetentionScheduleEntry {
  caseId: string;
  caseType: RetentionCaseType;
  reference: string | null;
  /** When the case ended (for an incident file waiting for the diagram's timer: when it was archived). */
  since: Date;
  /** When its personal data go; null = no timer (DPIA). */
  dueAt: Date | null;
  /** `retention-timer` (the platform) or `diagram` (the incident diagram's own timer). */
  scheduledBy: 'retention-timer' | 'diagram';
}

export interface RetentionStatus {
  tenantId: string;
  rules: RetentionRule[];
  counts: RetentionCounts[];
  upcoming: RetentionScheduleEntry[];
}

export const MAX_ERASURE_CASES = 100;
const REQUEST_REFERENCE = /^AVG-\d{4}-\d{5}$/;

const forbidden = (what: string) => new DataProtectionError(DataProtectionErrorCode.FORBIDDEN, `you may not ${what}`);

/**
 * Data protection of the platform itself (issue 8 point 6): the retention schedule and its timer,
 * the export of everything held on one person, and erasure of a person from closed cases.
 * Every method takes the actor and checks access on its first lines.
 */
export class DataProtectionService {
  readonly rules: RetentionRule[];
  private readonly pseudonyms: PseudonymRegistry;

  constructor(
    private readonly dataSource: DataSource,
    settings: RetentionSettings & { pseudonymKey?: string },
  ) {
    this.rules = retentionRules(settings);
    this.pseudonyms = new PseudonymRegistry(settings.pseudonymKey);
  }

  /** One round of the retention timer (every server runs it; see retention-timer.ts). */
  removeDueCaseData(now = new Date()): Promise<number> {
    return removeDueCaseData(this.dataSource, this.rules, now);
  }

  async retentionStatus(actor: Actor, tenantId?: string | null, first = 50): Promise<RetentionStatus> {
    const tenant = resolveTenant(actor, tenantId);
    if (!canReadRetention(actor, tenant)) throw forbidden(`read the retention schedule of ${tenant}`);
    const limit = Math.min(Math.max(first, 1), 200);
    const em = this.dataSource.manager;
    const kept = (await keptCases(em, tenant, limit)).map((r) => ({
      caseId: r.instanceId,
      caseType: r.caseType,
      reference: r.reference,
      since: r.closedAt,
      dueAt: removalDueAt(ruleFor(this.rules, r.caseType), r.closedAt),
      scheduledBy: 'retention-timer' as const,
    }));
    const files = (await incidentFilesAwaitingDestruction(em, tenant, limit)).map((f) => ({
      caseId: f.instanceId,
      caseType: 'incident' as const,
      reference: f.reference,
      since: f.archivedAt,
      dueAt: f.destructionDueAt,
      scheduledBy: 'diagram' as const,
    }));
    const upcoming = [...kept, ...files]
      .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity))
      .slice(0, limit);
    return { tenantId: tenant, rules: this.rules, counts: await retentionCounts(em, tenant), upcoming };
  }

  /**
   * Everything the platform holds on one person in one municipality, for the FG or PB. The read is
   * recorded (one `case.read` per case and a `person.exported` entry, all with the person's
   * pseudonym) and committed before the document is returned.
   */
  async exportPersonalData(actor: Actor, identifiers: PersonIdentifiers, tenantId?: string | null): Promise<PersonalDataExport> {
    const tenant = resolveTenant(actor, tenantId);
    if (!canExportPersonalData(actor, tenant)) throw forbidden(`export personal data of ${tenant}`);
    const person = checkPerson(identifiers);
    const roleUsed = roleUsedAmong(actor, PERSONAL_DATA_EXPORT_ROLES);
    return this.dataSource.transaction(async (em) => {
      const now = new Date();
      const located = await locatePerson(em, tenant, person);
      const subject = await this.pseudonyms.pseudonymFor(em, tenant, located.person);
      const { cases, document } = await buildPersonalDataDocument(em, tenant, located, subject, now);
      for (const c of cases) {
        await appendAudit(em, actor, { tenantId: tenant, action: 'case.read', instanceId: c.caseId, roleUsed, details: { data: 'personalDataExport', subject } });
      }
      await appendAudit(em, actor, { tenantId: tenant, action: 'person.exported', roleUsed, details: { subject, searchedBy: document.searchedBy, cases: cases.length } });
      return { tenantId: tenant, subject, generatedAt: now, cases, document };
    });
  }

  /** Erases a person from the listed closed cases (see person-erasure.ts); all or nothing, in one transaction. */
  async erasePersonalData(actor: Actor, request: ErasureRequest, tenantId?: string | null): Promise<ErasureResult> {
    const tenant = resolveTenant(actor, tenantId);
    if (!canErasePersonalData(actor, tenant)) throw forbidden(`erase personal data in ${tenant}`);
    const person = checkPerson(request.person);
    const caseIds = checkCaseIds(request.caseIds);
    const reference = request.requestReference?.trim() || undefined;
    if (reference !== undefined && !REQUEST_REFERENCE.test(reference)) {
      throw new DataProtectionError(DataProtectionErrorCode.ERASURE_INPUT_INVALID, 'requestReference is the reference of an AVG request (AVG-<year>-<number>)', {
        fieldErrors: [{ field: 'requestReference', message: 'AVG-jjjj-nnnnn' }],
      });
    }
    return this.dataSource.transaction('READ COMMITTED', (em) =>
      erasePerson(em, {
        actor,
        roleUsed: roleUsedAmong(actor, PERSONAL_DATA_ERASURE_ROLES),
        tenantId: tenant,
        person,
        caseIds,
        requestReference: reference,
        pseudonyms: this.pseudonyms,
        now: new Date(),
      }),
    );
  }
}

function resolveTenant(actor: Actor, tenantId?: string | null): string {
  if (tenantId) return tenantId;
  if (actor.tenants.length === 1) return actor.tenants[0];
  throw new DataProtectionError(DataProtectionErrorCode.TENANT_REQUIRED, 'you work for several municipalities: say for which one');
}

function checkPerson(identifiers: PersonIdentifiers): Person {
  const checked = checkIdentifiers(identifiers);
  if (!checked.ok) {
    throw new DataProtectionError(DataProtectionErrorCode.PERSON_IDENTIFIERS_INVALID, `invalid identifiers: ${checked.problems.map((p) => p.field || '(none)').join(', ')}`, {
      fieldErrors: checked.problems,
    });
  }
  return checked.person;
}

function checkCaseIds(caseIds: unknown): string[] {
  const ids = Array.isArray(caseIds) ? caseIds : [];
  const invalid = ids.map((id, i) => (isUuid(id) ? null : i)).filter((i): i is number => i !== null);
  if (ids.length === 0 || ids.length > MAX_ERASURE_CASES || invalid.length) {
    throw new DataProtectionError(DataProtectionErrorCode.ERASURE_INPUT_INVALID, `caseIds: 1 to ${MAX_ERASURE_CASES} case ids`, {
      fieldErrors: invalid.length ? invalid.map((i) => ({ field: `caseIds[${i}]`, message: 'not a case id' })) : [{ field: 'caseIds', message: `1 tot ${MAX_ERASURE_CASES} zaken` }],
    });
  }
  return [...new Set(ids.map((id: string) => id.toLowerCase()))];
}
