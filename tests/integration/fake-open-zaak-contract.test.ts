import { SignJWT } from 'jose';
import { ZgwError, ZgwErrorCode } from '../../src/zaaksysteem/zgw-error';
import { ZgwHttpClient } from '../../src/zaaksysteem/zgw-http';
import { ZgwResponses } from '../../src/zaaksysteem/zgw-responses';
import { FakeOpenZaak } from '../support/fake-open-zaak';

const CATALOGUS = 'http://catalogus.example/catalogi/api/v1/catalogussen/1';

/** The fake must refuse what Open Zaak refuses, and the client what the specifications do not allow, or the zaaksysteem tests prove nothing. */
describe('the ZGW contract, enforced on both sides', () => {
  let fake: FakeOpenZaak;
  let zaaktype: string;
  const SECRET = 'contract-secret';
  beforeAll(async () => {
    fake = await new FakeOpenZaak({ clientId: 'pf', secret: SECRET }).start();
    zaaktype = fake.seedRequestCatalogue(CATALOGUS).zaaktype.url;
  });
  afterAll(() => fake.stop());

  const token = (secret = SECRET, claims: Record<string, unknown> = { client_id: 'pf', user_id: 'u', user_representation: 'U' }) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer('pf').setIssuedAt().sign(new TextEncoder().encode(secret));
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await token()}`, 'Accept-Crs': 'EPSG:4326', 'Content-Crs': 'EPSG:4326', ...headers },
      body: JSON.stringify(body),
    });
  const get = async (path: string) => fetch(`${fake.url}${path}`, { headers: { Authorization: `Bearer ${await token()}`, 'Accept-Crs': 'EPSG:4326' } });
  const reasons = async (res: Response) => ((await res.json()) as any)['invalid-params'].map((p: any) => p.reason);
  const zaak = () => ({ zaaktype, bronorganisatie: '002220647', verantwoordelijkeOrganisatie: '002220647', startdatum: '2026-11-25' });
  const client = () =>
    new ZgwHttpClient(
      { tenantId: 'leusden', rsin: '002220647', apis: fake.base, catalogus: CATALOGUS, clientId: 'pf', secret: SECRET, notificationAuth: 'x', processes: {} },
      { userId: 'u', representation: 'U' },
      { contract: fake.contract },
    );

  describe('requests (the fake)', () => {
    it('accepts a minimal zaak per the Zaken 1.5.1 specification and answers with a spec-conformant zaak', async () => {
      const res = await post('/zaken/api/v1/zaken', zaak());
      expect(res.status).toBe(201);
      expect(fake.contract.checkResponse('POST', `${fake.base.zaken}/zaken`, 201, await res.json())).toEqual([]);
    });

    it('refuses a zaak without a required field, with an unknown enum value, or with a read-only field', async () => {
      const { bronorganisatie, ...withoutBron } = zaak();
      void bronorganisatie;
      const res = await post('/zaken/api/v1/zaken', { ...withoutBron, vertrouwelijkheidaanduiding: 'topgeheim', einddatum: '2026-12-01' });
      expect(res.status).toBe(400);
      expect((await reasons(res)).sort()).toEqual(['bronorganisatie: required', 'einddatum: read-only', 'vertrouwelijkheidaanduiding: "topgeheim" not in enum'].sort());
    });

    it('refuses a document without taal per the Documenten 1.4.2 specification', async () => {
      const res = await post('/documenten/api/v1/enkelvoudiginformatieobjecten', { bronorganisatie: '002220647', creatiedatum: '2026-11-25', titel: 't', auteur: 'a', informatieobjecttype: 'http://x/iot/1' });
      expect(res.status).toBe(400);
      expect(await reasons(res)).toEqual(['taal: required']);
    });

    it('refuses a query parameter the operation does not declare, like Open Zaak', async () => {
      expect((await get(`/zaken/api/v1/statussen?zaak=${encodeURIComponent('http://x/zaak')}`)).status).toBe(200);
      expect((await get('/zaken/api/v1/statussen?kenmerk=AVG-1')).status).toBe(400);
    });

    it('answers 412 without the CRS headers on /zaken and 403 to a token signed with another secret or without user claims', async () => {
      expect((await post('/zaken/api/v1/zaken', zaak(), { 'Content-Crs': '' })).status).toBe(412);
      expect((await post('/zaken/api/v1/zaken', zaak(), { Authorization: `Bearer ${await token('other')}` })).status).toBe(403);
      expect((await post('/zaken/api/v1/zaken', zaak(), { Authorization: `Bearer ${await token(SECRET, { client_id: 'pf' })}` })).status).toBe(403);
    });

    it('links a document to a besluit as Open Zaak does: mirrored into Documenten by the server, a type the besluittype lists, once', async () => {
      const created = async (path: string, body: unknown) => {
        const res = await post(path, body);
        expect(res.status).toBe(201);
        return (await res.json()) as any;
      };
      const z = await created('/zaken/api/v1/zaken', zaak());
      const type = (omschrijving: string) => fake.store.informatieobjecttypen.find((t) => t.omschrijving === omschrijving)!.url;
      const document = (informatieobjecttype: string) =>
        created('/documenten/api/v1/enkelvoudiginformatieobjecten', { bronorganisatie: '002220647', creatiedatum: '2026-11-25', titel: 'Besluit', auteur: 'a', taal: 'nld', informatieobjecttype });
      const letter = await document(type('Besluit'));
      const besluit = await created('/besluiten/api/v1/besluiten', {
        verantwoordelijkeOrganisatie: '002220647', besluittype: fake.store.besluittypen[0].url, zaak: z.url, datum: '2026-11-25', ingangsdatum: '2026-11-25',
      });

      await created('/besluiten/api/v1/besluitinformatieobjecten', { informatieobject: letter.url, besluit: besluit.url });
      const mirrored = await get(`/documenten/api/v1/objectinformatieobjecten?object=${encodeURIComponent(besluit.url)}`);
      const oios = await mirrored.json();
      expect(fake.contract.checkResponse('GET', `${fake.base.documenten}/objectinformatieobjecten`, 200, oios)).toEqual([]);
      expect(oios).toEqual([expect.objectContaining({ informatieobject: letter.url, object: besluit.url, objectType: 'besluit' })]);

      const again = await post('/besluiten/api/v1/besluitinformatieobjecten', { informatieobject: letter.url, besluit: besluit.url });
      expect([again.status, await reasons(again)]).toEqual([400, ['Al gekoppeld.']]);
      const extension = await document(type('Verdagingsbrief'));
      const wrongType = await post('/besluiten/api/v1/besluitinformatieobjecten', { informatieobject: extension.url, besluit: besluit.url });
      expect(wrongType.status).toBe(400);
      expect(((await wrongType.json()) as any)['invalid-params'][0].code).toBe('missing-besluittype-informatieobjecttype-relation');
      const withoutBesluit = await post('/besluiten/api/v1/besluitinformatieobjecten', { informatieobject: letter.url });
      expect([withoutBesluit.status, await reasons(withoutBesluit)]).toEqual([400, ['besluit: required']]);
    });

    it('says which calls it could not check: the Besluiten API has no official specification here', async () => {
      const before = fake.contract.unvalidated.length;
      await client().all(`${fake.base.besluiten}/besluiten`, ZgwResponses.besluit, { zaak: 'http://x/zaak' });
      await client().all(`${fake.base.zaken}/statussen`, ZgwResponses.unread, { zaak: 'http://x/zaak' });
      expect(fake.contract.unvalidated.slice(before)).toEqual([expect.stringMatching(/^GET .*\/besluiten\/api\/v1\/besluiten\?/)]);
    });
  });

  describe('responses (the platform\'s client)', () => {
    it('accepts a response that conforms to the specification', async () => {
      const created = await client().post(`${fake.base.zaken}/zaken`, zaak(), ZgwResponses.created);
      expect(created.url).toMatch(/\/zaken\/api\/v1\/zaken\//);
    });

    it('refuses a response the specification does not allow with a typed, non-retryable error', async () => {
      fake.tamperNext('POST', '/zaken', ({ uuid: _uuid, ...rest }) => ({ ...rest, startdatum: 'gisteren' }));
      const err = await client().post(`${fake.base.zaken}/zaken`, zaak(), ZgwResponses.created).catch((e) => e);
      expect(err).toBeInstanceOf(ZgwError);
      expect(err).toMatchObject({ code: ZgwErrorCode.RESPONSE_INVALID, retryable: false });
      expect((err as ZgwError).details.problems).toEqual(expect.arrayContaining(['uuid: required', 'startdatum: not a date']));
    });

    it('refuses a list whose items break the specification', async () => {
      fake.tamperNext('GET', '/statustypen', (page) => ({ ...page, results: [{ omschrijving: 'Ontvangen' }] }));
      const err = await client().all(`${fake.base.catalogi}/statustypen`, ZgwResponses.statustype, { zaaktype }).catch((e) => e);
      expect(err).toMatchObject({ code: ZgwErrorCode.RESPONSE_INVALID });
      expect((err as ZgwError).details.problems).toEqual(expect.arrayContaining(['results[0].url: required', 'results[0].zaaktype: required', 'results[0].volgnummer: required']));
    });

    it('classifies failures: a refusal needs a person, an outage is retried', async () => {
      fake.failNext(1, 400, { path: '/zaken' });
      expect(await client().post(`${fake.base.zaken}/zaken`, zaak(), ZgwResponses.created).catch((e) => e)).toMatchObject({ code: ZgwErrorCode.REQUEST_FAILED, retryable: false });
      fake.failNext(1, 503, { path: '/zaken' });
      expect(await client().post(`${fake.base.zaken}/zaken`, zaak(), ZgwResponses.created).catch((e) => e)).toMatchObject({ code: ZgwErrorCode.REQUEST_FAILED, retryable: true });
      fake.goOffline();
      try {
        expect(await client().post(`${fake.base.zaken}/zaken`, zaak(), ZgwResponses.created).catch((e) => e)).toMatchObject({ code: ZgwErrorCode.REQUEST_FAILED, retryable: true });
      } finally {
        fake.goOnline();
      }
    });
  });
});
