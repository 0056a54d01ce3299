import type { ZgwMunicipalitySettings } from './zgw-config';
import { ZgwError, ZgwErrorCode } from './zgw-error';
import { signZgwToken, ZgwActingUser } from './zgw-token';

export interface Paginated<T> {
  count: number;
  next: string | null;
  results: T[];
}

/** One municipality's ZGW endpoints, called as one acting user. */
export class ZgwHttpClient {
  constructor(
    readonly municipality: ZgwMunicipalitySettings,
    private readonly user: ZgwActingUser,
    private readonly fetchImpl: typeof fetch = fetch,
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
      res = await this.fetchImpl(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      throw new ZgwError(ZgwErrorCode.REQUEST_FAILED, `${method} ${url}: ${(err as Error).message}`, { retryable: true });
    }
    const text = await res.text();
    if (!res.ok) {
      // Problem details carry codes and field names, never personal data; keep them for the outbox's last_error.
      throw new ZgwError(ZgwErrorCode.REQUEST_FAILED, `${method} ${url}: HTTP ${res.status} ${text.slice(0, 300)}`, { status: res.status });
    }
    return (text ? JSON.parse(text) : undefined) as T;
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
