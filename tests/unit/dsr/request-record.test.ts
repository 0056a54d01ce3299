import { isValidBsn, RequestFieldErrorCode, validateRequestRecord } from '../../../src/dsr/request-record';

const now = '2026-03-10T12:00:00+01:00';

function validRecord(): Record<string, unknown> {
  return {
    requester: { name: 'J. de Vries', bsn: '111222333', dateOfBirth: '1980-05-01', postalAddress: 'Dorpsstraat 1, 3751 AA Bunschoten' },
    right: 'access',
    channel: 'digid_eform',
    receivedAt: '2026-03-02T09:15:00+01:00',
    verbatimText: '  Graag wil ik inzage in alle gegevens die de gemeente over mij heeft.\n',
    processings: ['Wmo-maatwerkvoorzieningen'],
    departments: ['Sociaal Domein', 'Burgerzaken'],
  };
}

function errorsOf(input: unknown) {
  const result = validateRequestRecord(input, { now });
  if (result.ok) throw new Error('expected the record to be refused');
  return result.errors.map((error) => [error.field, error.code]);
}

describe('validating a data-subject request record', () => {
  it('accepts a complete record and keeps the request text verbatim', () => {
    const result = validateRequestRecord(validRecord(), { now });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.verbatimText).toBe('  Graag wil ik inzage in alle gegevens die de gemeente over mij heeft.\n');
    expect(result.value.receivedAt).toBe('2026-03-02T09:15:00.000+01:00');
    expect(result.value.departments).toEqual(['Sociaal Domein', 'Burgerzaken']);
    expect(result.value.representative).toBeUndefined();
  });

  it('accepts a request through a gemachtigde with a written authorisation and no processings known yet', () => {
    const record = { ...validRecord(), representative: { name: 'Mr. A. Jansen', capacity: 'authorised_person', authorisationProvided: true }, processings: [] };
    const result = validateRequestRecord(record, { now });
    expect(result.ok && result.value.representative).toEqual({ name: 'Mr. A. Jansen', capacity: 'authorised_person', authorisationProvided: true });
  });

  it('returns every invalid field at once', () => {
    const record = {
      requester: { name: ' ', bsn: '123456789', dateOfBirth: '1980-13-01' },
      representative: { name: '', capacity: 'neighbour' },
      right: 'forgetting',
      channel: 'fax',
      receivedAt: '2026-03-02T09:15:00',
      verbatimText: '   ',
      processings: ['Wmo', 'wmo'],
      departments: [],
    };
    expect(errorsOf(record)).toEqual([
      ['receivedAt', RequestFieldErrorCode.INVALID_FORMAT],
      ['requester.name', RequestFieldErrorCode.REQUIRED],
      ['requester.bsn', RequestFieldErrorCode.BSN_CHECKSUM],
      ['requester.dateOfBirth', RequestFieldErrorCode.INVALID_FORMAT],
      ['requester', RequestFieldErrorCode.CONTACT_MISSING],
      ['representative.name', RequestFieldErrorCode.REQUIRED],
      ['representative.capacity', RequestFieldErrorCode.NOT_AN_OPTION],
      ['right', RequestFieldErrorCode.NOT_AN_OPTION],
      ['channel', RequestFieldErrorCode.NOT_AN_OPTION],
      ['verbatimText', RequestFieldErrorCode.REQUIRED],
      ['processings[1]', RequestFieldErrorCode.DUPLICATE],
      ['departments', RequestFieldErrorCode.EMPTY_LIST],
    ]);
  });

  it.each<[string, (record: Record<string, any>) => void, Array<[string, RequestFieldErrorCode]>]>([
    ['a record that is not an object', () => undefined, []],
    ['a missing requester', (record) => delete record.requester, [['requester', RequestFieldErrorCode.REQUIRED]]],
    ['a BSN with letters', (record) => (record.requester.bsn = '12345678X'), [['requester.bsn', RequestFieldErrorCode.INVALID_FORMAT]]],
    ['a malformed e-mail address', (record) => (record.requester.email = 'jan@'), [['requester.email', RequestFieldErrorCode.INVALID_FORMAT]]],
    ['a receipt in the future', (record) => (record.receivedAt = '2026-03-11T08:00:00+01:00'), [['receivedAt', RequestFieldErrorCode.IN_FUTURE]]],
    ['no moment of receipt', (record) => delete record.receivedAt, [['receivedAt', RequestFieldErrorCode.REQUIRED]]],
    ['a number as request text', (record) => (record.verbatimText = 42), [['verbatimText', RequestFieldErrorCode.WRONG_TYPE]]],
    ['a request text over the limit', (record) => (record.verbatimText = 'x'.repeat(100_001)), [['verbatimText', RequestFieldErrorCode.TOO_LONG]]],
    ['departments as a string', (record) => (record.departments = 'Burgerzaken'), [['departments', RequestFieldErrorCode.WRONG_TYPE]]],
    ['an empty department name', (record) => (record.departments = ['Burgerzaken', '']), [['departments[1]', RequestFieldErrorCode.REQUIRED]]],
    ['no right', (record) => delete record.right, [['right', RequestFieldErrorCode.REQUIRED]]],
    ['no channel', (record) => (record.channel = ''), [['channel', RequestFieldErrorCode.REQUIRED]]],
    [
      'a gemachtigde without authorisation',
      (record) => (record.representative = { name: 'A. Jansen', capacity: 'authorised_person' }),
      [['representative.authorisationProvided', RequestFieldErrorCode.AUTHORISATION_MISSING]],
    ],
    [
      'a 15-year-old without a parent or guardian',
      (record) => (record.requester.dateOfBirth = '2010-03-03'),
      [['representative', RequestFieldErrorCode.REPRESENTATIVE_REQUIRED]],
    ],
    [
      'a 15-year-old represented by a gemachtigde instead of a parent',
      (record) => {
        record.requester.dateOfBirth = '2010-03-03';
        record.representative = { name: 'A. Jansen', capacity: 'authorised_person', authorisationProvided: true };
      },
      [['representative', RequestFieldErrorCode.REPRESENTATIVE_REQUIRED]],
    ],
    ['a date of birth after receipt', (record) => (record.requester.dateOfBirth = '2026-03-05'), [['requester.dateOfBirth', RequestFieldErrorCode.IN_FUTURE]]],
  ])('refuses %s', (what, change, expected) => {
    if (what.startsWith('a record that is not')) {
      expect(errorsOf('inzage graag')).toEqual([['', RequestFieldErrorCode.NOT_AN_OBJECT]]);
      expect(errorsOf(null)).toEqual([['', RequestFieldErrorCode.NOT_AN_OBJECT]]);
      return;
    }
    const record = validRecord();
    change(record);
    expect(errorsOf(record)).toEqual(expected);
  });

  it('lets a requester who turned 16 on the day of receipt ask alone', () => {
    const record = validRecord();
    (record.requester as Record<string, unknown>).dateOfBirth = '2010-03-02';
    expect(validateRequestRecord(record, { now }).ok).toBe(true);
  });

  it('accepts a 15-year-old represented by a parent', () => {
    const record: Record<string, unknown> = { ...validRecord(), representative: { name: 'M. de Vries', capacity: 'parent_or_guardian' } };
    (record.requester as Record<string, unknown>).dateOfBirth = '2010-03-03';
    expect(validateRequestRecord(record, { now }).ok).toBe(true);
  });

  it.each([
    ['111222333', true],
    ['123456782', true],
    ['123456789', false],
    ['000000000', false],
    ['12345678', false],
  ])('applies the eleven test to BSN %s', (bsn, valid) => {
    expect(isValidBsn(bsn)).toBe(valid);
  });
});
