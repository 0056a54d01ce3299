import { checkIdentifiers, mergePerson, samePerson } from '../../../src/data-protection/person-identifiers';

describe('identifying the person to export or erase', () => {
  it('normalises a BSN, a name and an e-mail address', () => {
    expect(checkIdentifiers({ bsn: '1112.22.333', name: '  Annelies   Bakker ', email: ' A.Bakker@Example.NL ' })).toEqual({
      ok: true,
      person: { bsn: '111222333', name: 'Annelies Bakker', email: 'a.bakker@example.nl' },
    });
  });

  it('lists every invalid identifier and accepts none of them', () => {
    const result = checkIdentifiers({ bsn: '123456789', name: 'Jan', email: 'geen-adres' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual(['bsn', 'name', 'email']);
  });

  it('needs at least one identifier', () => {
    const result = checkIdentifiers({ bsn: null, name: ' ', email: undefined });
    expect(!result.ok && result.problems).toEqual([{ field: '', message: 'give a BSN, a name or an e-mail address' }]);
  });

  it('recognises the person in a record by any identifier', () => {
    const person = { bsn: '111222333', name: 'Annelies Bakker' };
    expect(samePerson(person, { name: 'annelies  bakker', bsn: '999999999' })).toEqual(['name']);
    expect(samePerson(person, { name: 'A. Bakker' })).toEqual([]);
  });

  it('completes what is known from the person\'s own record, skipping values that do not pass the checks', () => {
    expect(mergePerson({ bsn: '111222333' }, { name: 'Annelies Bakker', email: 'niet-geldig' })).toEqual({ bsn: '111222333', name: 'Annelies Bakker' });
  });
});
