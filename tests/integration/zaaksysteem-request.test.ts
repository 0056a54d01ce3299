import { createHash } from 'node:crypto';
import type { Platform } from '../../src/platform';
import { DateTime } from 'luxon';
import { anAccessGrant, DSR_FIELDS, DsrStaff, REGISTER_OBJECTION, REQUEST, staffOf } from '../support/dsr-operations';
import { FakeOpenZaak } from '../support/fake-open-zaak';
import { openTask, openTaskIds, perform } from '../support/incident-operations';
import { createTestDatabase, itOnPostgres, TestDatabase } from '../support/test-database';
import { deliverNotification, drainOutbox, newZaakNotification, outboxOf, startWithZaaksysteem, statusesOf } from '../support/zaaksysteem';

const REQUESTS_FROM_ZAAKSYSTEEM = `query { dataSubjectRequests(first: 200) { nodes { ${DSR_FIELDS} } } }`;

/**
 * Issue 7, scenario 1 (BLNP Bijlage 5 "Registratie in zaaksysteem"): an inhabitant of Leusden asks
 * through the DigiD e-form which personal data the municipality processes. Open Formulieren
 * registers it as a zaak of the request zaaktype; Open Notificaties tells the platform, which
 * registers the request and runs the procedure. The zaak follows: statuses at the milestones, the
 * decision letter as a document, the besluit with the objection term, the resultaat, closed.
 */
