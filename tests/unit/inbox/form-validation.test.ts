import type { FormField } from '../../../src/deployment/diagram-model';
import { convertDefaultValue, describeForm, FieldErrorCode, validateFormValues } from '../../../src/inbox/form-validation';

function field(partial: Partial<FormField> & Pick<FormField, 'id' | 'type'>): FormField {
  return { label: partial.id, required: false, readonly: false, constraints: {}, ...partial };
}

const name = field({ id: 'name', type: 'string', constraints: { minlength: 2, maxlength: 5 } });
const count = field({ id: 'count', type: 'long', constraints: { min: 0, max: 10 } });
const ratio = field({ id: 'ratio', type: 'double', constraints: { min: 0, max: 1 } });
const approved = field({ id: 'approved', type: 'boolean' });
const deadline = field({ id: 'deadline', type: 'date' });
const decision = field({
  id: 'decision',
  type: 'enum',
  options: [
    { id: 'grant', name: 'Toekennen' },
    { id: 'refuse', name: 'Afwijzen' },
  ],
});
const allTypes = [name, count, ratio, approved, deadline, decision];

function errorsOf(fields: FormField[], values: unknown) {
  const result = validateFormValues(fields, values);
  if (result.ok) throw new Error(`expected validation to fail, got ${JSON.stringify(result.values)}`);
  return result.errors;
}

function valuesOf(fields: FormField[], values: unknown) {
  const result = validateFormValues(fields, values);
  if (!result.ok) throw new Error(`expected validation to pass, got ${JSON.stringify(result.errors)}`);
  return result.values;
}

