import { describeError, redactMessage } from '../../../src/observability/error-description';

describe('error descriptions for the logs', () => {
  it('removes the values a database error quotes', () => {
    expect(redactMessage('invalid input syntax for type uuid: "jan@example.nl"')).toBe('invalid input syntax for type uuid: "…"');
    expect(redactMessage('Key (email)=(jan@example.nl) already exists.')).toBe('Key "…" already exists.');
  });

  it('removes e-mail addresses and long digit runs (BSN, phone numbers) that are not quoted', () => {
    expect(redactMessage('cannot compare jan@example.nl with 123456782')).toBe('cannot compare …@… with …');
  });

  it('keeps what a developer needs: class, code and the words of the message', () => {
    const err = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' });
    expect(describeError(err)).toEqual({ errorClass: 'Error', errorCode: '23505', error: 'duplicate key value violates unique constraint "…"' });
  });
});
