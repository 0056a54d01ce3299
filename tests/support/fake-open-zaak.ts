import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { jwtVerify } from 'jose';
import { SchemaValidator, ZgwContract } from './openapi-contract';

/**
 * FAKE Open Zaak and Open Notificaties: the real ones cannot run here (no Docker, no Python
 * services). This in-process server implements only the endpoints the platform calls. It checks
 * the ZGW JWT (HS256 signature, iss/iat/client_id/user_id) and the CRS headers, refuses query
 * parameters and request bodies the official OpenAPI files in /work/shared/zgw refuse (loaded
 * at start, so the fake cannot drift from them), answers with resources in the shape those files
 * give (the server's read-only fields filled in), and applies the few rules of the standard the
 * platform depends on (zrc-007 closing with the eindstatus, zrc-017 allowed document types, one
 * resultaat per zaak, no changes to a closed zaak).
 *
 * NOT SPEC-VALIDATED: the Besluiten API. /work/shared/zgw holds no Besluiten specification; the
 * schemas below are transcribed by hand from the public Besluiten API 1.0.2 specification
 * (VNG-Realisatie/besluiten-api, tag 1.0.2, src/openapi.yaml; 1.1.0 only adds `expand`) and are
 * not loaded from an official file. Besluiten calls appear in the contract's `unvalidated` list.
 *
 * Relations between documents and zaken or besluiten behave as in Open Zaak: the Zaken API
 * (zaakinformatieobject) and the Besluiten API (besluitinformatieobject, leading for that relation)
 * create the Documenten API's objectinformatieobject themselves; Documenten 1.4.2 says consumers do
 * not call POST /objectinformatieobjecten, so this fake only lets them read it. A
 * besluitinformatieobject needs an existing besluit and document, a document type the besluittype
 * lists (Open Zaak's `missing-besluittype-informatieobjecttype-relation`) and is unique.
 */
const BESLUITEN_TRANSCRIBED = {
  components: {
    schemas: {
      Besluit: {
        type: 'object',
        required: ['verantwoordelijkeOrganisatie', 'besluittype', 'datum', 'ingangsdatum'],
        properties: {
          url: { type: 'string', format: 'uri', readOnly: true },
          identificatie: { type: 'string', maxLength: 50 },
          verantwoordelijkeOrganisatie: { type: 'string', maxLength: 9, minLength: 1 },
          besluittype: { type: 'string', format: 'uri', maxLength: 200, minLength: 1 },
          zaak: { type: 'string', format: 'uri', maxLength: 200 },
          datum: { type: 'string', format: 'date' },
          toelichting: { type: 'string' },
          bestuursorgaan: { type: 'string', maxLength: 50 },
          ingangsdatum: { type: 'string', format: 'date' },
          vervaldatum: { type: 'string', format: 'date', nullable: true },
          vervalreden: { type: 'string', enum: ['tijdelijk', 'ingetrokken_overheid', 'ingetrokken_belanghebbende'] },
          vervalredenWeergave: { type: 'string', readOnly: true },
          publicatiedatum: { type: 'string', format: 'date', nullable: true },
          verzenddatum: { type: 'string', format: 'date', nullable: true },
          uiterlijkeReactiedatum: { type: 'string', format: 'date', nullable: true },
        },
      },
      BesluitInformatieObject: {
        type: 'object',
        required: ['informatieobject', 'besluit'],
        properties: {
          url: { type: 'string', format: 'uri', readOnly: true },
          informatieobject: { type: 'string', format: 'uri', maxLength: 1000, minLength: 1 },
          besluit: { type: 'string', format: 'uri' },
        },
      },
    },
  },
};

export interface FakeOpenZaakOptions {
  clientId: string;
  secret: string;
}

type Row = Record<string, any>;
type Api = 'zaken' | 'catalogi' | 'documenten' | 'besluiten' | 'notificaties';

const today = () => new Date().toISOString().slice(0, 10);
const problem = (status: number, code: string, title: string, invalid?: unknown[]) => ({
  type: `urn:fake-open-zaak:${code}`,
  code,
  title,
  status,
  detail: title,
  instance: `urn:uuid:${randomUUID()}`,
  ...(invalid ? { 'invalid-params': invalid } : {}),
});
const invalidParams = (problems: string[]) => problems.map((p) => ({ name: p.split(':')[0], code: 'invalid', reason: p }));

