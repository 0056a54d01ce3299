import { DateTime } from 'luxon';
import type { BreachFieldError } from './breach-error';

/**
 * The AP's "Meldformulier datalekken", reconstructed in shared/reference/ap-breach-notification.md
 * (sections 0–9). Option lists follow that reconstruction; entries marked [unverified] there
 * still need a check against the AP questionnaire.
 */
export const AP_OPTIONS = {
  legalBasis: ['AVG', 'Telecommunicatiewet'],
  ongoing: ['ja', 'nee', 'onbekend'],
  natureOfBreach: ['lezen', 'kopieren', 'veranderen', 'verwijderen-of-vernietigen', 'diefstal'],
  incidentTypes: [
    'apparaat-of-gegevensdrager-verloren-of-gestolen',
    'papieren-document',
    'verkeerd-geadresseerd',
    'per-ongeluk-openbaar-gemaakt',
    'hacking-malware-phishing',
    'ongeautoriseerde-toegang-medewerker',
    'anders',
  ],
  dataCategories: [
    'naw',
    'telefoonnummers',
    'e-mailadressen',
    'toegangs-of-identificatiegegevens',
    'financiele-gegevens',
    'bsn',
    'kopie-identiteitsbewijs',
    'geslacht-geboortedatum-leeftijd',
    'overig',
  ],
  specialCategories: [
    'ras-of-etnische-afkomst',
    'politieke-opvattingen',
    'godsdienst-of-levensovertuiging',
    'lidmaatschap-vakbond',
    'genetische-gegevens',
    'biometrische-gegevens',
    'gezondheid',
    'seksueel-gedrag-of-gerichtheid',
    'strafrechtelijke-gegevens',
  ],
  subjectGroups: ['werknemers', 'inwoners-klanten', 'patienten-clienten', 'leerlingen-studenten', 'minderjarigen', 'kwetsbare-groepen', 'onbekend', 'anders'],
  unintelligible: ['ja', 'nee', 'gedeeltelijk'],
  consequencesForPersons: ['stigmatisering-of-uitsluiting', 'schade-aan-gezondheid', 'identiteitsfraude', 'spam-of-phishing', 'financiele-schade', 'reputatieschade', 'anders'],
  severity: ['laag', 'midden', 'hoog', 'zeer-hoog'],
  subjectsInformed: ['ja', 'nee', 'nog-niet-wel-van-plan', 'onbekend'],
  notInformedReason: ['geen-hoog-risico', 'onbegrijpelijk-versleuteld', 'maatregelen-nemen-risico-weg', 'onevenredige-inspanning'],
} as const;

