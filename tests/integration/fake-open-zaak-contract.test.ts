import { SignJWT } from 'jose';
import { FakeOpenZaak } from '../support/fake-open-zaak';

/** The fake must refuse what Open Zaak refuses, or the zaaksysteem tests prove nothing. */
describe('fake Open Zaak enforces the ZGW contract', () => {
  let fake: FakeOpenZaak;
  const SECRET = 'contract-secret';
  beforeAll(async () => {
    fake = await new FakeOpenZaak({ clientId: 'pf', secret: SECRET }).start();
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
  const zaak = { zaaktype: 'http://x/zaaktypen/1', bronorganisatie: '002220647', verantwoordelijkeOrganisatie: '002220647', startdatum: '2026-11-25' };

  it('accepts a minimal zaak per the Zaken 1.5.1 spec', async () => {
    expect((await post('/zaken/api/v1/zaken', zaak)).status).toBe(201);
  });

  it('refuses a zaak without a required field, with an unknown enum value, or with a read-only field', async () => {
    const { bronorganisatie, ...withoutBron } = zaak;
    void bronorganisatie;
    const res = await post('/zaken/api/v1/zaken', { ...withoutBron, vertrouwelijkheidaanduiding: 'topgeheim', einddatum: '2026-12-01' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any)['invalid-params']).toEqual(['bronorganisatie: required', 'vertrouwelijkheidaanduiding: "topgeheim" not in enum', 'einddatum: read-only']);
  });

  it('refuses a document without taal per the Documenten 1.4.2 spec', async () => {
    const res = await post('/documenten/api/v1/enkelvoudiginformatieobjecten', { bronorganisatie: '002220647', creatiedatum: '2026-11-25', titel: 't', auteur: 'a', informatieobjecttype: 'http://x/iot/1' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any)['invalid-params']).toEqual(['taal: required']);
  });

  it('answers 412 without the CRS headers on /zaken and 403 to a token signed with another secret or without user claims', async () => {
    expect((await post('/zaken/api/v1/zaken', zaak, { 'Content-Crs': '' })).status).toBe(412);
    expect((await post('/zaken/api/v1/zaken', zaak, { Authorization: `Bearer ${await token('other')}` })).status).toBe(403);
    expect((await post('/zaken/api/v1/zaken', zaak, { Authorization: `Bearer ${await token(SECRET, { client_id: 'pf' })}` })).status).toBe(403);
  });
});
