import { resolveCatalogue } from '../../src/zaaksysteem/catalogue-resolution';
import { parseZgwSettings } from '../../src/zaaksysteem/zgw-config';
import { ZgwConfigError, ZgwErrorCode } from '../../src/zaaksysteem/zgw-error';
import { FakeOpenZaak } from '../support/fake-open-zaak';

const CATALOGUS = 'http://catalogus.example/catalogi/api/v1/catalogussen/1';

/** Names in the configuration are checked against the municipality's catalogus at start. */
describe('resolving the configuration against Catalogi (fake Open Zaak)', () => {
  let fake: FakeOpenZaak;
  let zaaktypeUrl: string;
  let bezwaarZaaktypeUrl: string;

  beforeAll(async () => {
    fake = await new FakeOpenZaak({ clientId: 'pf', secret: 'catalogue-secret' }).start();
    zaaktypeUrl = fake.seedRequestCatalogue(CATALOGUS).zaaktype.url;
    bezwaarZaaktypeUrl = fake.seedBezwaarCatalogue(CATALOGUS).zaaktype.url;
  });
  afterAll(() => fake.stop());

  const settings = (process: Record<string, unknown>) =>
    parseZgwSettings(
      { municipalities: { leusden: { rsin: '002220647', apis: fake.base, catalogus: CATALOGUS, clientId: 'pf', secretEnv: 'S', notificationAuthEnv: 'A', processes: { 'data-subject-request': process } } } },
      { S: 'catalogue-secret', A: 'Bearer a' },
    );

  it('picks the zaaktype version valid today and the URLs of its statustypen, eindstatus and besluittype', async () => {
    const [m] = await resolveCatalogue(settings({
      zaaktype: 'AVG-VERZOEK',
      statustypen: { StatusOntvangen: 'Ontvangen' },
      resultaattypen: { toegewezen: 'Toegewezen' },
      informatieobjecttypen: { AttachDecisionLetter: 'Besluit' },
      besluittype: 'Besluit op verzoek AVG',
    }), { contract: fake.contract });
    const p = m.processes['data-subject-request'];
    expect(p.zaaktype.url).toBe(zaaktypeUrl);
    expect(fake.store.statustypen.find((s) => s.url === p.eindstatustype)?.omschrijving).toBe('Afgehandeld');
    expect(p.besluittype?.reactietermijn).toBe('P6W');
    expect(Object.keys(p.informatieobjecttypen)).toEqual(['AttachDecisionLetter']);
    // The document types a besluit of this type may be laid down in: the decision letter's.
    expect(p.besluittype?.informatieobjecttypen).toEqual([p.informatieobjecttypen.AttachDecisionLetter]);
  });

  it('names every unknown catalogue item with its path in the file', async () => {
    const err = await resolveCatalogue(settings({
      zaaktype: 'AVG-VERZOEK',
      statustypen: { StatusOntvangen: 'Ontvangen', StatusOpgeschort: 'Opgeschort' },
      resultaattypen: { afgewezen: 'Niet ontvankelijk' },
    }), { contract: fake.contract }).catch((e) => e);
    expect(err).toBeInstanceOf(ZgwConfigError);
    expect((err as ZgwConfigError).problems).toEqual([
      expect.objectContaining({ code: ZgwErrorCode.CATALOGUE_ITEM_UNKNOWN, path: 'municipalities.leusden.processes.data-subject-request.statustypen.StatusOpgeschort' }),
      expect.objectContaining({ code: ZgwErrorCode.CATALOGUE_ITEM_UNKNOWN, path: 'municipalities.leusden.processes.data-subject-request.resultaattypen.afgewezen' }),
    ]);
  });

  it('resolves the bezwaar zaaktype beside the process\'s own: its version valid today, its eindstatus, a resultaattype per decision on objection', async () => {
    const [m] = await resolveCatalogue(settings({
      zaaktype: 'AVG-VERZOEK',
      statustypen: {},
      resultaattypen: {},
      bezwaar: { zaaktype: 'BEZWAAR', resultaattypen: { gegrond: 'Gegrond', ongegrond: 'Ongegrond' } },
    }), { contract: fake.contract });
    const { bezwaar, zaaktype } = m.processes['data-subject-request'];
    expect(zaaktype.url).toBe(zaaktypeUrl);
    expect(bezwaar?.zaaktype.url).toBe(bezwaarZaaktypeUrl);
    expect(fake.find('statustypen', bezwaar!.eindstatustype)).toMatchObject({ omschrijving: 'Afgehandeld', zaaktype: bezwaarZaaktypeUrl });
    expect(Object.values(bezwaar!.resultaattypen).map((url) => fake.find('resultaattypen', url)?.zaaktype)).toEqual([bezwaarZaaktypeUrl, bezwaarZaaktypeUrl]);
  });

  it('names an unknown bezwaar zaaktype, and a resultaattype the bezwaar zaaktype does not have, with their paths', async () => {
    const at = 'municipalities.leusden.processes.data-subject-request.bezwaar';
    const unknownType = await resolveCatalogue(settings({ zaaktype: 'AVG-VERZOEK', statustypen: {}, resultaattypen: {}, bezwaar: { zaaktype: 'BEZWAAR-OUD', resultaattypen: {} } }), { contract: fake.contract }).catch((e) => e);
    expect((unknownType as ZgwConfigError).problems).toEqual([expect.objectContaining({ code: ZgwErrorCode.CATALOGUE_ITEM_UNKNOWN, path: `${at}.zaaktype` })]);
    // "Toegewezen" is a resultaattype of the request zaaktype, not of the bezwaar zaaktype.
    const wrongResultaat = await resolveCatalogue(settings({ zaaktype: 'AVG-VERZOEK', statustypen: {}, resultaattypen: {}, bezwaar: { zaaktype: 'BEZWAAR', resultaattypen: { gegrond: 'Toegewezen' } } }), { contract: fake.contract }).catch((e) => e);
    expect((wrongResultaat as ZgwConfigError).problems).toEqual([expect.objectContaining({ code: ZgwErrorCode.CATALOGUE_ITEM_UNKNOWN, path: `${at}.resultaattypen.gegrond` })]);
  });

  it('refuses a zaaktype identificatie with no version valid today', async () => {
    const err = await resolveCatalogue(settings({ zaaktype: 'BESTAAT-NIET', statustypen: {}, resultaattypen: {} }), { contract: fake.contract }).catch((e) => e);
    expect((err as ZgwConfigError).problems).toEqual([expect.objectContaining({ path: 'municipalities.leusden.processes.data-subject-request.zaaktype' })]);
  });

  it('refuses to start with a wrong secret: the catalogue answers 403', async () => {
    const wrong = parseZgwSettings(
      { municipalities: { leusden: { rsin: '002220647', apis: fake.base, catalogus: CATALOGUS, clientId: 'pf', secretEnv: 'S', notificationAuthEnv: 'A', processes: { x: { zaaktype: 'AVG-VERZOEK', statustypen: {}, resultaattypen: {} } } } } },
      { S: 'wrong', A: 'Bearer a' },
    );
    const err = await resolveCatalogue(wrong, { contract: fake.contract }).catch((e) => e);
    expect((err as ZgwConfigError).problems).toEqual([expect.objectContaining({ code: ZgwErrorCode.REQUEST_FAILED, message: expect.stringContaining('HTTP 403') })]);
  });
});
