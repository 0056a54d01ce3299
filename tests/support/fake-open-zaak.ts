import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import express from 'express';
import yaml from 'js-yaml';
import { jwtVerify } from 'jose';

/**
 * FAKE Open Zaak: Open Zaak cannot run here (no Docker, no Python services). This in-process
 * server implements only the endpoints the platform calls, checks the ZGW JWT (HS256 signature,
 * iss/iat/client_id/user_id) and the CRS headers, and validates request bodies against the
 * required, writable fields and enums of the official OpenAPI files in /work/shared/zgw — loaded
 * here, so the fake cannot drift from them. The Besluiten API has no spec in that folder: its
 * required fields are taken from the reference notes and marked as such below.
 */
const SPEC_DIR = process.env.ZGW_SPEC_DIR ?? '/work/shared/zgw';
const load = (file: string) => yaml.load(fs.readFileSync(`${SPEC_DIR}/${file}`, 'utf8')) as any;

class SpecValidator {
  constructor(private readonly spec: any) {}

  private deref(schema: any): any {
    while (schema?.$ref) schema = schema.$ref.split('/').slice(1).reduce((o: any, k: string) => o[k], this.spec);
    if (!schema?.allOf) return schema;
    // Keep the siblings of allOf (readOnly, title): the spec marks read-only enum fields that way.
    const { allOf, ...siblings } = schema;
    return [...allOf.map((s: any) => this.deref(s)), siblings].reduce(
      (a: any, b: any) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties }, required: [...(a.required ?? []), ...(b.required ?? [])] }),
      {},
    );
  }

  /** Problems of a request body for `POST path`, per the spec's request schema. */
  check(path: string, body: any): string[] {
    const requestBody = this.deref(this.spec.paths[path].post.requestBody);
    const schema = this.deref(requestBody.content['application/json'].schema);
    return this.object(schema, body, '');
  }

  private object(schema: any, body: any, prefix: string): string[] {
    if (typeof body !== 'object' || body === null) return [`${prefix || 'body'}: not an object`];
    const problems: string[] = [];
    const props = schema.properties ?? {};
    for (const name of schema.required ?? []) {
      const prop = this.deref(props[name] ?? {});
      if (!prop.readOnly && (body[name] === undefined || body[name] === null)) problems.push(`${prefix}${name}: required`);
    }
    for (const [name, value] of Object.entries(body)) {
      const prop = this.deref(props[name]);
      if (!prop) continue;
      if (prop.readOnly) problems.push(`${prefix}${name}: read-only`);
      if (prop.enum && !prop.enum.includes(value)) problems.push(`${prefix}${name}: "${String(value)}" not in enum`);
      if (prop.maxLength && typeof value === 'string' && value.length > prop.maxLength) problems.push(`${prefix}${name}: longer than ${prop.maxLength}`);
      if (prop.format === 'uri' && typeof value === 'string' && !/^https?:\/\//.test(value)) problems.push(`${prefix}${name}: not a uri`);
      if (prop.type === 'array' && Array.isArray(value) && prop.items) {
        const item = this.deref(prop.items);
        if (item.type === 'object' || item.properties) value.forEach((v, i) => problems.push(...this.object(item, v, `${prefix}${name}[${i}].`)));
      }
    }
    return problems;
  }
}

export interface FakeOpenZaakOptions {
  clientId: string;
  secret: string;
}

type Row = Record<string, any>;

export class FakeOpenZaak {
  readonly specs = {
    zaken: new SpecValidator(load('zaken/1.5.1/openapi.yaml')),
    documenten: new SpecValidator(load('documenten/1.4.2/openapi.yaml')),
    notificaties: new SpecValidator(load('notificaties/1.0.0/openapi.yaml')),
    catalogi: load('catalogi/1.3.1/openapi.yaml'),
  };
  readonly store: Record<string, Row[]> = {
    zaaktypen: [], statustypen: [], resultaattypen: [], roltypen: [], informatieobjecttypen: [], besluittypen: [],
    zaken: [], statussen: [], rollen: [], zaakinformatieobjecten: [], resultaten: [], enkelvoudiginformatieobjecten: [], besluiten: [], abonnement: [],
  };
  /** Every request received: method, path, and the verified token claims. */
  readonly requests: { method: string; path: string; claims: Row; body?: any }[] = [];
  private failures: { count: number; status: number; method?: string; path?: string }[] = [];
  private server?: http.Server;
  url = '';

  constructor(private readonly options: FakeOpenZaakOptions) {}