describe('a DigiD request registered in the zaaksysteem is handled here and mirrored there', () => {
  let db: TestDatabase;
  let platform: Platform;
  let fake: FakeOpenZaak;
  let staff: DsrStaff;
  let requestZaaktype: Record<string, any>;
  let bezwaarZaaktype: Record<string, any>;
  let soortVerzoek: Record<string, any>;
  let zaak: Record<string, any>;
  let request: any;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ platform, fake, requestZaaktype, soortVerzoek, bezwaarZaaktype } = await startWithZaaksysteem(db));
    staff = await staffOf(platform, 'leusden');
  });
  afterAll(async () => {
    await platform?.close();
    await fake?.stop();
    await db?.drop();
  });

  const requestsFromZaaksysteem = async () =>
    ((await staff.pb.ok(REQUESTS_FROM_ZAAKSYSTEEM)).dataSubjectRequests.nodes as any[]).filter((r) => r.channel === 'zaaksysteem');
  const linkedCases = (zaakUrl: string) => platform.database.dataSource.query(`SELECT instance_id FROM zaak_link WHERE zaak_url = $1`, [zaakUrl]);

  it('the notification of the new zaak registers the request here, and delivered again it registers nothing more', async () => {
    zaak = fake.registerEformZaak({ zaaktype: requestZaaktype, soortVerzoek, right: 'inzage', bsn: '111222333' });
    const message = newZaakNotification(zaak);
    expect((await deliverNotification(platform, message)).status).toBe(204);
    // Open Notificaties delivers at least once: the same message again.
    expect((await deliverNotification(platform, message)).status).toBe(204);

    const registered = await requestsFromZaaksysteem();
    expect(registered).toHaveLength(1);
    [request] = registered;
    expect(request).toMatchObject({
      status: 'open',
      right: 'access',
      channel: 'zaaksysteem',
      registeredBy: 'system:zaaksysteem',
      requester: { name: 'Jan de Vries', bsn: '111222333', postalAddress: 'Dorpsstraat 1, 3831AA Leusden', email: 'jan.devries@example.nl' },
      verbatimText: 'Ik wil inzage in de persoonsgegevens die de gemeente van mij verwerkt.',
      departments: [{ name: 'Burgerzaken', candidateGroup: 'afdelingsmanager' }],
    });
    expect(request.reference).toMatch(/^AVG-\d{4}-\d{5}$/);
    expect(await linkedCases(zaak.url)).toEqual([{ instance_id: request.instanceId }]);
    expect(await openTaskIds(staff.pb, request.instanceId)).toEqual(['CheckRequest']);
  });

  itOnPostgres('the same notification delivered three times at once registers one request', async () => {
    const other = fake.registerEformZaak({ zaaktype: requestZaaktype, soortVerzoek, right: 'inzage', bsn: '111222333' });
    const message = newZaakNotification(other);
    const answers = await Promise.all([1, 2, 3].map(() => deliverNotification(platform, message)));
    expect(answers.map((a) => a.status)).toEqual([204, 204, 204]);
    expect(await linkedCases(other.url)).toHaveLength(1);
  });

  it('registration and the start of the handling are statuses on the zaak; the zaak is linked, not created again', async () => {
    const zakenBefore = fake.store.zaken.length;
    const caseId = request.instanceId;
    await perform(staff.pb, caseId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'digid' });
    await perform(staff.pb, caseId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, caseId, 'Acknowledge', { verdagen: false });
    await drainOutbox(platform);

    expect(fake.store.zaken).toHaveLength(zakenBefore);
    expect(statusesOf(fake, zaak.url)).toEqual(['Ontvangen', 'In behandeling']);
    // Every call was made for the municipality's application, as the integration that started the case.
    const calls = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/statussen') && r.body.zaak === zaak.url);
    expect(calls.map((c) => [c.claims.client_id, c.claims.user_id])).toEqual([
      ['privacyflow-leusden', 'system:zaaksysteem'],
      ['privacyflow-leusden', 'system:zaaksysteem'],
    ]);
  });

  it('the decision sent: the letter as a document, the besluit with the objection term and the letter as its document, the resultaat, and the zaak is closed', async () => {
    const caseId = request.instanceId;
    await perform(staff.manager, caseId, 'GatherData', { gegevensAanwezig: true, gegevensOverzicht: 'BRP: naam, adres, geboortedatum' });
    // The privacybeheerder drafts, so the jurist, who takes no part in the decision, can handle an objection.
    await perform(staff.pb, caseId, 'PrepareDecision', anAccessGrant({ bewaartermijn: 'Zolang u in Leusden staat ingeschreven.' }));
    await perform(staff.manager, caseId, 'SignDecision', { ondertekend: true });
    await perform(staff.pb, caseId, 'SendDecision', { verzonden: true, verzendwijze: 'digitaal' });
    await drainOutbox(platform);

    const { dataSubjectRequest: sent } = await staff.pb.ok(REQUEST, { id: request.id });
    expect(sent).toMatchObject({ status: 'decided', outcome: 'granted', sentOnTime: true });
    const sentOn = sent.sentAt.slice(0, 10);

    // The decision letter, as the platform rendered it, linked to the zaak with the document type Besluit.
    const [zio, ...moreDocuments] = fake.store.zaakinformatieobjecten.filter((z) => z.zaak === zaak.url);
    expect(moreDocuments).toEqual([]);
    const document = fake.find('enkelvoudiginformatieobjecten', zio.informatieobject)!;
    expect(document).toMatchObject({
      titel: `Besluit op verzoek ${request.reference}`,
      formaat: 'application/pdf',
      informatieobjecttype: fake.store.informatieobjecttypen.find((t) => t.omschrijving === 'Besluit')!.url,
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
      taal: 'nld',
    });
    // The letter exactly as sent: the stored PDF, byte for byte.
    const letter: Buffer = fake.find('enkelvoudiginformatieobjecten', document.url)!.content;
    expect(letter.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(letter).digest('hex')).toBe(sent.letters.find((l: any) => l.kind === 'decision').pdfSha256);

    // The besluit: decided when signed, sent today, objection possible until the term the platform computed.
    const [besluit, ...moreBesluiten] = fake.store.besluiten.filter((b) => b.zaak === zaak.url);
    expect(moreBesluiten).toEqual([]);
    expect(besluit).toMatchObject({
      besluittype: fake.store.besluittypen.find((b) => b.omschrijving === 'Besluit op verzoek AVG')!.url,
      verantwoordelijkeOrganisatie: '002220647',
      verzenddatum: sentOn,
      ingangsdatum: sentOn,
      uiterlijkeReactiedatum: sent.objectionDeadline,
    });
    expect(besluit.datum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(fake.store.zaakbesluiten.map((b) => b.besluit)).toContain(besluit.url);

    // The besluit is laid down in that very document (the stored PDF above): one besluitinformatieobject in the
    // Besluiten API, which mirrored it into the Documenten API; the platform never wrote the mirror itself.
    const links = fake.store.besluitinformatieobjecten.filter((b) => b.besluit === besluit.url);
    expect(links.map((b) => b.informatieobject)).toEqual([document.url]);
    expect(fake.store.objectinformatieobjecten.filter((o) => o.informatieobject === document.url).map((o) => [o.objectType, o.object]).sort()).toEqual([
      ['besluit', besluit.url],
      ['zaak', zaak.url],
    ]);
    expect(fake.requests.some((r) => r.path.endsWith('/objectinformatieobjecten'))).toBe(false);
    // In the order the APIs need: the document exists and the besluit exists before the link is made.
    const posted = (suffix: string) => fake.requests.findIndex((r) => r.method === 'POST' && r.path.endsWith(suffix));
    expect(posted('/enkelvoudiginformatieobjecten')).toBeLessThan(posted('/besluiten'));
    expect(posted('/besluiten')).toBeLessThan(posted('/besluitinformatieobjecten'));

    // Resultaat from the decision's outcome, then the eindstatus: the zaak is closed.
    const [resultaat] = fake.store.resultaten.filter((r) => r.zaak === zaak.url);
    expect(fake.find('resultaattypen', resultaat.resultaattype)?.omschrijving).toBe('Toegewezen');
    expect(statusesOf(fake, zaak.url)).toEqual(['Ontvangen', 'In behandeling', 'Afgehandeld']);
    expect(fake.find('zaken', zaak.url)!.einddatum).toBe(sentOn);

    // Every step was performed (none skipped, none failed); the case itself waits for a possible objection.
    const calls = (await outboxOf(platform, caseId)).filter((m) => m.service.startsWith('zgw.'));
    expect(calls.map((m) => [m.element, m.status, m.skip_reason])).toEqual([
      ['ZaakAanmaken', 'done', null],
      ['StatusOntvangen', 'done', null],
      ['StatusInBehandeling', 'done', null],
      ['AttachDecisionLetter', 'done', null],
      ['RecordBesluit', 'done', null],
      ['LinkDecisionLetter', 'done', null],
      ['CloseZaak', 'done', null],
    ]);
    expect(await openTaskIds(staff.pb, caseId)).toEqual([]);
    // Only the Besluiten API went unchecked: it has no official specification in /work/shared/zgw.
    expect(fake.contract.unvalidated.every((call) => call.includes('/besluiten/api/v1/'))).toBe(true);
  });

  it('an objection is a bezwaar zaak of its own about the request\'s zaak, made once despite an outage, a crash and redelivery; the decision on it closes that zaak', async () => {
    const caseId = request.instanceId;
    const bezwaarZaken = () => fake.store.zaken.filter((z) => z.zaaktype === bezwaarZaaktype.url);
    const objectionLink = async () => (await platform.database.dataSource.query(`SELECT zaak_url FROM zaak_link WHERE instance_id = $1 AND kind = 'objection'`, [caseId])).map((l: any) => l.zaak_url);
    const retryNow = () => platform.database.dataSource.query(`UPDATE outbox_message SET available_at = now() - interval '1 second' WHERE instance_id = $1 AND status = 'pending'`, [caseId]);
    const requestZaakBefore = structuredClone(fake.find('zaken', zaak.url));
    const statussenOfRequestZaak = statusesOf(fake, zaak.url);
    expect(bezwaarZaken()).toEqual([]);

    // The requester objects; the zaaksysteem is down at the first attempt, so the call is retried, not lost.
    fake.failNext(1, 503, { method: 'POST', path: '/zaken' });
    const { registerObjection } = await staff.jurist.ok(REGISTER_OBJECTION, { requestId: request.id, objection: { receivedAt: new Date().toISOString() } });
    await drainOutbox(platform);
    expect(bezwaarZaken()).toEqual([]);
    expect((await outboxOf(platform, caseId)).find((m) => m.element === 'BezwaarZaakAanmaken')).toMatchObject({ status: 'pending', attempts: 1 });
    await retryNow();
    await drainOutbox(platform);

    // One zaak of the bezwaar zaaktype, about the request's zaak, received today, due when the decision on objection is due.
    expect(bezwaarZaken()).toHaveLength(1);
    const [bezwaarZaak] = bezwaarZaken();
    expect(bezwaarZaak).toMatchObject({
      bronorganisatie: '002220647',
      startdatum: DateTime.now().setZone('Europe/Amsterdam').toISODate(),
      uiterlijkeEinddatumAfdoening: registerObjection.objection.decisionDueOn,
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
      relevanteAndereZaken: [{ url: zaak.url, aardRelatie: 'vervolg' }],
      kenmerken: [{ kenmerk: caseId, bron: 'privacyflow' }],
    });
    expect(await objectionLink()).toEqual([bezwaarZaak.url]);

    // A crash after the zaak was made but before our link committed: the retry finds it by kenmerk and zaaktype.
    await platform.database.dataSource.query(`DELETE FROM zaak_link WHERE instance_id = $1 AND kind = 'objection'`, [caseId]);
    await platform.database.dataSource.query(`UPDATE outbox_message SET status = 'pending', available_at = now() - interval '1 second' WHERE instance_id = $1 AND payload->>'elementId' = 'BezwaarZaakAanmaken'`, [caseId]);
    await drainOutbox(platform);
    expect(bezwaarZaken()).toHaveLength(1);
    expect(await objectionLink()).toEqual([bezwaarZaak.url]);

    // Open Notificaties announces the new zaak, twice: it is ours, so it starts no case and makes no zaak.
    const announced = newZaakNotification(bezwaarZaak);
    expect((await deliverNotification(platform, announced)).status).toBe(204);
    expect((await deliverNotification(platform, announced)).status).toBe(204);
    expect(await linkedCases(bezwaarZaak.url)).toEqual([{ instance_id: caseId }]);
    // The same objection registered again is refused and sends nothing.
    const again = await staff.jurist.gql(REGISTER_OBJECTION, { requestId: request.id, objection: { receivedAt: new Date().toISOString() } });
    expect(again.errors?.[0].extensions?.code).toBe('DSR_OBJECTION_ALREADY_RECEIVED');
    await drainOutbox(platform);
    expect(bezwaarZaken()).toHaveLength(1);

    // The jurist decides: partly well-founded. The bezwaar zaak gets that resultaat and its eindstatus.
    await openTask(staff.jurist, caseId, 'HandleObjection');
    await perform(staff.jurist, caseId, 'HandleObjection', { beslissingOpBezwaar: 'deels_gegrond', bezwaarMotivering: 'Het overzicht miste de gegevens uit de parkeeradministratie.' });
    await drainOutbox(platform);
    const resultaten = fake.store.resultaten.filter((r) => r.zaak === bezwaarZaak.url);
    expect(resultaten.map((r) => fake.find('resultaattypen', r.resultaattype)?.omschrijving)).toEqual(['Deels gegrond']);
    expect(fake.find('resultaattypen', resultaten[0].resultaattype)?.zaaktype).toBe(bezwaarZaaktype.url);
    expect(statusesOf(fake, bezwaarZaak.url)).toEqual(['Afgehandeld']);
    expect(fake.find('zaken', bezwaarZaak.url)!.einddatum).toBe(DateTime.now().setZone('Europe/Amsterdam').toISODate());

    // The request's own zaak, closed with the decision, was not touched by any of this.
    expect(fake.find('zaken', zaak.url)).toEqual(requestZaakBefore);
    expect(statusesOf(fake, zaak.url)).toEqual(statussenOfRequestZaak);
    expect(fake.store.resultaten.filter((r) => r.zaak === zaak.url)).toHaveLength(1);

    const calls = (await outboxOf(platform, caseId)).filter((m) => m.service.startsWith('zgw.bezwaarzaak'));
    expect(calls.map((m) => [m.element, m.status, m.skip_reason])).toEqual([
      ['BezwaarZaakAanmaken', 'done', null],
      ['BezwaarZaakAfsluiten', 'done', null],
    ]);
    expect(await openTaskIds(staff.jurist, caseId)).toEqual([]);
  });

  it('a zaak whose data cannot make a request (no kind of request) is refused with its reason and starts nothing', async () => {
    const unclear = fake.registerEformZaak({ zaaktype: requestZaaktype, bsn: '111222333' });
    expect((await deliverNotification(platform, newZaakNotification(unclear))).status).toBe(204);
    expect(await linkedCases(unclear.url)).toEqual([]);
    const [{ outcome }] = await platform.database.dataSource.query(`SELECT outcome FROM zgw_notification ORDER BY received_at DESC LIMIT 1`);
    expect(outcome).toBe('refused');
  });
});