export class FakeOpenZaak {
  /** The official specifications at this fake's base URLs; the platform's client checks every response with it. */
  contract!: ZgwContract;
  private readonly besluiten = new SchemaValidator(BESLUITEN_TRANSCRIBED);
  readonly store: Record<string, Row[]> = {
    zaaktypen: [], statustypen: [], resultaattypen: [], roltypen: [], informatieobjecttypen: [], besluittypen: [], 'zaaktype-informatieobjecttypen': [], eigenschappen: [],
    zaken: [], statussen: [], rollen: [], zaakinformatieobjecten: [], resultaten: [], zaakeigenschappen: [], zaakbesluiten: [],
    enkelvoudiginformatieobjecten: [], objectinformatieobjecten: [], besluiten: [], besluitinformatieobjecten: [], abonnement: [],
  };
  /** Every request received: method, path, and the verified token claims. */
  readonly requests: { method: string; path: string; claims: Row; body?: any }[] = [];
  private failures: { count: number; status: number; method?: string; path?: string }[] = [];
  private tampers: { method: string; path: string; change: (body: any) => any }[] = [];
  private offline = false;
  private zaakNumber = 0;
  private server?: http.Server;
  url = '';

  constructor(private readonly options: FakeOpenZaakOptions) {}

  get base(): Record<Api, string> {
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

  /** The next answer to `method` on a path ending in `path` is changed by `change` (a server that breaks its contract). */
  tamperNext(method: string, path: string, change: (body: any) => any): void {
    this.tampers.push({ method, path, change });
  }

  /** Until goOnline(), every connection is dropped without an answer (the network or the server is gone). */
  goOffline(): void {
    this.offline = true;
  }

  goOnline(): void {
    this.offline = false;
  }

  /** Stores a resource as the server would have it, with url and uuid. */
  add(collection: string, api: Api, row: Row): Row {
    const uuid = randomUUID();
    const full = { url: `${this.base[api]}/${collection}/${uuid}`, uuid, ...row };
    this.store[collection].push(full);
    return full;
  }

  find(collection: string, url: string): Row | undefined {
    return this.store[collection].find((r) => r.url === url);
  }

  async start(): Promise<this> {
    const app = express();
    app.use(express.json({ limit: '20mb' }));
    app.use((req, res, next) => void this.guard(req, res, next));
    this.catalogueRoutes(app);
    this.zakenRoutes(app);
    this.otherRoutes(app);
    this.server = http.createServer(app);
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.contract = ZgwContract.forFake(this.base);
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async guard(req: express.Request, res: express.Response, next: express.NextFunction) {
    if (this.offline) {
      req.socket.destroy();
      return;
    }
    const auth = req.header('authorization') ?? '';
    let claims: Row;
    try {
      const { payload, protectedHeader } = await jwtVerify(auth.replace(/^Bearer /, ''), new TextEncoder().encode(this.options.secret), { algorithms: ['HS256'] });
      if (protectedHeader.typ !== 'JWT') throw new Error('typ');
      if (payload.client_id !== this.options.clientId || payload.iss !== this.options.clientId) throw new Error('client_id');
      if (typeof payload.iat !== 'number' || typeof payload.user_id !== 'string' || typeof payload.user_representation !== 'string') throw new Error('claims');
      claims = payload;
    } catch (err) {
      res.status(403).json(problem(403, 'permission_denied', `JWT rejected: ${(err as Error).message}`));
      return;
    }
    if (req.path.startsWith('/zaken/api/v1/zaken') && (req.header('accept-crs') !== 'EPSG:4326' || (req.method === 'POST' && req.header('content-crs') !== 'EPSG:4326'))) {
      res.status(412).json(problem(412, 'precondition_failed', 'CRS headers missing'));
      return;
    }
    this.requests.push({ method: req.method, path: req.path, claims, body: req.body });
    const failure = this.failures.find((f) => f.count > 0 && (!f.method || f.method === req.method) && (!f.path || req.path.endsWith(f.path)));
    if (failure) {
      failure.count -= 1;
      res.status(failure.status).json(problem(failure.status, 'unavailable', 'fake outage'));
      return;
    }
    const tamper = this.tampers.findIndex((t) => t.method === req.method && req.path.endsWith(t.path));
    if (tamper >= 0) {
      const { change } = this.tampers.splice(tamper, 1)[0];
      const json = res.json.bind(res);
      res.json = (body: any) => json(change(structuredClone(body)));
    }
    // Like Open Zaak: unknown query parameters and bodies the specification refuses answer 400.
    const url = `${this.url}${req.originalUrl}`;
    if (!req.path.startsWith('/besluiten/')) {
      const unknown = req.method === 'GET' ? this.unknownQueryParameters(url) : [];
      if (unknown.length) return void res.status(400).json(problem(400, 'invalid', `unknown query parameters ${unknown.join(',')}`));
      const problems = req.method === 'POST' ? this.contract.checkRequest('POST', url, req.body) : [];
      if (problems.length) return void res.status(400).json(problem(400, 'invalid', 'Invalid input.', invalidParams(problems)));
    } else if (req.method === 'POST') {
      const schema = req.path.endsWith('/besluiten') ? 'Besluit' : req.path.endsWith('/besluitinformatieobjecten') ? 'BesluitInformatieObject' : undefined;
      const problems = schema ? this.besluiten.validate({ $ref: `#/components/schemas/${schema}` }, req.body, 'request') : [];
      if (problems.length) return void res.status(400).json(problem(400, 'invalid', 'Invalid input.', invalidParams(problems)));
    }
    next();
  }

  private unknownQueryParameters(url: string): string[] {
    const known = this.contract.queryParameters('GET', url);
    if (!known) return [];
    return [...new URL(url).searchParams.keys()].filter((q) => !known.includes(q));
  }

  private list(collection: string, filters: Row): Row[] {
    return this.store[collection].filter((row) =>
      Object.entries(filters).every(([k, v]) => {
        if (k === 'page') return true;
        if (k === 'status' && 'concept' in row) return v === 'alles' || (v === 'concept') === row.concept;
        if (k === 'datumGeldigheid') return row.beginGeldigheid <= v && (!row.eindeGeldigheid || row.eindeGeldigheid >= v);
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
    for (const collection of ['zaaktypen', 'statustypen', 'resultaattypen', 'roltypen', 'informatieobjecttypen', 'besluittypen', 'zaaktype-informatieobjecttypen']) {
      app.get(`/catalogi/api/v1/${collection}`, (req, res) => res.json(this.paginated(this.list(collection, req.query as Row))));
    }
  }

  private created(res: express.Response, row: Row) {
    res.status(201).location(row.url).json(row);
  }

  private zaakOf(url: string, res: express.Response): Row | undefined {
    const zaak = this.find('zaken', url);
    if (!zaak) res.status(400).json(problem(400, 'invalid', 'Invalid input.', [{ name: 'zaak', code: 'does_not_exist', reason: 'De zaak bestaat niet.' }]));
    else if (zaak.einddatum) res.status(403).json(problem(403, 'permission_denied', 'De zaak is afgesloten: wijzigen vraagt zaken.geforceerd-bijwerken.'));
    else return zaak;
    return undefined;
  }

  private refuse(res: express.Response, name: string, code: string, reason: string) {
    res.status(400).json(problem(400, 'invalid', 'Invalid input.', [{ name, code, reason }]));
  }

  private zakenRoutes(app: express.Express) {
    const zaken = '/zaken/api/v1';
    app.post(`${zaken}/zaken`, (req, res) => {
      const zaaktype = this.find('zaaktypen', req.body.zaaktype);
      if (!zaaktype || zaaktype.concept) return this.refuse(res, 'zaaktype', 'does_not_exist', 'Het zaaktype bestaat niet of is een concept.');
      // Like Open Zaak: every relevante andere zaak must be a zaak the API can resolve.
      const unknownRelated = (req.body.relevanteAndereZaken ?? []).findIndex((r: Row) => !this.find('zaken', r.url));
      if (unknownRelated >= 0) return this.refuse(res, `relevanteAndereZaken.${unknownRelated}.url`, 'bad-url', 'De URL is geen zaak.');
      this.zaakNumber += 1;
      const zaak = this.add('zaken', 'zaken', {
        identificatie: `ZAAK-${new Date().getFullYear()}-${String(this.zaakNumber).padStart(10, '0')}`,
        registratiedatum: today(),
        vertrouwelijkheidaanduiding: zaaktype.vertrouwelijkheidaanduiding,
        kenmerken: [],
        relevanteAndereZaken: [],
        ...req.body,
        einddatum: null, status: null, resultaat: null, betalingsindicatieWeergave: '',
        deelzaken: [], eigenschappen: [], rollen: [], zaakinformatieobjecten: [], zaakobjecten: [],
      });
      this.created(res, zaak);
    });
    app.get(`${zaken}/zaken`, (req, res) => res.json(this.paginated(this.list('zaken', req.query as Row))));
    app.get(`${zaken}/zaken/:uuid`, (req, res) => {
      const zaak = this.store.zaken.find((z) => z.uuid === req.params.uuid);
      if (zaak) res.json(zaak);
      else res.status(404).json(problem(404, 'not_found', 'Niet gevonden.'));
    });
    app.get(`${zaken}/zaken/:uuid/zaakeigenschappen`, (req, res) => res.json(this.store.zaakeigenschappen.filter((e) => e.zaak === `${this.base.zaken}/zaken/${req.params.uuid}`)));
    app.get(`${zaken}/zaken/:uuid/besluiten`, (req, res) => res.json(this.store.zaakbesluiten.filter((b) => b.zaakUuid === req.params.uuid).map(({ zaakUuid: _z, ...b }) => b)));

    app.post(`${zaken}/statussen`, (req, res) => {
      const zaak = this.zaakOf(req.body.zaak, res);
      if (!zaak) return;
      const statustype = this.find('statustypen', req.body.statustype);
      if (!statustype || statustype.zaaktype !== zaak.zaaktype) return this.refuse(res, 'statustype', 'zaaktype-mismatch', 'Het statustype hoort niet bij het zaaktype van de zaak.');
      // zrc-007: the eindstatus closes the zaak, and needs a resultaat first.
      if (statustype.isEindstatus && !zaak.resultaat) return this.refuse(res, 'nonFieldErrors', 'resultaat-does-not-exist', 'De zaak heeft nog geen resultaat.');
      for (const s of this.store.statussen) if (s.zaak === zaak.url) s.indicatieLaatstGezetteStatus = false;
      const status = this.add('statussen', 'zaken', { statustoelichting: '', ...req.body, indicatieLaatstGezetteStatus: true, zaakinformatieobjecten: [] });
      zaak.status = status.url;
      if (statustype.isEindstatus) zaak.einddatum = String(req.body.datumStatusGezet).slice(0, 10);
      this.created(res, status);
    });
    app.post(`${zaken}/rollen`, (req, res) => {
      const zaak = this.zaakOf(req.body.zaak, res);
      if (!zaak) return;
      const roltype = this.find('roltypen', req.body.roltype);
      if (!roltype || roltype.zaaktype !== zaak.zaaktype) return this.refuse(res, 'roltype', 'zaaktype-mismatch', 'Het roltype hoort niet bij het zaaktype van de zaak.');
      const rol = this.add('rollen', 'zaken', { ...req.body, omschrijving: roltype.omschrijving, omschrijvingGeneriek: roltype.omschrijvingGeneriek, registratiedatum: new Date().toISOString(), statussen: [] });
      zaak.rollen.push(rol.url);
      this.created(res, rol);
    });
    app.post(`${zaken}/resultaten`, (req, res) => {
      const zaak = this.zaakOf(req.body.zaak, res);
      if (!zaak) return;
      const resultaattype = this.find('resultaattypen', req.body.resultaattype);
      if (!resultaattype || resultaattype.zaaktype !== zaak.zaaktype) return this.refuse(res, 'resultaattype', 'zaaktype-mismatch', 'Het resultaattype hoort niet bij het zaaktype van de zaak.');
      if (zaak.resultaat) return this.refuse(res, 'zaak', 'unique', 'De zaak heeft al een resultaat.');
      const resultaat = this.add('resultaten', 'zaken', { toelichting: '', ...req.body });
      zaak.resultaat = resultaat.url;
      this.created(res, resultaat);
    });
    app.post(`${zaken}/zaakinformatieobjecten`, (req, res) => {
      const zaak = this.zaakOf(req.body.zaak, res);
      if (!zaak) return;
      const eio = this.find('enkelvoudiginformatieobjecten', req.body.informatieobject);
      if (!eio) return this.refuse(res, 'informatieobject', 'does_not_exist', 'Het informatieobject bestaat niet.');
      // zrc-017: only document types the zaaktype allows.
      if (!this.store['zaaktype-informatieobjecttypen'].some((z) => z.zaaktype === zaak.zaaktype && z.informatieobjecttype === eio.informatieobjecttype)) {
        return this.refuse(res, 'nonFieldErrors', 'missing-zaaktype-informatieobjecttype-relation', 'Het informatieobjecttype hoort niet bij het zaaktype.');
      }
      if (this.store.zaakinformatieobjecten.some((z) => z.zaak === zaak.url && z.informatieobject === eio.url)) return this.refuse(res, 'nonFieldErrors', 'unique', 'Al gekoppeld.');
      const zio = this.add('zaakinformatieobjecten', 'zaken', { titel: eio.titel, beschrijving: '', ...req.body, aardRelatieWeergave: 'Hoort bij, omgekeerd: kent', registratiedatum: new Date().toISOString() });
      zaak.zaakinformatieobjecten.push(zio.url);
      // zrc-005: the Zaken API mirrors the relation into the Documenten API.
      this.add('objectinformatieobjecten', 'documenten', { informatieobject: eio.url, object: zaak.url, objectType: 'zaak' });
      this.created(res, zio);
    });
    for (const collection of ['statussen', 'rollen', 'resultaten']) {
      app.get(`${zaken}/${collection}`, (req, res) => res.json(this.paginated(this.list(collection, req.query as Row))));
    }
    app.get(`${zaken}/zaakinformatieobjecten`, (req, res) => res.json(this.list('zaakinformatieobjecten', req.query as Row)));
  }

  private otherRoutes(app: express.Express) {
    app.post('/documenten/api/v1/enkelvoudiginformatieobjecten', (req, res) => {
      if (!this.find('informatieobjecttypen', req.body.informatieobjecttype)) return this.refuse(res, 'informatieobjecttype', 'does_not_exist', 'Het informatieobjecttype bestaat niet.');
      const { inhoud, ...rest } = req.body;
      const eio = this.add('enkelvoudiginformatieobjecten', 'documenten', {
        ...rest,
        versie: 1,
        beginRegistratie: new Date().toISOString(),
        locked: false,
        bestandsdelen: [],
        bestandsomvang: inhoud ? Buffer.from(inhoud, 'base64').length : null,
      });
      // Documenten 1.4.2 answers with a download URL in `inhoud`; the fake keeps the content beside it for the tests.
      eio.inhoud = `${eio.url}/download`;
      eio.content = inhoud ? Buffer.from(inhoud, 'base64') : undefined;
      const { content: _content, ...shown } = eio;
      // A document created with its content inline gets no lock (the lock is for uploads in parts).
      this.created(res, { ...shown, lock: '' });
    });
    app.post('/besluiten/api/v1/besluiten', (req, res) => {
      const besluittype = this.find('besluittypen', req.body.besluittype);
      if (!besluittype) return this.refuse(res, 'besluittype', 'does_not_exist', 'Het besluittype bestaat niet.');
      const zaak = req.body.zaak ? this.find('zaken', req.body.zaak) : undefined;
      if (req.body.zaak && !zaak) return this.refuse(res, 'zaak', 'does_not_exist', 'De zaak bestaat niet.');
      if (zaak && !besluittype.zaaktypen.includes(zaak.zaaktype)) return this.refuse(res, 'nonFieldErrors', 'zaaktype-mismatch', 'Het besluittype hoort niet bij het zaaktype.');
      const besluit = this.add('besluiten', 'besluiten', { identificatie: `BESLUIT-${this.store.besluiten.length + 1}`, ...req.body, vervalredenWeergave: '' });
      // The Besluiten API registers the zaakbesluit in the Zaken API itself.
      if (zaak) this.add('zaakbesluiten', 'zaken', { besluit: besluit.url, zaakUuid: zaak.uuid });
      this.created(res, besluit);
    });
    app.get('/besluiten/api/v1/besluiten', (req, res) => res.json(this.paginated(this.list('besluiten', req.query as Row))));
    app.post('/besluiten/api/v1/besluitinformatieobjecten', (req, res) => {
      const besluit = this.find('besluiten', req.body.besluit);
      if (!besluit) return this.refuse(res, 'besluit', 'does_not_exist', 'Het besluit bestaat niet.');
      const eio = this.find('enkelvoudiginformatieobjecten', req.body.informatieobject);
      if (!eio) return this.refuse(res, 'informatieobject', 'does_not_exist', 'Het informatieobject bestaat niet.');
      if (!this.find('besluittypen', besluit.besluittype)?.informatieobjecttypen.includes(eio.informatieobjecttype)) {
        return this.refuse(res, 'nonFieldErrors', 'missing-besluittype-informatieobjecttype-relation', 'Het informatieobjecttype hoort niet bij het besluitype van de besluit.');
      }
      if (this.store.besluitinformatieobjecten.some((b) => b.besluit === besluit.url && b.informatieobject === eio.url)) return this.refuse(res, 'nonFieldErrors', 'unique', 'Al gekoppeld.');
      const bio = this.add('besluitinformatieobjecten', 'besluiten', { informatieobject: eio.url, besluit: besluit.url });
      // The Besluiten API, not the client, registers the relation in the Documenten API.
      this.add('objectinformatieobjecten', 'documenten', { informatieobject: eio.url, object: besluit.url, objectType: 'besluit' });
      const { uuid: _uuid, ...shown } = bio;
      this.created(res, shown);
    });
    // Besluiten 1.0.x answers this list unpaginated.
    app.get('/besluiten/api/v1/besluitinformatieobjecten', (req, res) => res.json(this.list('besluitinformatieobjecten', req.query as Row).map(({ uuid: _uuid, ...b }) => b)));
    app.get('/documenten/api/v1/objectinformatieobjecten', (req, res) => res.json(this.list('objectinformatieobjecten', req.query as Row).map(({ uuid: _uuid, ...o }) => o)));
    // Like Open Notificaties: validate the callback with a test message, with and without auth.
    app.post('/notificaties/api/v1/abonnement', async (req, res) => {
      const probe = { kanaal: 'test', hoofdObject: 'http://some.hoofdobject.nl/', resource: 'some_resource', resourceUrl: 'http://some.resource.nl/', actie: 'create', aanmaakdatum: '2019-01-01T12:00:00Z', kenmerken: {} };
      const send = (auth?: string) => fetch(req.body.callbackUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) }, body: JSON.stringify(probe) });
      const withAuth = await send(req.body.auth).catch(() => undefined);
      if (!withAuth || withAuth.status < 200 || withAuth.status > 209) return this.refuse(res, 'callbackUrl', 'invalid-callback-url', 'De callback antwoordt niet.');
      const withoutAuth = await send().catch(() => undefined);
      if (!withoutAuth || ![401, 403].includes(withoutAuth.status)) return this.refuse(res, 'callbackUrl', 'no-auth-on-callback-url', 'De callback vraagt geen authenticatie.');
      this.created(res, this.add('abonnement', 'notificaties', { ...req.body }));
    });
  }

  /** The content a document was uploaded with. */
  contentOf(eioUrl: string): string | undefined {
    return this.find('enkelvoudiginformatieobjecten', eioUrl)?.content?.toString('utf8');
  }

  // ---- the municipality's catalogue, as Catalogi 1.3.1 describes its resources ----

  private zaaktype(catalogus: string, identificatie: string, omschrijving: string, doorlooptijd: string, begin = '2020-01-01', einde: string | null = null): Row {
    return this.add('zaaktypen', 'catalogi', {
      identificatie, omschrijving, vertrouwelijkheidaanduiding: 'zaakvertrouwelijk', doel: omschrijving, aanleiding: 'Aanvraag of melding', toelichting: '',
      indicatieInternOfExtern: 'extern', handelingInitiator: 'indienen', onderwerp: omschrijving, handelingBehandelaar: 'behandelen', doorlooptijd,
      opschortingEnAanhoudingMogelijk: true, verlengingMogelijk: true, verlengingstermijn: 'P2M', publicatieIndicatie: false, productenOfDiensten: [],
      referentieproces: { naam: omschrijving }, verantwoordelijke: 'Privacybeheerder', catalogus,
      // Catalogi 1.3.1 declares zaaktype.informatieobjecttypen a string (the allowed types are /zaaktype-informatieobjecttypen).
      statustypen: [], resultaattypen: [], eigenschappen: [], informatieobjecttypen: '', roltypen: [], besluittypen: [], gerelateerdeZaaktypen: [], zaakobjecttypen: [],
      beginGeldigheid: begin, eindeGeldigheid: einde, versiedatum: begin, concept: false,
    });
  }

  private statustypen(zaaktype: Row, names: string[]): void {
    names.forEach((omschrijving, i) => {
      const st = this.add('statustypen', 'catalogi', {
        omschrijving, statustekst: '', zaaktype: zaaktype.url, catalogus: zaaktype.catalogus, zaaktypeIdentificatie: zaaktype.identificatie,
        volgnummer: i + 1, isEindstatus: i === names.length - 1, informeren: false,
      });
      zaaktype.statustypen.push(st.url);
    });
  }

  private resultaattypen(zaaktype: Row, names: string[]): void {
    for (const omschrijving of names) {
      const rt = this.add('resultaattypen', 'catalogi', {
        zaaktype: zaaktype.url, zaaktypeIdentificatie: zaaktype.identificatie, omschrijving, omschrijvingGeneriek: '',
        resultaattypeomschrijving: 'https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/3a0a9c3c-0847-4e7e-b7d9-765b9434094c',
        selectielijstklasse: 'https://selectielijst.openzaak.nl/api/v1/resultaten/cc5ae4e3-a9e6-4386-bcee-46be4986a829',
        archiefnominatie: 'vernietigen', archiefactietermijn: 'P5Y', catalogus: zaaktype.catalogus,
        besluittypen: [], besluittypeOmschrijving: [], informatieobjecttypen: [], informatieobjecttypeOmschrijving: [],
      });
      zaaktype.resultaattypen.push(rt.url);
    }
  }

  private informatieobjecttype(zaaktype: Row, omschrijving: string): Row {
    const iot = this.add('informatieobjecttypen', 'catalogi', {
      catalogus: zaaktype.catalogus, omschrijving, vertrouwelijkheidaanduiding: 'vertrouwelijk', beginGeldigheid: '2020-01-01', concept: false,
      zaaktypen: '', besluittypen: [], informatieobjectcategorie: omschrijving, trefwoord: [], omschrijvingGeneriek: { informatieobjecttypeOmschrijvingGeneriek: '', definitieInformatieobjecttypeOmschrijvingGeneriek: '', herkomstInformatieobjecttypeOmschrijvingGeneriek: '', hierarchieInformatieobjecttypeOmschrijvingGeneriek: '', opmerkingInformatieobjecttypeOmschrijvingGeneriek: '' },
    });
    this.add('zaaktype-informatieobjecttypen', 'catalogi', {
      zaaktype: zaaktype.url, zaaktypeIdentificatie: zaaktype.identificatie, catalogus: zaaktype.catalogus, informatieobjecttype: iot.url,
      volgnummer: this.store['zaaktype-informatieobjecttypen'].filter((z) => z.zaaktype === zaaktype.url).length + 1, richting: 'uitgaand',
    });
    return iot;
  }

  private roltype(zaaktype: Row, omschrijving: string, omschrijvingGeneriek: string): void {
    const rt = this.add('roltypen', 'catalogi', { zaaktype: zaaktype.url, zaaktypeIdentificatie: zaaktype.identificatie, omschrijving, omschrijvingGeneriek, catalogus: zaaktype.catalogus });
    zaaktype.roltypen.push(rt.url);
  }

  /**
   * The data-subject request zaaktype as the reference notes propose it ("Verzoek uitoefening rechten
   * betrokkene (AVG) behandelen"), plus an expired older version that must not be picked.
   */
  seedRequestCatalogue(catalogus: string, identificatie = 'AVG-VERZOEK'): { zaaktype: Row; soortVerzoek: Row } {
    this.zaaktype(catalogus, identificatie, 'Verzoek AVG (oud)', 'P1M', '2018-01-01', '2019-12-31');
    const zaaktype = this.zaaktype(catalogus, identificatie, 'Verzoek uitoefening rechten betrokkene (AVG) behandelen', 'P1M');
    this.statustypen(zaaktype, ['Ontvangen', 'In behandeling', 'Verdaagd', 'Afgehandeld']);
    this.resultaattypen(zaaktype, ['Toegewezen', 'Gedeeltelijk toegewezen', 'Afgewezen', 'Buiten behandeling gesteld', 'Ingetrokken']);
    this.roltype(zaaktype, 'Behandelaar', 'behandelaar');
    this.roltype(zaaktype, 'Aanvrager', 'initiator');
    const besluit = this.informatieobjecttype(zaaktype, 'Besluit');
    this.informatieobjecttype(zaaktype, 'Verdagingsbrief');
    const besluittype = this.add('besluittypen', 'catalogi', {
      catalogus, zaaktypen: [zaaktype.url], omschrijving: 'Besluit op verzoek AVG', omschrijvingGeneriek: '', besluitcategorie: 'besluit',
      reactietermijn: 'P6W', publicatieIndicatie: false, informatieobjecttypen: [besluit.url], beginGeldigheid: '2020-01-01', concept: false,
      resultaattypen: [], resultaattypenOmschrijving: [], vastgelegdIn: [],
    });
    zaaktype.besluittypen.push(besluittype.url);
    const soortVerzoek = this.add('eigenschappen', 'catalogi', { naam: 'soortVerzoek', zaaktype: zaaktype.url });
    return { zaaktype, soortVerzoek };
  }

  /**
   * The bezwaar zaaktype as the reference notes propose it ("Bezwaarschrift behandelen"): a zaak of
   * its own for an objection against a besluit, with a resultaattype per decision on the objection.
   */
  seedBezwaarCatalogue(catalogus: string, identificatie = 'BEZWAAR'): { zaaktype: Row } {
    const zaaktype = this.zaaktype(catalogus, identificatie, 'Bezwaarschrift behandelen', 'P12W');
    this.statustypen(zaaktype, ['Bezwaar ontvangen', 'In behandeling', 'Afgehandeld']);
    this.resultaattypen(zaaktype, ['Gegrond', 'Deels gegrond', 'Ongegrond', 'Niet-ontvankelijk']);
    return { zaaktype };
  }

  /** The breach zaaktype: statustypen following the BLNP phases, resultaattypen per outcome. */
  seedIncidentCatalogue(catalogus: string, identificatie = 'DATALEK'): { zaaktype: Row } {
    const zaaktype = this.zaaktype(catalogus, identificatie, 'Beveiligingsincident of datalek behandelen', 'P3M');
    this.statustypen(zaaktype, ['Melding beoordeeld', 'Gemeld bij de AP', 'Betrokkenen geïnformeerd', 'Afgehandeld']);
    this.resultaattypen(zaaktype, ['Geen datalek', 'Datalek, niet meldplichtig', 'Datalek, gemeld bij de AP', 'Melding ingetrokken']);
    this.informatieobjecttype(zaaktype, 'Melding datalek AP');
    this.roltype(zaaktype, 'Behandelaar', 'behandelaar');
    return { zaaktype };
  }

  /**
   * A zaak as Open Formulieren registers a DigiD e-form: the zaak, the applicant as initiator
   * (natuurlijk_persoon with the BSN from DigiD) and the kind of request as zaakeigenschap.
   */
  registerEformZaak(p: { zaaktype: Row; soortVerzoek?: Row; right?: string; bsn?: string; text?: string; bronorganisatie?: string }): Row {
    this.zaakNumber += 1;
    const zaak = this.add('zaken', 'zaken', {
      identificatie: `ZAAK-EFORM-${this.zaakNumber}`, bronorganisatie: p.bronorganisatie ?? '002220647', verantwoordelijkeOrganisatie: p.bronorganisatie ?? '002220647',
      zaaktype: p.zaaktype.url, registratiedatum: today(), startdatum: today(), omschrijving: 'AVG-verzoek via het e-formulier',
      toelichting: p.text ?? 'Ik wil inzage in de persoonsgegevens die de gemeente van mij verwerkt.', vertrouwelijkheidaanduiding: 'vertrouwelijk',
      kenmerken: [], relevanteAndereZaken: [], einddatum: null, status: null, resultaat: null, betalingsindicatieWeergave: '',
      deelzaken: [], eigenschappen: [], rollen: [], zaakinformatieobjecten: [], zaakobjecten: [],
    });
    const initiator = this.store.roltypen.find((r) => r.zaaktype === p.zaaktype.url && r.omschrijvingGeneriek === 'initiator');
    if (initiator) {
      const rol = this.add('rollen', 'zaken', {
        zaak: zaak.url, roltype: initiator.url, omschrijving: initiator.omschrijving, omschrijvingGeneriek: 'initiator', roltoelichting: 'Aanvrager (DigiD)',
        registratiedatum: new Date().toISOString(), statussen: [], betrokkeneType: 'natuurlijk_persoon', indicatieMachtiging: '',
        betrokkeneIdentificatie: {
          inpBsn: p.bsn ?? '111222333', geslachtsnaam: 'Vries', voorvoegselGeslachtsnaam: 'de', voorletters: 'J', voornamen: 'Jan', geboortedatum: '1980-04-12',
          verblijfsadres: { aoaIdentificatie: '0327200000012345', wplWoonplaatsNaam: 'Leusden', gorOpenbareRuimteNaam: 'Dorpsstraat', aoaPostcode: '3831AA', aoaHuisnummer: 1 },
        },
        contactpersoonRol: { naam: 'Jan de Vries', emailadres: 'jan.devries@example.nl' },
      });
      zaak.rollen.push(rol.url);
    }
    if (p.soortVerzoek && p.right) {
      const e = this.add('zaakeigenschappen', 'zaken', { zaak: zaak.url, eigenschap: p.soortVerzoek.url, naam: p.soortVerzoek.naam, waarde: p.right });
      zaak.eigenschappen.push(e.url);
    }
    return zaak;
  }
}