describe('validateFormValues', () => {
  describe('accepts a valid value of each type', () => {
    it.each<[string, FormField, unknown, unknown]>([
      ['a string within its length bounds', name, 'Anna', 'Anna'],
      ['a string exactly at minlength', name, 'Jo', 'Jo'],
      ['a string exactly at maxlength', name, 'Johan', 'Johan'],
      ['a long within its range', count, 7, 7],
      ['a long at the inclusive bounds', count, 10, 10],
      ['a long of -0, stored as 0', field({ id: 'count', type: 'long' }), -0, 0],
      ['a double within its range', ratio, 0.25, 0.25],
      ['a double that happens to be whole', ratio, 1, 1],
      ['boolean true', approved, true, true],
      ['boolean false', approved, false, false],
      ['a pure calendar date, kept as YYYY-MM-DD', deadline, '2026-11-24', '2026-11-24'],
      ['a leap day in a leap year', deadline, '2028-02-29', '2028-02-29'],
      ['a date-time with offset, normalised to UTC', deadline, '2026-11-24T10:00:00+01:00', '2026-11-24T09:00:00.000Z'],
      ['a date-time in UTC', deadline, '2026-11-24T10:00:00Z', '2026-11-24T10:00:00.000Z'],
      ['a date-time whose offset changes the day', deadline, '2026-01-01T00:30:00+02:00', '2025-12-31T22:30:00.000Z'],
      ['an enum option id', decision, 'refuse', 'refuse'],
    ])('%s', (_label, f, input, expected) => {
      expect(valuesOf([f], { [f.id]: input })).toEqual({ [f.id]: expected });
    });
  });

  describe('refuses an invalid value of each type with its own code', () => {
    it.each<[string, FormField, unknown, FieldErrorCode]>([
      ['a number for a string', name, 42, FieldErrorCode.WRONG_TYPE],
      ['a boolean for a string', name, true, FieldErrorCode.WRONG_TYPE],
      ['an object for a string', name, { first: 'Anna' }, FieldErrorCode.WRONG_TYPE],
      ['a string shorter than minlength', name, 'A', FieldErrorCode.TOO_SHORT],
      ['a string longer than maxlength', name, 'Annabel', FieldErrorCode.TOO_LONG],
      ['a numeric string for a long', count, '5', FieldErrorCode.WRONG_TYPE],
      ['a fraction for a long', count, 2.5, FieldErrorCode.WRONG_TYPE],
      ['an unsafe integer for a long', field({ id: 'count', type: 'long' }), 2 ** 53, FieldErrorCode.WRONG_TYPE],
      ['a boolean for a long', count, true, FieldErrorCode.WRONG_TYPE],
      ['a long below min', count, -1, FieldErrorCode.TOO_SMALL],
      ['a long above max', count, 11, FieldErrorCode.TOO_LARGE],
      ['a numeric string for a double', ratio, '0.5', FieldErrorCode.WRONG_TYPE],
      ['NaN for a double', ratio, Number.NaN, FieldErrorCode.WRONG_TYPE],
      ['Infinity for a double', field({ id: 'ratio', type: 'double' }), Infinity, FieldErrorCode.WRONG_TYPE],
      ['a double below min', ratio, -0.1, FieldErrorCode.TOO_SMALL],
      ['a double above max', ratio, 1.5, FieldErrorCode.TOO_LARGE],
      ['the string "true" for a boolean', approved, 'true', FieldErrorCode.WRONG_TYPE],
      ['the number 1 for a boolean', approved, 1, FieldErrorCode.WRONG_TYPE],
      ['a non-existent calendar date', deadline, '2026-02-30', FieldErrorCode.WRONG_TYPE],
      ['a leap day in a common year', deadline, '2026-02-29', FieldErrorCode.WRONG_TYPE],
      ['month 13', deadline, '2026-13-01', FieldErrorCode.WRONG_TYPE],
      ['a date-time with an impossible hour', deadline, '2026-11-24T25:00:00Z', FieldErrorCode.WRONG_TYPE],
      ['a date-time without offset (ambiguous instant)', deadline, '2026-11-24T10:00:00', FieldErrorCode.WRONG_TYPE],
      ['a time without a date', deadline, '10:00', FieldErrorCode.WRONG_TYPE],
      ['a Dutch-style date', deadline, '24-11-2026', FieldErrorCode.WRONG_TYPE],
      ['free text for a date', deadline, 'next week', FieldErrorCode.WRONG_TYPE],
      ['a timestamp number for a date', deadline, 1764000000000, FieldErrorCode.WRONG_TYPE],
      ['a value that is not an option', decision, 'maybe', FieldErrorCode.NOT_AN_OPTION],
      ['an option name instead of its id', decision, 'Toekennen', FieldErrorCode.NOT_AN_OPTION],
      ['an option id in the wrong case', decision, 'GRANT', FieldErrorCode.NOT_AN_OPTION],
      ['a number for an enum', decision, 1, FieldErrorCode.WRONG_TYPE],
      ['an array for an enum', decision, ['grant'], FieldErrorCode.WRONG_TYPE],
    ])('%s', (_label, f, input, code) => {
      const errors = errorsOf([f], { [f.id]: input });
      expect(errors).toEqual([{ field: f.id, code, message: expect.any(String) }]);
      expect(errors[0].message).toContain(f.id);
    });
  });

  describe('required fields', () => {
    const fields = allTypes.map((f) => ({ ...f, required: true }));

    it.each(fields.map((f) => [f.type, f] as const))('refuses a missing required %s field', (_type, f) => {
      expect(errorsOf([f], {})).toEqual([{ field: f.id, code: FieldErrorCode.REQUIRED, message: expect.any(String) }]);
    });

    it.each(fields.map((f) => [f.type, f] as const))('refuses null for a required %s field', (_type, f) => {
      expect(errorsOf([f], { [f.id]: null })).toEqual([{ field: f.id, code: FieldErrorCode.REQUIRED, message: expect.any(String) }]);
    });

    it.each(fields.map((f) => [f.type, f] as const))('refuses an empty string for a required %s field', (_type, f) => {
      expect(errorsOf([f], { [f.id]: '' })).toEqual([{ field: f.id, code: FieldErrorCode.REQUIRED, message: expect.any(String) }]);
    });

    it('accepts false for a required boolean and 0 for a required long', () => {
      expect(valuesOf(fields, { name: 'Anna', count: 0, ratio: 0, approved: false, deadline: '2026-11-24', decision: 'grant' })).toEqual({
        name: 'Anna',
        count: 0,
        ratio: 0,
        approved: false,
        deadline: '2026-11-24',
        decision: 'grant',
      });
    });

    it('treats a key with value undefined as missing', () => {
      expect(errorsOf([{ ...name, required: true }], { name: undefined })).toEqual([
        { field: 'name', code: FieldErrorCode.REQUIRED, message: expect.any(String) },
      ]);
    });
  });

  describe('optional fields', () => {
    it('leaves absent optional fields out of the result instead of setting them to null', () => {
      const values = valuesOf(allTypes, { name: 'Anna' });
      expect(values).toEqual({ name: 'Anna' });
      expect(Object.keys(values)).toEqual(['name']);
    });

    it('stores null for an optional field submitted as null or as an empty string', () => {
      expect(valuesOf(allTypes, { name: '', count: null, decision: '' })).toEqual({ name: null, count: null, decision: null });
    });

    it('accepts an empty object for a form without required fields', () => {
      expect(valuesOf(allTypes, {})).toEqual({});
    });

    it('accepts an empty object for a form without fields', () => {
      expect(valuesOf([], {})).toEqual({});
    });
  });

  describe('unknown fields', () => {
    it('refuses a key that is not a field of the form', () => {
      expect(errorsOf(allTypes, { name: 'Anna', fields: [] })).toEqual([
        { field: 'fields', code: FieldErrorCode.UNKNOWN_FIELD, message: expect.any(String) },
      ]);
    });

    it('refuses any key on a form without fields', () => {
      expect(errorsOf([], { content: 'x' })).toEqual([{ field: 'content', code: FieldErrorCode.UNKNOWN_FIELD, message: expect.any(String) }]);
    });

    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'])(
      'refuses the key %s parsed from JSON and does not let it reach the result',
      (key) => {
        const input: unknown = JSON.parse(`{"name":"Anna","${key}":{"polluted":true}}`);
        expect(errorsOf(allTypes, input)).toEqual([{ field: key, code: FieldErrorCode.UNKNOWN_FIELD, message: expect.any(String) }]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
    );

    it('does not take a field value from the prototype chain', () => {
      const inherited = Object.create({ name: 'Anna' }) as object;
      // Not a plain object: refused as a whole, never read through the prototype.
      expect(errorsOf([{ ...name, required: true }], inherited)[0].code).toBe(FieldErrorCode.NOT_AN_OBJECT);
    });

    it('accepts an object with a null prototype (as the GraphQL JSONObject scalar produces)', () => {
      const input = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'Anna', count: 3 });
      expect(valuesOf(allTypes, input)).toEqual({ name: 'Anna', count: 3 });
    });

    it('builds the result safely even for a field whose id is __proto__', () => {
      const odd = field({ id: '__proto__', type: 'string' });
      const values = valuesOf([odd], JSON.parse('{"__proto__":"x"}'));
      expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(values, '__proto__')).toBe(true);
      expect(Object.getOwnPropertyDescriptor(values, '__proto__')?.value).toBe('x');
    });
  });

  describe('readonly fields', () => {
    const reference = field({ id: 'reference', type: 'string', readonly: true, defaultValue: 'AVG-15' });

    it('refuses a submitted value for a readonly field', () => {
      expect(errorsOf([reference], { reference: 'changed' })).toEqual([
        { field: 'reference', code: FieldErrorCode.READONLY, message: expect.any(String) },
      ]);
    });

    it('refuses a readonly field even when the submitted value equals its default', () => {
      expect(errorsOf([reference], { reference: 'AVG-15' })[0].code).toBe(FieldErrorCode.READONLY);
    });

    it('refuses null for a readonly field', () => {
      expect(errorsOf([reference], { reference: null })[0].code).toBe(FieldErrorCode.READONLY);
    });

    it('applies the default of a readonly field that is not submitted', () => {
      expect(valuesOf([reference], {})).toEqual({ reference: 'AVG-15' });
    });

    it('does not report a required readonly field without default as missing', () => {
      expect(valuesOf([field({ id: 'reference', type: 'string', readonly: true, required: true })], {})).toEqual({});
    });
  });

  it('reports every error at once, not just the first', () => {
    const fields = [{ ...name, required: true }, count, ratio, approved, deadline, decision, field({ id: 'locked', type: 'string', readonly: true })];
    const errors = errorsOf(fields, {
      count: '5',
      ratio: 2,
      approved: 'yes',
      deadline: '2026-02-30',
      decision: 'maybe',
      locked: 'x',
      extra: 1,
      __proto__: null, // object literal: sets the prototype, not a key
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['extra', FieldErrorCode.UNKNOWN_FIELD],
      ['name', FieldErrorCode.REQUIRED],
      ['count', FieldErrorCode.WRONG_TYPE],
      ['ratio', FieldErrorCode.TOO_LARGE],
      ['approved', FieldErrorCode.WRONG_TYPE],
      ['deadline', FieldErrorCode.WRONG_TYPE],
      ['decision', FieldErrorCode.NOT_AN_OPTION],
      ['locked', FieldErrorCode.READONLY],
    ]);
    for (const e of errors) expect(e.message.length).toBeGreaterThan(0);
  });

  describe('non-object input', () => {
    it.each<[string, unknown]>([
      ['null', null],
      ['undefined', undefined],
      ['an array', [{ name: 'Anna' }]],
      ['an empty array', []],
      ['a string', '{"name":"Anna"}'],
      ['a number', 42],
      ['a boolean', true],
      ['a Date', new Date()],
      ['a Map', new Map([['name', 'Anna']])],
    ])('refuses %s with a single NOT_AN_OBJECT error', (_label, input) => {
      expect(errorsOf(allTypes, input)).toEqual([{ field: '', code: FieldErrorCode.NOT_AN_OBJECT, message: expect.any(String) }]);
    });
  });

  describe('default values', () => {
    it.each<[string, FormField, unknown]>([
      ['a string default as is', field({ id: 'f', type: 'string', defaultValue: 'onbekend' }), 'onbekend'],
      ['a long default as a number', field({ id: 'f', type: 'long', defaultValue: '30' }), 30],
      ['a negative long default', field({ id: 'f', type: 'long', defaultValue: '-2' }), -2],
      ['a double default as a number', field({ id: 'f', type: 'double', defaultValue: '0.5' }), 0.5],
      ['a boolean default "true" as true', field({ id: 'f', type: 'boolean', defaultValue: 'true' }), true],
      ['a boolean default "FALSE" as false', field({ id: 'f', type: 'boolean', defaultValue: 'FALSE' }), false],
      ['a date default as YYYY-MM-DD', field({ id: 'f', type: 'date', defaultValue: '2026-12-31' }), '2026-12-31'],
      ['a date-time default normalised to UTC', field({ id: 'f', type: 'date', defaultValue: '2026-11-24T10:00:00+01:00' }), '2026-11-24T09:00:00.000Z'],
      ['an enum default that is an option', { ...decision, id: 'f', defaultValue: 'grant' }, 'grant'],
    ])('applies %s when the field is absent', (_label, f, expected) => {
      expect(valuesOf([f], {})).toEqual({ f: expected });
    });

    it.each<[string, FormField]>([
      ['a non-numeric long default', field({ id: 'f', type: 'long', defaultValue: 'dertig' })],
      ['a fractional long default', field({ id: 'f', type: 'long', defaultValue: '2.5' })],
      ['an expression default (not evaluated here)', field({ id: 'f', type: 'long', defaultValue: '${termijn}' })],
      ['a boolean default that is not true/false', field({ id: 'f', type: 'boolean', defaultValue: 'ja' })],
      ['an invalid date default', field({ id: 'f', type: 'date', defaultValue: '2026-02-30' })],
      ['an enum default that is not an option', { ...decision, id: 'f', defaultValue: 'maybe' }],
      ['a default outside min/max', field({ id: 'f', type: 'long', defaultValue: '99', constraints: { max: 10 } })],
    ])('ignores %s', (_label, f) => {
      expect(valuesOf([f], {})).toEqual({});
      expect(convertDefaultValue(f).ok).toBe(false);
    });

    it('lets a default satisfy a required field that is not submitted', () => {
      expect(valuesOf([field({ id: 'f', type: 'long', required: true, defaultValue: '6' })], {})).toEqual({ f: 6 });
    });

    it('prefers the submitted value over the default', () => {
      expect(valuesOf([field({ id: 'f', type: 'long', defaultValue: '6' })], { f: 8 })).toEqual({ f: 8 });
    });

    it('keeps an explicit null instead of applying the default', () => {
      expect(valuesOf([field({ id: 'f', type: 'long', defaultValue: '6' })], { f: null })).toEqual({ f: null });
    });

    it('still reports a required field with an unusable default as missing', () => {
      expect(errorsOf([field({ id: 'f', type: 'long', required: true, defaultValue: 'x' })], {})[0].code).toBe(FieldErrorCode.REQUIRED);
    });
  });
});

