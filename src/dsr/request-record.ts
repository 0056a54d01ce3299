import { DateTime } from 'luxon';
import { AMSTERDAM, Moment, toAmsterdam } from './amsterdam-time';
import { DataSubjectRight, DATA_SUBJECT_RIGHTS, isDataSubjectRight, isRequestChannel, RequestChannel, REQUEST_CHANNELS } from './request-rights';

/**
 * The registration of a data-subject request (issue 5 point 2; BLNP Bijlage 5 "Registratie in zaaksysteem").
 * The validator reports every invalid field at once, so a registration form can show them all.
 */

/** In what capacity someone acts for the data subject (dsr-law reference: minors under 16, curatele, machtiging). */
export const REPRESENTATIVE_CAPACITIES = ['parent_or_guardian', 'curator', 'mentor', 'authorised_person'] as const;
export type RepresentativeCapacity = (typeof REPRESENTATIVE_CAPACITIES)[number];

export const REPRESENTATIVE_CAPACITY_LABELS: Record<RepresentativeCapacity, string> = {
  parent_or_guardian: 'Ouder of voogd (wettelijk vertegenwoordiger)',
  curator: 'Curator',
  mentor: 'Mentor',
  authorised_person: 'Gemachtigde',
};

export interface Requester {
  name: string;
  /** Burgerservicenummer; optional (not every requester has or gives one). */
  bsn?: string;
  /** yyyy-MM-dd; needed to see whether a legal representative must act. */
  dateOfBirth?: string;
  postalAddress?: string;
  email?: string;
}

export interface Representative {
  name: string;
  capacity: RepresentativeCapacity;
  /** For a gemachtigde: a written authorisation (machtiging) was received (both identities are checked separately). */
  authorisationProvided: boolean;
}

export interface RequestRecord {
  requester: Requester;
  representative?: Representative;
  right: DataSubjectRight;
  channel: RequestChannel;
  /** ISO 8601 with offset; the legal clock runs from here. */
  receivedAt: string;
  /** The request exactly as received; quoted in the decision (BLNP model letter), so never trimmed or rewritten. */
  verbatimText: string;
  /** Processings (verwerkingsregister entries) concerned; may be empty at registration. */
  processings: string[];
  /** Departments asked to answer; at least one. */
  departments: string[];
}

export enum RequestFieldErrorCode {
  NOT_AN_OBJECT = 'NOT_AN_OBJECT',
  REQUIRED = 'REQUIRED',
  WRONG_TYPE = 'WRONG_TYPE',
  NOT_AN_OPTION = 'NOT_AN_OPTION',
  INVALID_FORMAT = 'INVALID_FORMAT',
  BSN_CHECKSUM = 'BSN_CHECKSUM',
  IN_FUTURE = 'IN_FUTURE',
  TOO_LONG = 'TOO_LONG',
  DUPLICATE = 'DUPLICATE',
  EMPTY_LIST = 'EMPTY_LIST',
  CONTACT_MISSING = 'CONTACT_MISSING',
  REPRESENTATIVE_REQUIRED = 'REPRESENTATIVE_REQUIRED',
  AUTHORISATION_MISSING = 'AUTHORISATION_MISSING',
}