  get base() {
    return {
      zaken: `${this.url}/zaken/api/v1`,
      catalogi: `${this.url}/catalogi/api/v1`,
      documenten: `${this.url}/documenten/api/v1`,
      besluiten: `${this.url}/besluiten/api/v1`,
      notificaties: `${this.url}/notificaties/api/v1`,
    };
  }

  /** The next `count` matching requests answer `status` (a zaaksysteem that is down). */
  failNext(count: number, status = 503, match: { method?: string; path?: string } = {}): void {
    this.failures.push({ count, status, ...match });
  }

  add(collection: string, api: keyof FakeOpenZaak['base'], row: Row): Row {
    const uuid = randomUUID();
    const full = { uuid, url: `${this.base[api]}/${collection}/${uuid}`, ...row };
    this.store[collection].push(full);
    return full;
  }

  async start(): Promise<this> {
    const app = express();
    app.use(express.json({ limit: '20mb' }));
    app.use((req, res, next) => void this.guard(req, res, next));
    this.catalogueRoutes(app);
    this.writeRoutes(app);
    this.server = http.createServer(app);
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async guard(req: express.Request, res: express.Response, next: express.NextFunction) {
    const auth = req.header('authorization') ?? '';
    let claims: Row;
    try {
      const { payload, protectedHeader } = await jwtVerify(auth.replace(/^Bearer /, ''), new TextEncoder().encode(this.options.secret), { algorithms: ['HS256'] });
      if (protectedHeader.typ !== 'JWT') throw new Error('typ');
      if (payload.client_id !== this.options.clientId || payload.iss !== this.options.clientId) throw new Error('client_id');
      if (typeof payload.iat !== 'number' || typeof payload.user_id !== 'string' || typeof payload.user_representation !== 'string') throw new Error('claims');
      claims = payload;
    } catch (err) {
      res.status(403).json({ code: 'permission_denied', title: `JWT rejected: ${(err as Error).message}`, status: 403 });
      return;
    }
    if (req.path.startsWith('/zaken/api/v1/zaken') && (req.header('accept-crs') !== 'EPSG:4326' || (req.method === 'POST' && req.header('content-crs') !== 'EPSG:4326'))) {
      res.status(412).json({ code: 'precondition_failed', title: 'CRS headers missing', status: 412 });
      return;
    }
    this.requests.push({ method: req.method, path: req.path, claims, body: req.body });
    const failure = this.failures.find((f) => f.count > 0 && (!f.method || f.method === req.method) && (!f.path || req.path.endsWith(f.path)));
    if (failure) {
      failure.count -= 1;
      res.status(failure.status).json({ code: 'unavailable', title: 'fake outage', status: failure.status });
      return;
    }
    next();
  }

  private list(collection: string, filters: Row): Row[] {
    return this.store[collection].filter((row) =>
      Object.entries(filters).every(([k, v]) => {
        if (k === 'page' || k === 'status' || k === 'datumGeldigheid') return true;
        if (k === 'betrokkeneIdentificatie__medewerker__identificatie') return row.betrokkeneIdentificatie?.identificatie === v;
        if (k === 'zaaktypen') return (row.zaaktypen ?? []).includes(v);
        if (k.endsWith('__gte')) return String(row[k.slice(0, -5)]) >= String(v);
        return String(row[k]) === v;
      }),
    );
  }

  private paginated(rows: Row[]) {
    return { count: rows.length, next: null, previous: null, results: rows };
  }

  private catalogueRoutes(app: express.Express) {
    for (const collection of ['zaaktypen', 'statustypen', 'resultaattypen', 'roltypen', 'informatieobjecttypen', 'besluittypen']) {
      const known = (this.specs.catalogi.paths[`/${collection}`].get.parameters ?? []).map((p: any) => p.name);
      app.get(`/catalogi/api/v1/${collection}`, (req, res) => {
        const unknown = Object.keys(req.query).filter((q) => !known.includes(q));
        if (unknown.length) return void res.status(400).json({ code: 'invalid', title: `unknown query parameters ${unknown.join(',')}`, status: 400 });
        res.json(this.paginated(this.list(collection, req.query as Row)));
      });
    }
  }

  private writeRoutes(app: express.Express) {
    const zaken = '/zaken/api/v1';
    const create = (api: 'zaken' | 'documenten' | 'besluiten', collection: string, specPath: string | null, requiredFromNotes: string[] = []) => {
      app.post(`/${api}/api/v1/${collection}`, (req, res) => {
        const problems = specPath ? this.specs[api as 'zaken' | 'documenten'].check(specPath, req.body) : requiredFromNotes.filter((f) => !req.body?.[f]).map((f) => `${f}: required`);
        if (problems.length) return void res.status(400).json({ code: 'invalid', title: 'Invalid input.', status: 400, 'invalid-params': problems });
        const row = this.add(collection, api, { ...req.body });
        res.status(201).location(row.url).json(row);
      });
    };
    create('zaken', 'zaken', '/zaken');
    create('zaken', 'statussen', '/statussen');
    create('zaken', 'rollen', '/rollen');
    create('zaken', 'zaakinformatieobjecten', '/zaakinformatieobjecten');
    create('zaken', 'resultaten', '/resultaten');
    create('documenten', 'enkelvoudiginformatieobjecten', '/enkelvoudiginformatieobjecten');
    // No Besluiten OAS in /work/shared/zgw: required fields per the reference notes (Besluiten API 1.1.0).
    create('besluiten', 'besluiten', null, ['verantwoordelijkeOrganisatie', 'besluittype', 'datum', 'ingangsdatum']);
    app.get(`${zaken}/zaken/:uuid`, (req, res) => {
      const zaak = this.store.zaken.find((z) => z.uuid === req.params.uuid);
      if (zaak) res.json(zaak);
      else res.status(404).json({ code: 'not_found', title: 'Niet gevonden.', status: 404 });
    });
    for (const collection of ['zaken', 'statussen', 'rollen', 'resultaten']) {
      app.get(`${zaken}/${collection}`, (req, res) => res.json(this.paginated(this.list(collection, req.query as Row))));
    }
    app.get(`${zaken}/zaakinformatieobjecten`, (req, res) => res.json(this.list('zaakinformatieobjecten', req.query as Row)));
    // Like Open Notificaties: validate the callback with a test message, with and without auth.
    app.post('/notificaties/api/v1/abonnement', async (req, res) => {
      const problems = this.specs.notificaties.check('/abonnement', req.body);
      if (problems.length) return void res.status(400).json({ code: 'invalid', title: 'Invalid input.', status: 400, 'invalid-params': problems });
      const probe = { kanaal: 'test', hoofdObject: 'http://some.hoofdobject.nl/', resource: 'some_resource', resourceUrl: 'http://some.resource.nl/', actie: 'create', aanmaakdatum: '2019-01-01T12:00:00Z', kenmerken: {} };
      const send = (auth?: string) => fetch(req.body.callbackUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) }, body: JSON.stringify(probe) });
      const withAuth = await send(req.body.auth).catch(() => undefined);
      if (!withAuth || withAuth.status < 200 || withAuth.status > 209) return void res.status(400).json({ code: 'invalid-callback-url', status: 400 });
      const withoutAuth = await send().catch(() => undefined);
      if (!withoutAuth || ![401, 403].includes(withoutAuth.status)) return void res.status(400).json({ code: 'no-auth-on-callback-url', status: 400 });
      const row = this.add('abonnement', 'notificaties', { ...req.body });
      res.status(201).json(row);
    });
    app.get('/besluiten/api/v1/besluiten', (req, res) => res.json(this.paginated(this.list('besluiten', req.query as Row))));
  }

  /** A catalogue for the data-subject request zaaktype, named as in the reference notes. */
  seedRequestCatalogue(catalogus: string): { zaaktype: Row } {
    const iot = this.add('informatieobjecttypen', 'catalogi', { omschrijving: 'Besluit', catalogus, concept: false });
    const zaaktype = this.add('zaaktypen', 'catalogi', {
      identificatie: 'AVG-VERZOEK', catalogus, concept: false, beginGeldigheid: '2020-01-01', eindeGeldigheid: null,
      vertrouwelijkheidaanduiding: 'zaakvertrouwelijk', doorlooptijd: 'P1M', informatieobjecttypen: [iot.url],
    });
    // An expired older version that must not be picked.
    this.add('zaaktypen', 'catalogi', { identificatie: 'AVG-VERZOEK', catalogus, concept: false, beginGeldigheid: '2018-01-01', eindeGeldigheid: '2019-12-31', informatieobjecttypen: [] });
    ['Ontvangen', 'In behandeling', 'Afgehandeld'].forEach((omschrijving, i) => this.add('statustypen', 'catalogi', { zaaktype: zaaktype.url, omschrijving, volgnummer: i + 1 }));
    this.add('resultaattypen', 'catalogi', { zaaktype: zaaktype.url, omschrijving: 'Toegewezen' });
    this.add('roltypen', 'catalogi', { zaaktype: zaaktype.url, omschrijving: 'Behandelaar', omschrijvingGeneriek: 'behandelaar' });
    this.add('besluittypen', 'catalogi', { catalogus, zaaktypen: [zaaktype.url], omschrijving: 'Besluit op verzoek AVG', reactietermijn: 'P6W' });
    return { zaaktype };
  }
}
