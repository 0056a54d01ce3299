/**
 * Validation of submitted task forms against the task's embedded form (camunda:formData),
 * and the description of that form for API clients.
 *
 * Submitted values become process variables, so only the form's own fields are accepted:
 * any other key (`fields`, `content`, `__proto__`, ...) is refused instead of being merged
 * into the case. Types are checked strictly — JSON numbers for long/double, JSON booleans for
 * boolean; a numeric string such as "5" is not a long.
 *
 * Conventions (close to Camunda 7 where it has one):
 * - A key that is absent (or `undefined`) means "not submitted": the field's defaultValue is
 *   applied if it has one, otherwise the field is left out of the result.
 * - `null` and `''` mean "empty": refused for required fields, stored as `null` for optional ones.
 * - Readonly fields may not be submitted at all; their defaultValue (if any) is applied.
 *   A readonly field is never reported as REQUIRED (the user cannot fill it in).
 * - string length is counted in UTF-16 code units (like HTML minlength/maxlength and Java).
 * - min/max and minlength/maxlength are inclusive.
 * - date accepts an ISO 8601 calendar date (`YYYY-MM-DD`, kept as is) or an ISO 8601 date-time
 *   with a UTC offset or `Z` (normalised to UTC, `YYYY-MM-DDTHH:mm:ss.SSSZ`). A date-time without
 *   an offset is refused: its instant would depend on the server's time zone.
 * - A defaultValue (always a string in the diagram) is converted to the field type and must
 *   satisfy the field's own rules; one that does not (a typo, or an expression such as `${x}`,
 *   which is not evaluated here) is treated as no default.
 */
import { DateTime } from 'luxon';
import type { FormField, FormFieldConstraints, FormFieldOption, FormFieldType } from '../deployment/diagram-model';

export enum FieldErrorCode {
  REQUIRED = 'REQUIRED',
  WRONG_TYPE = 'WRONG_TYPE',
  NOT_AN_OPTION = 'NOT_AN_OPTION',
  TOO_SHORT = 'TOO_SHORT',
  TOO_LONG = 'TOO_LONG',
  TOO_SMALL = 'TOO_SMALL',
  TOO_LARGE = 'TOO_LARGE',
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  READONLY = 'READONLY',
  NOT_AN_OBJECT = 'NOT_AN_OBJECT',
}

export interface FieldError {
  /** Field id (the submitted key for UNKNOWN_FIELD; '' for NOT_AN_OBJECT). */
  field: string;
  code: FieldErrorCode;
  message: string;
}

export type FormValue = string | number | boolean | null;
export type FormValues = Record<string, FormValue>;

export type FormValidationResult = { ok: true; values: FormValues } | { ok: false; errors: FieldError[] };