/** What the registration form shows for each code (Dutch); `message` is for logs. */
export const REQUEST_FIELD_ERROR_TEXTS: Record<RequestFieldErrorCode, string> = {
  [RequestFieldErrorCode.NOT_AN_OBJECT]: 'Het verzoek is niet volledig aangeleverd.',
  [RequestFieldErrorCode.REQUIRED]: 'Dit veld is verplicht.',
  [RequestFieldErrorCode.WRONG_TYPE]: 'Deze waarde heeft niet de juiste vorm.',
  [RequestFieldErrorCode.NOT_AN_OPTION]: 'Kies een van de mogelijkheden.',
  [RequestFieldErrorCode.INVALID_FORMAT]: 'Deze waarde is ongeldig.',
  [RequestFieldErrorCode.BSN_CHECKSUM]: 'Dit is geen geldig burgerservicenummer (elfproef).',
  [RequestFieldErrorCode.IN_FUTURE]: 'Deze datum ligt in de toekomst.',
  [RequestFieldErrorCode.TOO_LONG]: 'Deze tekst is te lang; voeg lange stukken als bijlage toe.',
  [RequestFieldErrorCode.DUPLICATE]: 'Deze waarde staat er al.',
  [RequestFieldErrorCode.EMPTY_LIST]: 'Kies ten minste één.',
  [RequestFieldErrorCode.CONTACT_MISSING]: 'Vul een postadres of e-mailadres in om het besluit te kunnen versturen.',
  [RequestFieldErrorCode.REPRESENTATIVE_REQUIRED]: 'Voor een verzoeker jonger dan 16 jaar treedt een ouder of voogd op.',
  [RequestFieldErrorCode.AUTHORISATION_MISSING]: 'Een gemachtigde levert een schriftelijke machtiging; de identiteit van beiden wordt vastgesteld.',
};

export interface RequestFieldError {
  /** Dotted path of the field (`requester.bsn`, `departments[1]`); '' for the record itself. */
  field: string;
  code: RequestFieldErrorCode;
  message: string;
}

export type RequestValidationResult = { ok: true; value: RequestRecord } | { ok: false; errors: RequestFieldError[] };

export const MAX_VERBATIM_LENGTH = 100_000;
/** Below this age a legal representative acts for the data subject (dsr-law reference; art. 8 AVG, art. 5 UAVG). */
export const AGE_OF_OWN_REQUEST = 16;

export interface RequestValidationOptions {
  /** The current moment, passed in so validation never reads the clock itself. */
  now: Moment;
}

export function validateRequestRecord(input: unknown, options: RequestValidationOptions): RequestValidationResult {
  const errors: RequestFieldError[] = [];
  const fail = (field: string, code: RequestFieldErrorCode, message: string) => errors.push({ field, code, message });
  if (!isObject(input)) {
    return { ok: false, errors: [{ field: '', code: RequestFieldErrorCode.NOT_AN_OBJECT, message: 'a request record is an object' }] };
  }
  const now = toAmsterdam(options.now, 'now');

  const receivedAt = readReceivedAt(input.receivedAt, now, fail);
  const requester = readRequester(input.requester, receivedAt, fail);
  const representative = readRepresentative(input.representative, fail);
  if (requester?.minorAtReceipt && representative?.capacity !== 'parent_or_guardian') {
    fail('representative', RequestFieldErrorCode.REPRESENTATIVE_REQUIRED, `a requester under ${AGE_OF_OWN_REQUEST} is represented by a parent or guardian`);
  }

  const right = input.right;
  if (right === undefined || right === null || right === '') fail('right', RequestFieldErrorCode.REQUIRED, 'the right invoked is required');
  else if (!isDataSubjectRight(right)) fail('right', RequestFieldErrorCode.NOT_AN_OPTION, `right must be one of ${DATA_SUBJECT_RIGHTS.join(', ')}`);

  const channel = input.channel;
  if (channel === undefined || channel === null || channel === '') fail('channel', RequestFieldErrorCode.REQUIRED, 'the channel is required');
  else if (!isRequestChannel(channel)) fail('channel', RequestFieldErrorCode.NOT_AN_OPTION, `channel must be one of ${REQUEST_CHANNELS.join(', ')}`);

  const verbatimText = input.verbatimText;
  if (typeof verbatimText !== 'string' && verbatimText !== undefined && verbatimText !== null) {
    fail('verbatimText', RequestFieldErrorCode.WRONG_TYPE, 'the request text is a string');
  } else if (typeof verbatimText !== 'string' || verbatimText.trim() === '') {
    fail('verbatimText', RequestFieldErrorCode.REQUIRED, 'the request text is kept verbatim and cannot be empty');
  } else if (verbatimText.length > MAX_VERBATIM_LENGTH) {
    fail('verbatimText', RequestFieldErrorCode.TOO_LONG, `the request text is at most ${MAX_VERBATIM_LENGTH} characters; attach longer documents`);
  }

  const processings = readNameList(input.processings, 'processings', false, fail);
  const departments = readNameList(input.departments, 'departments', true, fail);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      requester: requester!.value,
      ...(representative ? { representative } : {}),
      right: right as DataSubjectRight,
      channel: channel as RequestChannel,
      receivedAt: receivedAt!.toISO()!,
      verbatimText: verbatimText as string,
      processings: processings!,
      departments: departments!,
    },
  };
}