export interface ApPerson {
  name?: string | null;
  function?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface ApForm {
  legalBasis?: string | null;
  organisationName?: string | null;
  notifier?: ApPerson | null;
  contact?: ApPerson | null;
  otherOrganisationInvolved?: boolean | null;
  otherOrganisation?: string | null;
  breachStartedAt?: string | null;
  breachEndedAt?: string | null;
  awareAt?: string | null;
  ongoing?: string | null;
  summary?: string | null;
  natureOfBreach?: string[] | null;
  incidentTypes?: string[] | null;
  dataCategories?: string[] | null;
  specialCategories?: string[] | null;
  approxRecords?: number | null;
  subjectsMin?: number | null;
  subjectsMax?: number | null;
  subjectGroups?: string[] | null;
  unintelligible?: string | null;
  unintelligibleHow?: string | null;
  measuresBefore?: string | null;
  consequencesForData?: string | null;
  consequencesForPersons?: string[] | null;
  consequencesExplanation?: string | null;
  severity?: string | null;
  severityMotivation?: string | null;
  subjectsInformed?: string | null;
  notInformedReason?: string | null;
  publicCommunication?: string | null;
  measuresTaken?: string | null;
  crossBorder?: boolean | null;
  otherAuthoritiesNotified?: string | null;
  otherInformation?: string | null;
}

const LIST_FIELDS = ['natureOfBreach', 'incidentTypes', 'dataCategories', 'specialCategories', 'subjectGroups', 'consequencesForPersons'] as const;
const CHOICE_FIELDS = ['legalBasis', 'ongoing', 'unintelligible', 'severity', 'subjectsInformed', 'notInformedReason'] as const;
const TEXT_LIMIT = 10000;

/** Checks values against the form's option lists and ranges (not completeness: a concept may be partial). */
export function checkApForm(form: ApForm): BreachFieldError[] {
  const errors: BreachFieldError[] = [];
  for (const field of LIST_FIELDS) {
    const allowed: readonly string[] = AP_OPTIONS[field];
    for (const value of form[field] ?? []) {
      if (!allowed.includes(value)) errors.push({ field, message: `"${value}" is not one of: ${allowed.join(', ')}` });
    }
  }
  for (const field of CHOICE_FIELDS) {
    const value = form[field];
    const allowed: readonly string[] = AP_OPTIONS[field];
    if (value !== undefined && value !== null && !allowed.includes(value)) errors.push({ field, message: `"${value}" is not one of: ${allowed.join(', ')}` });
  }
  for (const field of ['approxRecords', 'subjectsMin', 'subjectsMax'] as const) {
    const value = form[field];
    if (value !== undefined && value !== null && (!Number.isSafeInteger(value) || value < 0)) errors.push({ field, message: 'must be a whole number of at least 0' });
  }
  if (typeof form.subjectsMin === 'number' && typeof form.subjectsMax === 'number' && form.subjectsMin > form.subjectsMax) {
    errors.push({ field: 'subjectsMax', message: 'must be at least subjectsMin' });
  }
  for (const field of ['breachStartedAt', 'breachEndedAt'] as const) {
    const value = form[field];
    if (value !== undefined && value !== null && !DateTime.fromISO(value, { setZone: true }).isValid) errors.push({ field, message: 'must be an ISO 8601 date or date-time' });
  }
  for (const [field, value] of Object.entries(form)) {
    if (typeof value === 'string' && value.length > TEXT_LIMIT) errors.push({ field, message: `at most ${TEXT_LIMIT} characters` });
  }
  return errors;
}

/**
 * What the AP must receive at the latest with the (provisional) notification: the legal minimum
 * of art. 33(3) AVG plus the notifier's name, function and telephone the AP form requires.
 */
export function missingForSubmission(form: ApForm): BreachFieldError[] {
  const missing: BreachFieldError[] = [];
  const need = (ok: boolean, field: string, what: string) => {
    if (!ok) missing.push({ field, message: `required before filing: ${what}` });
  };
  const filled = (s?: string | null) => typeof s === 'string' && s.trim() !== '';
  need(filled(form.notifier?.name) && filled(form.notifier?.function) && filled(form.notifier?.phone), 'notifier', 'name, function and telephone of the notifier');
  need(filled(form.contact?.name) && (filled(form.contact?.phone) || filled(form.contact?.email)), 'contact', 'a contact point (art. 33(3)(b))');
  need(filled(form.summary), 'summary', 'a description of the breach');
  need((form.natureOfBreach ?? []).length > 0, 'natureOfBreach', 'the nature of the breach (art. 33(3)(a))');
  need((form.dataCategories ?? []).length > 0 || (form.specialCategories ?? []).length > 0, 'dataCategories', 'the categories of personal data');
  need(typeof form.subjectsMin === 'number' && typeof form.subjectsMax === 'number', 'subjectsMin', 'the approximate number of data subjects (art. 33(3)(a))');
  need(filled(form.consequencesExplanation) || (form.consequencesForPersons ?? []).length > 0, 'consequencesForPersons', 'the likely consequences (art. 33(3)(c))');
  need(filled(form.measuresTaken), 'measuresTaken', 'the measures taken or proposed (art. 33(3)(d))');
  return missing;
}

/** Applies an edit: present keys replace, `null` clears, absent keys stay. */
export function mergeApForm(current: ApForm, edit: ApForm): ApForm {
  const result: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(edit)) if (value !== undefined) result[key] = value;
  return result as ApForm;
}
