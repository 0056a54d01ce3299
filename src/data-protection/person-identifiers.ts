import { isValidBsn } from '../dsr/request-record';

/**
 * How staff name the person whose data they look for or erase: BSN, full name and/or e-mail
 * address, as a citizen gives them in a request. Employees acting in their role are not looked up
 * by username: their actions stay in the audit trail (accountability, art. 5(2) and 32 AVG).
 */
export interface PersonIdentifiers {
  bsn?: string | null;
  name?: string | null;
  email?: string | null;
}

export type IdentifierKind = 'bsn' | 'name' | 'email';

/** Checked and normalised identifiers: what searches, hashes and redaction use. */
export interface Person {
  bsn?: string;
  name?: string;
  email?: string;
}

export interface IdentifierProblem {
  field: string;
  message: string;
}

/** Shorter names would match half the register ("Jan" is in "Januari"). */
export const MIN_NAME_LENGTH = 5;
const MAX_IDENTIFIER_LENGTH = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const clean = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Validates and normalises; every problem is listed, nothing is half-accepted. */
export function checkIdentifiers(input: PersonIdentifiers | null | undefined): { ok: true; person: Person } | { ok: false; problems: IdentifierProblem[] } {
  const problems: IdentifierProblem[] = [];
  const person: Person = {};
  const bsn = typeof input?.bsn === 'string' ? input.bsn.replace(/[\s.]/g, '') : '';
  const name = typeof input?.name === 'string' ? clean(input.name) : '';
  const email = typeof input?.email === 'string' ? input.email.trim().toLowerCase() : '';
  if (bsn) {
    if (!isValidBsn(bsn)) problems.push({ field: 'bsn', message: 'not a BSN (nine digits passing the eleven test)' });
    else person.bsn = bsn;
  }
  if (name) {
    if (name.length < MIN_NAME_LENGTH) problems.push({ field: 'name', message: `a name of at least ${MIN_NAME_LENGTH} characters, as the person writes it` });
    else if (name.length > MAX_IDENTIFIER_LENGTH) problems.push({ field: 'name', message: 'name too long' });
    else person.name = name;
  }
  if (email) {
    if (!EMAIL.test(email) || email.length > MAX_IDENTIFIER_LENGTH) problems.push({ field: 'email', message: 'not an e-mail address' });
    else person.email = email;
  }
  if (!bsn && !name && !email) problems.push({ field: '', message: 'give a BSN, a name or an e-mail address' });
  return problems.length ? { ok: false, problems } : { ok: true, person };
}

export const identifierKinds = (person: Person): IdentifierKind[] => (['bsn', 'name', 'email'] as const).filter((k) => person[k]);

/** The texts that identify the person in stored data (search and redaction terms). */
export const identifierTerms = (person: Person): string[] => identifierKinds(person).map((k) => person[k]!);

/** Two people are the same when any identifier matches (names compared as normalised, case-insensitive text). */
export function samePerson(a: Person, b: { bsn?: unknown; name?: unknown; email?: unknown }): IdentifierKind[] {
  const matched: IdentifierKind[] = [];
  if (a.bsn && typeof b.bsn === 'string' && b.bsn.replace(/[\s.]/g, '') === a.bsn) matched.push('bsn');
  if (a.name && typeof b.name === 'string' && clean(b.name).toLowerCase() === a.name.toLowerCase()) matched.push('name');
  if (a.email && typeof b.email === 'string' && b.email.trim().toLowerCase() === a.email) matched.push('email');
  return matched;
}

/** Joins what is known of one person from several records; a found value that fails the checks is not used. */
export function mergePerson(base: Person, found: { bsn?: unknown; name?: unknown; email?: unknown }): Person {
  const merged: Person = { ...base };
  for (const kind of ['bsn', 'name', 'email'] as const) {
    const value = found[kind];
    if (merged[kind] || typeof value !== 'string') continue;
    const checked = checkIdentifiers({ [kind]: value });
    if (checked.ok) merged[kind] = checked.person[kind];
  }
  return merged;
}