/** The Dutch eleven test (elfproef) of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11. */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  const digits = [...bsn].map(Number);
  const sum = digits.slice(0, 8).reduce((total, digit, index) => total + digit * (9 - index), 0) - digits[8];
  return sum % 11 === 0 && bsn !== '000000000';
}

type Fail = (field: string, code: RequestFieldErrorCode, message: string) => void;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readReceivedAt(value: unknown, now: DateTime, fail: Fail): DateTime | undefined {
  if (value === undefined || value === null || value === '') {
    fail('receivedAt', RequestFieldErrorCode.REQUIRED, 'the moment of receipt is required');
    return undefined;
  }
  if (typeof value !== 'string' && !(value instanceof Date)) {
    fail('receivedAt', RequestFieldErrorCode.WRONG_TYPE, 'the moment of receipt is an ISO 8601 string with offset');
    return undefined;
  }
  let receivedAt: DateTime;
  try {
    receivedAt = toAmsterdam(value, 'receivedAt');
  } catch {
    fail('receivedAt', RequestFieldErrorCode.INVALID_FORMAT, 'the moment of receipt is an ISO 8601 moment with an offset');
    return undefined;
  }
  if (receivedAt > now) {
    fail('receivedAt', RequestFieldErrorCode.IN_FUTURE, 'a request cannot be received in the future');
    return undefined;
  }
  return receivedAt;
}

function readRequester(value: unknown, receivedAt: DateTime | undefined, fail: Fail): { value: Requester; minorAtReceipt: boolean } | undefined {
  if (!isObject(value)) {
    fail('requester', value === undefined || value === null ? RequestFieldErrorCode.REQUIRED : RequestFieldErrorCode.WRONG_TYPE, 'the requester is required');
    return undefined;
  }
  const requester: Requester = { name: '' };
  const name = readText(value.name, 'requester.name', true, fail);
  if (name !== undefined) requester.name = name;

  const bsn = readText(value.bsn, 'requester.bsn', false, fail);
  if (bsn !== undefined) {
    if (!/^\d{9}$/.test(bsn)) fail('requester.bsn', RequestFieldErrorCode.INVALID_FORMAT, 'a BSN has nine digits');
    else if (!isValidBsn(bsn)) fail('requester.bsn', RequestFieldErrorCode.BSN_CHECKSUM, 'this number fails the eleven test of a BSN');
    else requester.bsn = bsn;
  }

  let minorAtReceipt = false;
  const dateOfBirth = readText(value.dateOfBirth, 'requester.dateOfBirth', false, fail);
  if (dateOfBirth !== undefined) {
    const born = /^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) ? DateTime.fromISO(dateOfBirth, { zone: AMSTERDAM }) : undefined;
    if (!born?.isValid) fail('requester.dateOfBirth', RequestFieldErrorCode.INVALID_FORMAT, 'a date of birth is yyyy-MM-dd');
    else if (receivedAt && born > receivedAt) fail('requester.dateOfBirth', RequestFieldErrorCode.IN_FUTURE, 'born after the request was received');
    else {
      requester.dateOfBirth = dateOfBirth;
      minorAtReceipt = receivedAt !== undefined && born.plus({ years: AGE_OF_OWN_REQUEST }) > receivedAt.startOf('day');
    }
  }

  const postalAddress = readText(value.postalAddress, 'requester.postalAddress', false, fail);
  if (postalAddress !== undefined) requester.postalAddress = postalAddress;
  const email = readText(value.email, 'requester.email', false, fail);
  if (email !== undefined) {
    // Only the shape: whether the mailbox exists shows when the acknowledgement is sent.
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('requester.email', RequestFieldErrorCode.INVALID_FORMAT, 'not an e-mail address');
    else requester.email = email;
  }
  if (value.postalAddress == null && value.email == null) {
    fail('requester', RequestFieldErrorCode.CONTACT_MISSING, 'a postal address or e-mail address is needed to send the decision');
  }
  return { value: requester, minorAtReceipt };
}

