import { z } from 'zod';
import { ZgwError, ZgwErrorCode } from '../../../src/zaaksysteem/zgw-error';
import { ZgwHttpClient } from '../../../src/zaaksysteem/zgw-http';
import { problemsOf, url, ZgwResponses } from '../../../src/zaaksysteem/zgw-responses';

const BASE = 'https://open-zaak.leusden.example';
const municipality = {
  tenantId: 'leusden',
  rsin: '002220647',
  apis: { zaken: `${BASE}/zaken/api/v1`, catalogi: `${BASE}/catalogi/api/v1`, documenten: `${BASE}/documenten/api/v1`, besluiten: `${BASE}/besluiten/api/v1` },
  catalogus: `${BASE}/catalogi/api/v1/catalogussen/1`,
  clientId: 'privacyflow',
  secret: 'unit-secret',
  notificationAuth: 'x',
  processes: {},
};

/** A client without the test contract, as in production: only the shapes guard what it accepts. */
function clientAnswering(...bodies: unknown[]) {
  const calls: string[] = [];
  const fetchImpl = (async (input: string | URL) => {
    calls.push(String(input));
    return new Response(JSON.stringify(bodies.shift()), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return { client: new ZgwHttpClient(municipality, { userId: 'u', representation: 'U' }, { fetchImpl }), calls };
}

const zaak = (over: Record<string, unknown> = {}) => ({ url: `${BASE}/zaken/api/v1/zaken/1`, uuid: '1', einddatum: null, kenmerken: [{ kenmerk: 'case-1', bron: 'privacyflow' }], ...over });

describe('shapes: what the platform reads must be there and of its type', () => {
  const shape = z.looseObject({ url, volgnummer: z.number().int(), toelichting: z.string().nullish(), kenmerken: z.array(z.looseObject({ bron: z.string() })).nullish() });

  it('accepts a body with the fields read and any others, and an optional field absent or null', () => {
    expect(problemsOf(shape, { url: 'https://x/1', volgnummer: 2, extra: { anything: true } })).toEqual([]);
    expect(problemsOf(shape, { url: 'https://x/1', volgnummer: 2, toelichting: null, kenmerken: [] })).toEqual([]);
  });

  it('names every missing or mistyped field with its path', () => {
    expect(problemsOf(shape, { volgnummer: '2', toelichting: 7, kenmerken: [{ bron: 1 }] })).toEqual([
      'url: required',
      'volgnummer: expected number, received string',
      'toelichting: expected string, received number',
      'kenmerken[0].bron: expected string, received number',
    ]);
    expect(problemsOf(shape, { url: '/zaken/1', volgnummer: 1.5 })).toEqual(['url: expected an http(s) URL', 'volgnummer: expected int, received number']);
    expect(problemsOf(shape, [])).toEqual(['(body): expected object, received array']);
  });
});

describe('the ZGW client outside the tests checks each response against the shape of its call', () => {
  it('returns a response that has what the caller reads', async () => {
    const { client } = clientAnswering({ ...zaak(), omschrijving: 'extra fields pass' });
    await expect(client.get(`${BASE}/zaken/api/v1/zaken/1`, ZgwResponses.zaak)).resolves.toMatchObject({ url: zaak().url });
  });

  it('refuses a created resource without its url: ZGW_RESPONSE_INVALID, not retried, the problem named', async () => {
    const { client } = clientAnswering({ uuid: 'x', titel: 'Besluit' });
    const err = await client.post(`${BASE}/documenten/api/v1/enkelvoudiginformatieobjecten`, { titel: 'Besluit' }, ZgwResponses.enkelvoudiginformatieobject).catch((e) => e);
    expect(err).toBeInstanceOf(ZgwError);
    expect(err).toMatchObject({ code: ZgwErrorCode.RESPONSE_INVALID, retryable: false, details: { problems: ['url: required'] } });
  });

  it('refuses a list page whose item lacks a field, on any page it follows', async () => {
    const page2 = `${BASE}/catalogi/api/v1/statustypen?page=2`;
    const { client, calls } = clientAnswering(
      { count: 2, next: page2, results: [{ url: `${BASE}/st/1`, omschrijving: 'Ontvangen', volgnummer: 1 }] },
      { count: 2, next: null, results: [{ url: `${BASE}/st/2`, omschrijving: 'Afgehandeld' }] },
    );
    const err = await client.all(`${BASE}/catalogi/api/v1/statustypen`, ZgwResponses.statustype, { zaaktype: `${BASE}/zt/1` }).catch((e) => e);
    expect(calls).toHaveLength(2);
    expect(err).toMatchObject({ code: ZgwErrorCode.RESPONSE_INVALID, retryable: false, details: { problems: ['results[0].volgnummer: required'] } });
  });

  it('refuses a list that is no page, and an unpaginated list that is no array', async () => {
    const paged = clientAnswering([zaak()]);
    await expect(paged.client.all(`${BASE}/zaken/api/v1/zaken`, ZgwResponses.zaak)).rejects.toMatchObject({ code: ZgwErrorCode.RESPONSE_INVALID, details: { problems: ['(body): expected object, received array'] } });
    const flat = clientAnswering({ results: [] });
    await expect(flat.client.get(`${BASE}/besluiten/api/v1/besluitinformatieobjecten`, ZgwResponses.besluitinformatieobjecten)).rejects.toMatchObject({
      code: ZgwErrorCode.RESPONSE_INVALID,
      details: { problems: ['(body): expected array, received object'] },
    });
  });

  it('refuses a zaak from the zaaksysteem whose initiator has a mistyped house number before it becomes a request', async () => {
    const { client } = clientAnswering({ count: 1, next: null, results: [{ omschrijvingGeneriek: 'initiator', betrokkeneType: 'natuurlijk_persoon', betrokkeneIdentificatie: { verblijfsadres: { aoaHuisnummer: '1a' } } }] });
    await expect(client.all(`${BASE}/zaken/api/v1/rollen`, ZgwResponses.rol)).rejects.toMatchObject({
      code: ZgwErrorCode.RESPONSE_INVALID,
      details: { problems: ['results[0].betrokkeneIdentificatie.verblijfsadres.aoaHuisnummer: expected number, received string'] },
    });
  });
});
