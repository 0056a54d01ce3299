import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written while serving one HTTP request carries. */
export interface RequestContextFields {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContextFields>();

/** A caller's X-Request-Id is kept when it is a plain token (so it can be correlated across systems). */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdFrom(header: string | undefined): string {
  return header && ACCEPTABLE_REQUEST_ID.test(header) ? header : randomUUID();
}
