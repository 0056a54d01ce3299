/**
 * Error messages of libraries quote the values they choke on (PostgreSQL: `invalid input syntax
 * for type uuid: "jan@example.nl"`, `Key (email)=(…)`; FEEL: the compared values). Logs get the
 * message with quoted parts, e-mail addresses and long digit runs (a BSN, a phone number)
 * replaced, plus the error's class and code.
 */
const QUOTED = /"[^"]*"|'[^']*'|`[^`]*`|\([^)]*\)=\([^)]*\)/g;
const EMAIL = /[^\s@"'()]+@[^\s@"'()]+/g;
const DIGIT_RUN = /\d{6,}/g;

export function redactMessage(message: string): string {
  return message.replace(QUOTED, '"…"').replace(EMAIL, '…@…').replace(DIGIT_RUN, '…');
}

/** Fields for a log line about an error: class, code (e.g. SQLSTATE) and the redacted message. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) {
    const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
    return { error: typeof err, ...(typeof code === 'string' ? { errorCode: code } : {}) };
  }
  const code = (err as { code?: unknown }).code;
  return { errorClass: err.name, ...(typeof code === 'string' ? { errorCode: code } : {}), error: redactMessage(err.message) };
}