function readRepresentative(value: unknown, fail: Fail): Representative | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    fail('representative', RequestFieldErrorCode.WRONG_TYPE, 'a representative is an object');
    return undefined;
  }
  const name = readText(value.name, 'representative.name', true, fail);
  const capacity = value.capacity;
  const validCapacity = typeof capacity === 'string' && (REPRESENTATIVE_CAPACITIES as readonly string[]).includes(capacity);
  if (capacity === undefined || capacity === null || capacity === '') {
    fail('representative.capacity', RequestFieldErrorCode.REQUIRED, 'the capacity of the representative is required');
  } else if (!validCapacity) {
    fail('representative.capacity', RequestFieldErrorCode.NOT_AN_OPTION, `capacity must be one of ${REPRESENTATIVE_CAPACITIES.join(', ')}`);
  }
  const authorisationProvided = value.authorisationProvided ?? false;
  if (typeof authorisationProvided !== 'boolean') {
    fail('representative.authorisationProvided', RequestFieldErrorCode.WRONG_TYPE, 'authorisationProvided is a boolean');
  } else if (capacity === 'authorised_person' && !authorisationProvided) {
    fail(
      'representative.authorisationProvided',
      RequestFieldErrorCode.AUTHORISATION_MISSING,
      'a gemachtigde needs a written authorisation, and both identities are established',
    );
  }
  if (name === undefined || !validCapacity) return undefined;
  return { name, capacity: capacity as RepresentativeCapacity, authorisationProvided: authorisationProvided === true };
}

/** A trimmed text field; undefined when absent (reported when required) or invalid (reported). */
function readText(value: unknown, field: string, required: boolean, fail: Fail): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) fail(field, RequestFieldErrorCode.REQUIRED, `${field} is required`);
    return undefined;
  }
  if (typeof value !== 'string') {
    fail(field, RequestFieldErrorCode.WRONG_TYPE, `${field} is a string`);
    return undefined;
  }
  return value.trim();
}

function readNameList(value: unknown, field: string, atLeastOne: boolean, fail: Fail): string[] | undefined {
  if (value === undefined || value === null) {
    if (atLeastOne) fail(field, RequestFieldErrorCode.REQUIRED, `${field} is required`);
    return atLeastOne ? undefined : [];
  }
  if (!Array.isArray(value)) {
    fail(field, RequestFieldErrorCode.WRONG_TYPE, `${field} is a list`);
    return undefined;
  }
  if (atLeastOne && value.length === 0) {
    fail(field, RequestFieldErrorCode.EMPTY_LIST, `at least one of ${field} is needed`);
    return undefined;
  }
  const names: string[] = [];
  const seen = new Set<string>();
  let valid = true;
  value.forEach((item, index) => {
    const name = readText(item, `${field}[${index}]`, true, fail);
    if (name === undefined) {
      valid = false;
      return;
    }
    const key = name.toLocaleLowerCase('nl');
    if (seen.has(key)) {
      fail(`${field}[${index}]`, RequestFieldErrorCode.DUPLICATE, `${name} is listed twice`);
      valid = false;
      return;
    }
    seen.add(key);
    names.push(name);
  });
  return valid ? names : undefined;
}