describe('describeForm', () => {
  it('describes every field in diagram order with its default converted to the field type', () => {
    const fields: FormField[] = [
      { ...decision, required: true, defaultValue: 'grant' },
      field({ id: 'termijn', type: 'long', label: 'Termijn (dagen)', defaultValue: '30', constraints: { min: 1, max: 56 } }),
      field({ id: 'urgent', type: 'boolean', defaultValue: 'false' }),
      field({ id: 'note', type: 'string', readonly: true, constraints: { maxlength: 200 } }),
    ];
    expect(describeForm(fields)).toEqual([
      {
        id: 'decision',
        label: 'decision',
        type: 'enum',
        required: true,
        readonly: false,
        options: [
          { id: 'grant', name: 'Toekennen' },
          { id: 'refuse', name: 'Afwijzen' },
        ],
        constraints: {},
        defaultValue: 'grant',
      },
      { id: 'termijn', label: 'Termijn (dagen)', type: 'long', required: false, readonly: false, options: null, constraints: { min: 1, max: 56 }, defaultValue: 30 },
      { id: 'urgent', label: 'urgent', type: 'boolean', required: false, readonly: false, options: null, constraints: {}, defaultValue: false },
      { id: 'note', label: 'note', type: 'string', required: false, readonly: true, options: null, constraints: { maxlength: 200 }, defaultValue: null },
    ]);
  });

  it('is JSON-serialisable without losing anything', () => {
    const description = describeForm(allTypes);
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });

  it('does not share option or constraint objects with the diagram model', () => {
    const [described] = describeForm([decision]);
    described.options![0].name = 'changed';
    described.constraints.max = 1;
    expect(decision.options![0].name).toBe('Toekennen');
    expect(decision.constraints).toEqual({});
  });

  it('describes an unusable default as null', () => {
    expect(describeForm([field({ id: 'f', type: 'date', defaultValue: '${now()}' })])[0].defaultValue).toBeNull();
  });

  it('describes an empty form as an empty list', () => {
    expect(describeForm([])).toEqual([]);
  });
});
