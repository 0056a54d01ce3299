import type { EntityManager } from 'typeorm';
import { CaseRecord, loadCases } from './case-records.repository';
import { identifierTerms, IdentifierKind, mergePerson, Person, samePerson } from './person-identifiers';
import { casesMentioning } from './personal-data.repository';

/** The part a person plays in a case. */
export type PersonRole = 'requester' | 'representative' | 'reporter' | 'mentioned';

export interface LocatedCase {
  record: CaseRecord;
  roles: PersonRole[];
  /** Tables of the personal data map where the person occurs. */
  tables: string[];
}

export interface LocatedPerson {
  /** The identifiers given, completed with those found in the person's own requests and reports. */
  person: Person;
  /** Further texts that identify the person in their own records (postal address, reporter contact). */
  extraTerms: string[];
  cases: LocatedCase[];
  /** More cases matched than are returned. */
  truncated: boolean;
}

/** At most this many cases per look-up: beyond that the identifiers are too broad to act on. */
export const MAX_LOCATED_CASES = 200;

/**
 * Every case of the municipality in which the person occurs. First by the identifiers given; then
 * once more with what the person's own requests and reports add (a BSN leads to the name and
 * e-mail address given in the request, which find the incident the person reported).
 */
export async function locatePerson(em: EntityManager, tenantId: string, given: Person, within?: string[]): Promise<LocatedPerson> {
  const hits = await casesMentioning(em, tenantId, identifierTerms(given), within);
  let records = await loadCases(em, tenantId, [...hits.keys()]);
  let person = given;
  for (const record of records) person = mergePerson(person, ownIdentifiers(record, given) ?? {});
  const added = identifierTerms(person).filter((t) => !identifierTerms(given).includes(t));
  if (added.length) {
    for (const [id, tables] of await casesMentioning(em, tenantId, added, within)) {
      const known = hits.get(id) ?? new Set<string>();
      tables.forEach((t) => known.add(t));
      hits.set(id, known);
    }
    records = await loadCases(em, tenantId, [...hits.keys()]);
  }
  const extraTerms = [...new Set(records.flatMap((r) => extraTermsOf(r, person)))];
  // The address and contact go wherever the person is erased, so where they occur counts too (not to find more cases).
  for (const [id, tables] of await casesMentioning(em, tenantId, extraTerms, [...hits.keys()])) tables.forEach((t) => hits.get(id)?.add(t));
  const cases = records
    .map((record) => ({ record, roles: rolesIn(record, person), tables: [...(hits.get(record.instanceId) ?? [])].sort() }))
    .sort((a, b) => a.record.startedAt.getTime() - b.record.startedAt.getTime());
  return { person, extraTerms, cases: cases.slice(0, MAX_LOCATED_CASES), truncated: cases.length > MAX_LOCATED_CASES };
}

/** The identifiers the person gave in their own request or report, when that record is theirs. */
function ownIdentifiers(record: CaseRecord, person: Person): { bsn?: unknown; name?: unknown; email?: unknown } | null {
  if (record.request && samePerson(person, record.request.requester).length) return record.request.requester;
  if (record.incident && reporterMatches(record, person).length) return { name: record.incident.reporterName, email: record.incident.reporterContact };
  return null;
}

function reporterMatches(record: CaseRecord, person: Person): IdentifierKind[] {
  const incident = record.incident;
  if (!incident || (!incident.reporterName && !incident.reporterContact)) return [];
  return samePerson(person, { name: incident.reporterName ?? undefined, email: incident.reporterContact ?? undefined });
}

export function rolesIn(record: CaseRecord, person: Person): PersonRole[] {
  const roles: PersonRole[] = [];
  if (record.request && samePerson(person, record.request.requester).length) roles.push('requester');
  if (record.request?.representative && samePerson(person, { name: record.request.representative.name }).length) roles.push('representative');
  if (reporterMatches(record, person).length) roles.push('reporter');
  return roles.length ? roles : ['mentioned'];
}

function extraTermsOf(record: CaseRecord, person: Person): string[] {
  const terms: string[] = [];
  if (record.request && samePerson(person, record.request.requester).length && record.request.requester.postalAddress) {
    terms.push(record.request.requester.postalAddress);
  }
  if (record.incident?.reporterContact && reporterMatches(record, person).length) terms.push(record.incident.reporterContact);
  // Too short to be a safe redaction term (it would hit unrelated words).
  return terms.map((t) => t.trim()).filter((t) => t.length >= 6);
}
