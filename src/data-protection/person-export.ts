import type { EntityManager } from 'typeorm';
import { auditEntriesAbout } from '../audit/audit-log.service';
import { DsrLetterEntity } from '../persistence/entities/dsr-letter.entity';
import type { CaseRecord } from './case-records.repository';
import { ErasureHold, erasureHold, HOLD_TEXTS } from './erasure-holds';
import { identifierKinds, identifierTerms } from './person-identifiers';
import type { LocatedCase, LocatedPerson } from './person-locator';
import { CASE_TABLES } from './personal-data-map';
import { caseRows } from './personal-data.repository';
import { jsonMentions, mentions, termPattern } from './redaction';
import { factsOf } from './case-facts';

/** At most this many audit entries in one export (newest cases may have many reads). */
export const MAX_EXPORTED_AUDIT_ENTRIES = 2000;

export interface ExportedCase {
  caseId: string;
  caseType: string;
  processKey: string;
  reference: string | null;
  roles: string[];
  closed: boolean;
  hold: (ErasureHold & { text: string }) | null;
  personalDataRemovedAt: Date | null;
}

export interface PersonalDataDocument {
  cases: ExportedCase[];
  document: Record<string, unknown>;
}

/**
 * Everything the platform holds on one person, as one structured document (art. 15 AVG for the
 * platform itself): per case the person's own request or report in full, every other place that
 * names them, whether the law allows erasing it now, and the audit trail of those cases and of
 * earlier exports about them. Read in the caller's transaction.
 */
export async function buildPersonalDataDocument(
  em: EntityManager,
  tenantId: string,
  located: LocatedPerson,
  subject: string,
  now: Date,
): Promise<PersonalDataDocument> {
  const pattern = termPattern([...identifierTerms(located.person), ...located.extraTerms]);
  const cases: ExportedCase[] = [];
  const sections: Record<string, unknown>[] = [];
  for (const found of located.cases) {
    const { record } = found;
    const hold = erasureHold(factsOf(found), now);
    const summary: ExportedCase = {
      caseId: record.instanceId,
      caseType: record.caseType,
      processKey: record.processKey,
      reference: record.reference,
      roles: found.roles,
      closed: hold?.code !== 'ERASURE_CASE_OPEN',
      hold: hold ? { ...hold, text: HOLD_TEXTS[hold.reason] } : null,
      personalDataRemovedAt: record.retention?.personalDataRemovedAt ?? null,
    };
    cases.push(summary);
    sections.push({
      ...summary,
      startedAt: record.startedAt,
      endedAt: record.endedAt,
      dataSubjectRequest: record.request && found.roles.some((r) => r === 'requester' || r === 'representative') ? await requestSection(em, record) : undefined,
      incident: record.incident ? incidentSection(record, found) : undefined,
      mentions: await mentionsIn(em, found, pattern),
    });
  }
  const audit = await auditEntriesAbout(em, tenantId, { instanceIds: cases.map((c) => c.caseId), subjects: [subject] }, MAX_EXPORTED_AUDIT_ENTRIES + 1);
  return {
    cases,
    document: {
      tenantId,
      subject,
      generatedAt: now.toISOString(),
      searchedBy: identifierKinds(located.person),
      truncated: located.truncated || audit.length > MAX_EXPORTED_AUDIT_ENTRIES,
      notes: [
        'Teksten in dit overzicht kunnen gegevens van anderen bevatten: toets art. 15 lid 4 AVG voordat u ze aan de betrokkene verstrekt.',
        'Medewerkers staan met hun gebruikersnaam vermeld voor zover zij in hun functie handelden.',
      ],
      cases: sections,
      auditTrail: audit.slice(0, MAX_EXPORTED_AUDIT_ENTRIES).map((e) => ({
        seq: Number(e.seq),
        at: e.at,
        actor: e.actor,
        roleUsed: e.roleUsed,
        action: e.action,
        caseId: e.instanceId,
        taskId: e.taskId,
        details: e.details,
      })),
    },
  };
}

async function requestSection(em: EntityManager, record: CaseRecord) {
  const r = record.request!;
  const letters = await em.find(DsrLetterEntity, { where: { requestId: r.id }, order: { createdAt: 'ASC' } });
  return {
    reference: r.reference,
    right: r.right,
    channel: r.channel,
    receivedAt: r.receivedAt,
    status: r.status,
    requester: r.requester,
    representative: r.representative,
    verbatimText: r.verbatimText,
    processings: r.processings,
    outcome: r.outcome,
    motivation: r.motivation,
    decisionContent: r.decisionContent,
    sentAt: r.sentAt,
    objectionDeadline: r.objectionDeadline,
    objection: r.objection,
    letters: letters.map((l) => ({ kind: l.kind, createdAt: l.createdAt, markdown: l.markdown })),
  };
}

/** The report in full when the person reported it or is named in it; only the register facts otherwise. */
function incidentSection(record: CaseRecord, located: LocatedCase) {
  const i = record.incident!;
  const facts = { reference: i.reference, status: i.status, reportedAt: i.reportedAt, discoveredAt: i.discoveredAt, impact: i.impact, personalData: i.personalData, closedAt: i.closedAt };
  if (!located.roles.includes('reporter') && !located.tables.includes('incident')) return facts;
  return {
    ...facts,
    reporter: { name: i.reporterName, contact: i.reporterContact, anonymous: i.anonymous },
    report: {
      whatHappened: i.whatHappened,
      noticedBy: i.noticedBy,
      occurredAt: i.occurredAt,
      cause: i.cause,
      discoveryMethod: i.discoveryMethod,
      affected: i.affected,
      possibleImpact: i.possibleImpact,
    },
    closureSummary: i.closureSummary,
  };
}

/** Every other place of the case that names the person: which record, which field, the text. */
async function mentionsIn(em: EntityManager, located: LocatedCase, pattern: RegExp | null) {
  const covered = new Set(['dsr_request', 'dsr_letter', 'incident']);
  const found: { in: string; table: string; column: string; path?: string; text: string }[] = [];
  for (const table of CASE_TABLES.filter((t) => located.tables.includes(t.table) && !covered.has(t.table))) {
    for (const row of await caseRows(em, table, located.record.instanceId)) {
      for (const column of table.text.filter((c) => !table.notExported?.includes(c))) {
        const value = row[column];
        if (typeof value === 'string' && mentions(value, pattern)) found.push({ in: table.label, table: table.table, column, text: value });
      }
      for (const column of table.json.filter((c) => !table.notExported?.includes(c))) {
        for (const m of jsonMentions(row[column], pattern)) found.push({ in: table.label, table: table.table, column, path: m.path, text: m.text });
      }
    }
  }
  return found;
}