/** A form field as API clients see it (JSON-serialisable: no undefined, no shared references). */
export interface FormFieldDescription {
  id: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  readonly: boolean;
  /** The options of an enum field; null for other types. */
  options: FormFieldOption[] | null;
  constraints: FormFieldConstraints;
  /** defaultValue converted to the field type; null when the field has no (usable) default. */
  defaultValue: FormValue;
}

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** A plain object as produced by JSON.parse or the GraphQL JSONObject scalar (null prototype allowed). */
function isPlainObject(v: unknown): v is object {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Own data property value, without invoking getters or looking at the prototype chain. */
function ownValue(o: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(o, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? `string "${v.slice(0, 40)}…"` : `string "${v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return typeof v;
}

const PURE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]/;
/** Z or ±hh[[:]mm] at the end, optionally followed by an IANA zone in brackets. */
const HAS_OFFSET = /(?:[Zz]|[+-]\d{2}(?::?\d{2})?)(?:\[[^\]]+\])?$/;

type Check = { ok: true; value: FormValue } | { ok: false; code: FieldErrorCode; message: string };

const wrongType = (expected: string, v: unknown): Check => ({
  ok: false,
  code: FieldErrorCode.WRONG_TYPE,
  message: `expected ${expected}, got ${describeValue(v)}`,
});

function checkDate(v: unknown): Check {
  const expected = 'an ISO 8601 date (YYYY-MM-DD) or date-time with offset';
  if (typeof v !== 'string') return wrongType(expected, v);
  const pureDate = PURE_DATE.test(v);
  if (!pureDate && !DATE_TIME.test(v)) return wrongType(expected, v);
  const parsed = DateTime.fromISO(v, { setZone: true });
  if (!parsed.isValid) return wrongType(`a valid ${expected}`, v);
  if (pureDate) return { ok: true, value: v };
  if (!HAS_OFFSET.test(v)) return wrongType('a date-time with a UTC offset or Z', v);
  const utc = parsed.toUTC().toISO();
  return utc === null ? wrongType(`a valid ${expected}`, v) : { ok: true, value: utc };
}

function checkRange(field: FormField, n: number): Check {
  const { min, max } = field.constraints ?? {};
  if (typeof min === 'number' && n < min) return { ok: false, code: FieldErrorCode.TOO_SMALL, message: `must be at least ${min}, got ${n}` };
  if (typeof max === 'number' && n > max) return { ok: false, code: FieldErrorCode.TOO_LARGE, message: `must be at most ${max}, got ${n}` };
  return { ok: true, value: n };
}

/** Checks a non-empty value against the field's type and constraints. */
function checkValue(field: FormField, v: unknown): Check {
  switch (field.type) {
    case 'string': {
      if (typeof v !== 'string') return wrongType('a string', v);
      const { minlength, maxlength } = field.constraints ?? {};
      if (typeof minlength === 'number' && v.length < minlength) {
        return { ok: false, code: FieldErrorCode.TOO_SHORT, message: `must be at least ${minlength} characters, got ${v.length}` };
      }
      if (typeof maxlength === 'number' && v.length > maxlength) {
        return { ok: false, code: FieldErrorCode.TOO_LONG, message: `must be at most ${maxlength} characters, got ${v.length}` };
      }
      return { ok: true, value: v };
    }
    case 'long':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) return wrongType('a whole number (safe integer)', v);
      return checkRange(field, v === 0 ? 0 : v); // -0 → 0
    case 'double':
      if (typeof v !== 'number' || !Number.isFinite(v)) return wrongType('a finite number', v);
      return checkRange(field, v === 0 ? 0 : v);
    case 'boolean':
      return typeof v === 'boolean' ? { ok: true, value: v } : wrongType('a boolean', v);
    case 'date':
      return checkDate(v);
    case 'enum': {
      if (typeof v !== 'string') return wrongType('a string (option id)', v);
      const ids = (field.options ?? []).map((o) => o.id);
      if (!ids.includes(v)) {
        return { ok: false, code: FieldErrorCode.NOT_AN_OPTION, message: `"${v}" is not one of: ${ids.join(', ') || '(no options)'}` };
      }
      return { ok: true, value: v };
    }
    default:
      return wrongType(`a value of a supported type (field type ${String((field as FormField).type)} is unknown)`, v);
  }
}

/**
 * The field's defaultValue (a string in the diagram) converted to the field type and checked
 * against the field's rules. `{ ok: false }` when there is no default or it is unusable.
 */
export function convertDefaultValue(field: FormField): { ok: true; value: FormValue } | { ok: false; message: string } {
  const raw = field.defaultValue;
  if (raw === undefined || raw === null || raw === '') return { ok: false, message: 'no default value' };
  if (typeof raw !== 'string') return { ok: false, message: `default value is not a string: ${describeValue(raw)}` };
  let candidate: unknown = raw;
  const text = raw.trim();
  switch (field.type) {
    case 'long':
    case 'double':
      candidate = text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? raw : Number(text);
      break;
    case 'boolean':
      if (text.toLowerCase() === 'true') candidate = true;
      else if (text.toLowerCase() === 'false') candidate = false;
      break;
    case 'date':
      candidate = text;
      break;
    default:
      break;
  }
  const checked = checkValue(field, candidate);
  return checked.ok ? checked : { ok: false, message: `default value ${JSON.stringify(raw)}: ${checked.message}` };
}

function defaultFor(field: FormField): FormValue | undefined {
  const converted = convertDefaultValue(field);
  return converted.ok ? converted.value : undefined;
}

/**
 * Validates submitted form values against the task's form fields. Reports every error;
 * on success returns the values converted/normalised and with defaults applied, ready to be
 * stored as process variables.
 */
export function validateFormValues(fields: FormField[], values: unknown): FormValidationResult {
  if (!isPlainObject(values)) {
    return {
      ok: false,
      errors: [{ field: '', code: FieldErrorCode.NOT_AN_OBJECT, message: `form values must be a JSON object, got ${describeValue(values)}` }],
    };
  }
  const byId = new Map<string, FormField>();
  for (const field of fields) if (!byId.has(field.id)) byId.set(field.id, field);

  const errors: FieldError[] = [];
  for (const key of Object.keys(values)) {
    if (!byId.has(key)) {
      errors.push({ field: key, code: FieldErrorCode.UNKNOWN_FIELD, message: `"${key}" is not a field of this form` });
    }
  }

  const result: Array<[string, FormValue]> = [];
  for (const field of byId.values()) {
    const submitted = hasOwn(values, field.id) ? ownValue(values, field.id) : undefined;
    if (submitted === undefined) {
      const fallback = defaultFor(field);
      if (fallback !== undefined) result.push([field.id, fallback]);
      else if (field.required && !field.readonly) {
        errors.push({ field: field.id, code: FieldErrorCode.REQUIRED, message: `"${field.id}" is required` });
      }
      continue;
    }
    if (field.readonly) {
      errors.push({ field: field.id, code: FieldErrorCode.READONLY, message: `"${field.id}" is read-only and may not be submitted` });
      continue;
    }
    if (submitted === null || submitted === '') {
      if (field.required) {
        errors.push({ field: field.id, code: FieldErrorCode.REQUIRED, message: `"${field.id}" is required and may not be empty` });
      } else {
        result.push([field.id, null]);
      }
      continue;
    }
    const checked = checkValue(field, submitted);
    if (checked.ok) result.push([field.id, checked.value]);
    else errors.push({ field: field.id, code: checked.code, message: `"${field.id}": ${checked.message}` });
  }

  if (errors.length > 0) return { ok: false, errors };
  // Object.fromEntries defines own data properties: a field id such as __proto__ cannot touch the prototype.
  return { ok: true, values: Object.fromEntries(result) as FormValues };
}

/** The form as API clients see it: the fields in diagram order, defaults converted to the field type. */
export function describeForm(fields: FormField[]): FormFieldDescription[] {
  return fields.map((field) => {
    const constraints: FormFieldConstraints = {};
    for (const key of ['minlength', 'maxlength', 'min', 'max'] as const) {
      const value = field.constraints?.[key];
      if (typeof value === 'number') constraints[key] = value;
    }
    return {
      id: field.id,
      label: field.label,
      type: field.type,
      required: field.required,
      readonly: field.readonly,
      options: field.type === 'enum' || field.options ? (field.options ?? []).map((o) => ({ id: o.id, name: o.name })) : null,
      constraints,
      defaultValue: defaultFor(field) ?? null,
    };
  });
}
