import { jsonMentions, mentions, REDACTED, redactJson, redactText, termPattern } from '../../../src/data-protection/redaction';

describe('redacting a person from stored texts', () => {
  const pattern = termPattern(['J. de Vries', 'de Vries', '111222333', 'j.devries@example.nl']);

  it('replaces every identifier, case-insensitively, the longest first', () => {
    expect(redactText('Brief aan J. DE VRIES (BSN 111222333), mail J.DeVries@example.nl', pattern)).toBe(
      `Brief aan ${REDACTED} (BSN ${REDACTED}), mail ${REDACTED}`,
    );
  });

  it('takes terms literally: regular-expression characters in a name match only themselves', () => {
    const dotted = termPattern(['A.B. (Bert)']);
    expect(redactText('AxBx Bert en A.B. (Bert)', dotted)).toBe(`AxBx Bert en ${REDACTED}`);
    expect(mentions('AxB. (Bert)', dotted)).toBe(false);
  });

  it('changes string values in JSON but never keys, numbers or structure', () => {
    const state = { 'de Vries': 1, environment: { variables: { naam: 'de Vries', n: 111222333, list: ['x', 'mail j.devries@example.nl'] } } };
    expect(redactJson(state, pattern)).toEqual({ 'de Vries': 1, environment: { variables: { naam: REDACTED, n: 111222333, list: ['x', `mail ${REDACTED}`] } } });
    expect(state.environment.variables.naam).toBe('de Vries');
  });

  it('finds where in a JSON value the person is named', () => {
    expect(jsonMentions({ a: [{ b: 'bij de Vries thuis' }], c: 'niets' }, pattern)).toEqual([{ path: '$.a[0].b', text: 'bij de Vries thuis' }]);
  });

  it('leaves everything as it is without terms', () => {
    expect(termPattern([' ', ''])).toBeNull();
    expect(redactText('de Vries', null)).toBe('de Vries');
    expect(mentions('de Vries', null)).toBe(false);
  });

  it('answers the same twice in a row (no state left in the global pattern)', () => {
    expect(mentions('de Vries', pattern)).toBe(true);
    expect(mentions('de Vries', pattern)).toBe(true);
  });
});
