import type { ZgwMunicipalitySettings } from './zgw-config';
import { ZgwError, ZgwErrorCode } from './zgw-error';
import { signZgwToken, ZgwActingUser } from './zgw-token';

export interface Paginated<T> {
  count: number;
  next: string | null;
  results: T[];
}

/**
 * Checks a response the client is about to accept against the API's OpenAPI specification;
 * returns the problems (empty: valid). The contract tests install one built from the official
 * files; without it, responses are only parsed.
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

  async request<T>(method: string, url: string, body?: unknown): Promise<T> {
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
    return parsed as T;
  }

  get<T>(url: string, query: Record<string, string> = {}): Promise<T> {
    const u = new URL(url);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return this.request<T>('GET', u.toString());
  }

  post<T>(url: string, body: unknown): Promise<T> {
    return this.request<T>('POST', url, body);
  }

  /** Every result of a paginated list, following `next`. */
  async all<T>(url: string, query: Record<string, string> = {}): Promise<T[]> {
    const out: T[] = [];
    let page = await this.get<Paginated<T>>(url, query);
    out.push(...page.results);
    while (page.next) {
      page = await this.request<Paginated<T>>('GET', page.next);
      out.push(...page.results);
    }
    return out;
  }
}
