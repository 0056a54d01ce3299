/** Node socket errors and PostgreSQL SQLSTATEs that mean "the database cannot be reached right now". */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300']);
const UNREACHABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Connection ended|Client has encountered a connection error/i;

/**
 * True when an error says the database is unreachable (down, restarting, network gone) rather
 * than that a statement was wrong: such a request may simply be retried later. The connection
 * pool replaces broken connections by itself, so the server recovers when the database returns.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  // TypeORM keeps the driver's error in driverError; graphql-js wraps a thrown non-Error (pg's
  // connect failure can be a plain object) in NonErrorThrown.thrownValue.
  for (let e: any = err, depth = 0; e && depth < 4; e = e.driverError ?? e.thrownValue ?? e.cause, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNREACHABLE_CODES.has(code) || code.startsWith('08')) return true;
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}
