import { z } from 'zod';
import type { ZgwMunicipalitySettings } from './zgw-config';
import { ZgwError, ZgwErrorCode } from './zgw-error';
import { problemsOf, ResponseShape, url as urlShape } from './zgw-responses';
import { signZgwToken, ZgwActingUser } from './zgw-token';

/** A page of a ZGW list: the platform reads `results` and follows `next`. */
const page = <T>(item: ResponseShape<T>) => z.looseObject({ next: urlShape.nullish(), results: z.array(item) });

/**
 * Checks a response the client is about to accept against the API's OpenAPI specification;
 * returns the problems (empty: valid). The contract tests install one built from the official
 * files; without it, only the fields the platform reads are checked (the call's shape in zgw-responses.ts).
 */
export interface ResponseContract {
  checkResponse(method: string, url: string, status: number, body: unknown): string[];
}

/** How requests leave the platform; the defaults are for production. */
export interface ZgwTransport {
  fetchImpl?: typeof fetch;
  contract?: ResponseContract;
  /** A zaaksysteem that does not answer must not hold the outbox relay's transaction forever. @default 30000 */
  timeoutMs?: number;
}

/** Retrying helps with these; any other 4xx is a refusal that needs a person. */
const RETRYABLE_STATUS = new Set([408, 409, 425, 429]);

/** One municipality's ZGW endpoints, called as one acting user. */
export class ZgwHttpClient {
  constructor(
    readonly municipality: ZgwMunicipalitySettings,
    private readonly user: ZgwActingUser,
    private readonly transport: ZgwTransport = {},
  ) {}

  /**
   * One call. The 2xx body must fit `shape` (what the caller reads): a body that does not is a
   * zaaksysteem that broke its contract, refused like the contract tests do (ZGW_RESPONSE_INVALID,
   * not retried: the same answer would come again).
   */
  async request<T>(method: string, url: string, shape: ResponseShape<T>, body?: unknown): Promise<T> {
    const token = await signZgwToken(this.municipality.clientId, this.municipality.secret, this.user);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      // Required on /zaken operations and harmless elsewhere: the zaakgeometrie's coordinate system.
      'Accept-Crs': 'EPSG:4326',
      'Content-Crs': 'EPSG:4326',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await (this.transport.fetchImpl ?? fetch)(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.transport.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw new ZgwError(ZgwErrorCode.REQUEST_FAILED, `${method} ${url}: ${(err as Error).message}`, { retryable: true });
    }
    const text = await res.text();
    if (!res.ok) {
      // Problem details carry codes and field names, never personal data; keep them for the outbox's last_error.
      throw new ZgwError(ZgwErrorCode.REQUEST_FAILED, `${method} ${url}: HTTP ${res.status} ${text.slice(0, 300)}`, {
        status: res.status,
        retryable: res.status >= 500 || RETRYABLE_STATUS.has(res.status),
      });
    }
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ZgwError(ZgwErrorCode.RESPONSE_INVALID, `${method} ${url}: HTTP ${res.status} with a body that is not JSON`, { retryable: false, problems: ['(body): not JSON'] });
    }
    const problems = this.transport.contract?.checkResponse(method, url, res.status, parsed) ?? [];
    if (problems.length) {
      throw new ZgwError(ZgwErrorCode.RESPONSE_INVALID, `${method} ${url}: response does not match the specification: ${problems.slice(0, 5).join('; ')}`, {
        retryable: false,
        problems,
      });
    }
    const missing = problemsOf(shape, parsed);
    if (missing.length) {
      throw new ZgwError(ZgwErrorCode.RESPONSE_INVALID, `${method} ${url}: response lacks what the platform reads: ${missing.slice(0, 5).join('; ')}`, {
        retryable: false,
        problems: missing,
      });
    }
    return parsed as T;
  }

  get<T>(url: string, shape: ResponseShape<T>, query: Record<string, string> = {}): Promise<T> {
    const u = new URL(url);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return this.request('GET', u.toString(), shape);
  }

  post<T>(url: string, body: unknown, shape: ResponseShape<T>): Promise<T> {
    return this.request('POST', url, shape, body);
  }

  /** Every result of a paginated list, following `next`; each item must fit `item`. */
  async all<T>(url: string, item: ResponseShape<T>, query: Record<string, string> = {}): Promise<T[]> {
    const out: T[] = [];
    let current = await this.get(url, page(item), query);
    out.push(...current.results);
    while (current.next) {
      current = await this.request('GET', current.next, page(item));
      out.push(...current.results);
    }
    return out;
  }
}
