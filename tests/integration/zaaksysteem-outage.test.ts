import type { Platform } from '../../src/platform';
import { anAccessRequest, DsrStaff, REGISTER_REQUEST, staffOf } from '../support/dsr-operations';
import { FakeOpenZaak } from '../support/fake-open-zaak';
import { openTaskIds, perform } from '../support/incident-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { drainOutbox, outboxOf, startWithZaaksysteem, statusesOf, zakenOfCase } from '../support/zaaksysteem';

/**
 * Issue 7, scenario 3: the zaaksysteem is unreachable for a while. Work on the request goes on
 * here (nobody waits for the zaaksysteem); the zaak calls stay in the outbox, in order, and are
 * made once it is back. A call the zaaksysteem refuses needs a person: it is given up at once,
 * holds the case's later zaak calls, and catches up when set back to pending.
 */
describe('the zaaksysteem unreachable for a while', () => {
  let db: TestDatabase;
  let platform: Platform;
  let fake: FakeOpenZaak;
  let staff: DsrStaff;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ platform, fake } = await startWithZaaksysteem(db));
    staff = await staffOf(platform, 'leusden');
  });
  afterAll(async () => {
    fake?.goOnline();
    await platform?.close();
    await fake?.stop();
    await db?.drop();
  });

  const sql = (text: string, params: unknown[] = []) => platform.database.dataSource.query(text, params);
  /** The back-off has passed: moved forward instead of waiting on the clock. */
  const backOffPassed = (caseId: string) => sql(`UPDATE outbox_message SET available_at = now() WHERE instance_id = $1`, [caseId]);
  const registerByPost = async () => (await staff.frontOffice.ok(REGISTER_REQUEST, { request: anAccessRequest() })).registerDataSubjectRequest;

  it('work continues here while every call fails, and the outbox catches up in the diagram\'s order when it is back', async () => {
    fake.goOffline();
    const request = await registerByPost();
    const caseId = request.instanceId;
    await drainOutbox(platform);

    // The privacybeheerder handles the request as usual, an extension included.
    await perform(staff.pb, caseId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'balie' });
    await perform(staff.pb, caseId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, caseId, 'Acknowledge', { verdagen: true });
    await perform(staff.pb, caseId, 'SendExtensionLetter', { verlengingMaanden: 1, verdagingsreden: 'complexity', verdagingsmotivering: 'Gegevens uit drie systemen nodig.' });
    expect(await openTaskIds(staff.manager, caseId)).toEqual(['GatherData']);
    await backOffPassed(caseId);
    await drainOutbox(platform);

    // Nothing reached the zaaksysteem; the first call was tried twice, the others wait behind it untried.
    expect(zakenOfCase(fake, caseId)).toEqual([]);
    const waiting = (await outboxOf(platform, caseId)).filter((m) => m.service.startsWith('zgw.'));
    expect(waiting.map((m) => [m.element, m.status, m.attempts])).toEqual([
      ['ZaakAanmaken', 'pending', 2],
      ['StatusOntvangen', 'pending', 0],
      ['StatusVerdaagd', 'pending', 0],
      ['StatusInBehandeling', 'pending', 0],
    ]);
    expect(waiting[0].last_error).toMatch(/^ZGW_REQUEST_FAILED: GET .*\/zaken\/api\/v1\/zaken\?.*fetch failed/);

    fake.goOnline();
    await backOffPassed(caseId);
    await drainOutbox(platform);
    const [zaak, ...more] = zakenOfCase(fake, caseId);
    expect(more).toEqual([]);
    expect(statusesOf(fake, zaak.url)).toEqual(['Ontvangen', 'Verdaagd', 'In behandeling']);
    expect((await outboxOf(platform, caseId)).every((m) => m.status === 'done')).toBe(true);
  });

  it('an outage longer than the default eight attempts is bridged: zaak calls are retried 24 times before they are given up', async () => {
    const { instanceId: caseId } = await registerByPost();
    await sql(`UPDATE outbox_message SET attempts = 8 WHERE instance_id = $1 AND service = 'zgw.zaak-aanmaken'`, [caseId]);
    fake.goOffline();
    try {
      await drainOutbox(platform);
      const [create] = await outboxOf(platform, caseId);
      expect(create).toMatchObject({ element: 'ZaakAanmaken', status: 'pending', attempts: 9 });
      await sql(`UPDATE outbox_message SET attempts = 23 WHERE instance_id = $1 AND service = 'zgw.zaak-aanmaken'`, [caseId]);
      await backOffPassed(caseId);
      await drainOutbox(platform);
      expect((await outboxOf(platform, caseId))[0]).toMatchObject({ status: 'dead', attempts: 24 });
    } finally {
      fake.goOnline();
    }
  });

  it('a call the zaaksysteem refuses is given up at once and holds the later zaak calls; set back to pending, the case catches up', async () => {
    const { instanceId: caseId } = await registerByPost();
    fake.failNext(1, 400, { method: 'POST', path: '/statussen' });
    await drainOutbox(platform);
    const [zaak] = zakenOfCase(fake, caseId);
    await perform(staff.pb, caseId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'balie' });
    await perform(staff.pb, caseId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, caseId, 'Acknowledge', { verdagen: false });
    await drainOutbox(platform);

    // The zaak exists; setting Ontvangen was refused and is dead after one attempt; In behandeling waits for it.
    const calls = (await outboxOf(platform, caseId)).filter((m) => m.service.startsWith('zgw.'));
    expect(statusesOf(fake, zaak.url)).toEqual([]);
    expect(calls.map((m) => [m.element, m.status, m.attempts])).toEqual([
      ['ZaakAanmaken', 'done', 1],
      ['StatusOntvangen', 'dead', 1],
      ['StatusInBehandeling', 'pending', 0],
    ]);
    expect(calls[1].last_error).toMatch(/^ZGW_REQUEST_FAILED: .*HTTP 400/);

    // The operator has looked into it and sets the call back to pending.
    await sql(`UPDATE outbox_message SET status = 'pending', attempts = 0, available_at = now() WHERE instance_id = $1 AND status = 'dead'`, [caseId]);
    await drainOutbox(platform);
    expect(statusesOf(fake, zaak.url)).toEqual(['Ontvangen', 'In behandeling']);
  });

  it('linking the letter to the besluit is a zaak call like the others: refused it is given up and holds the close, unreachable it is retried, and it links once', async () => {
    const { instanceId: caseId } = await registerByPost();
    await perform(staff.pb, caseId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'balie' });
    await perform(staff.pb, caseId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, caseId, 'Acknowledge', { verdagen: false });
    await perform(staff.manager, caseId, 'GatherData', { gegevensAanwezig: true, gegevensOverzicht: 'BRP: naam en adres' });
    await perform(staff.jurist, caseId, 'PrepareDecision', {
      uitkomst: 'granted',
      motivering: 'U heeft recht op inzage (artikel 15 AVG).',
      verstrekteGegevens: 'Naam en adres uit de BRP.',
      categorieen: 'NAW-gegevens',
      doeleinden: 'Bijhouden van de BRP.',
      ontvangers: 'Afnemers van de BRP.',
      bewaartermijn: 'Zolang u in Leusden staat ingeschreven.',
    });
    await perform(staff.manager, caseId, 'SignDecision', { ondertekend: true });
    fake.failNext(1, 400, { method: 'POST', path: '/besluitinformatieobjecten' });
    await perform(staff.pb, caseId, 'SendDecision', { verzonden: true, verzendwijze: 'digitaal' });
    await drainOutbox(platform);

    const [zaak] = zakenOfCase(fake, caseId);
    const [besluit] = fake.store.besluiten.filter((b) => b.zaak === zaak.url);
    const linksOf = () => fake.store.besluitinformatieobjecten.filter((b) => b.besluit === besluit.url);
    const tail = async () => (await outboxOf(platform, caseId)).slice(-3).map((m) => [m.element, m.status, m.attempts]);
    // The letter and the besluit are there; the link was refused and is dead after one attempt, and the zaak stays open behind it.
    expect(await tail()).toEqual([
      ['RecordBesluit', 'done', 1],
      ['LinkDecisionLetter', 'dead', 1],
      ['CloseZaak', 'pending', 0],
    ]);
    expect(linksOf()).toEqual([]);
    expect(fake.find('zaken', zaak.url)!.einddatum).toBeNull();

    // Set back to pending while the Besluiten API is down: retried with back-off, not given up.
    fake.failNext(1, 503, { method: 'POST', path: '/besluitinformatieobjecten' });
    await sql(`UPDATE outbox_message SET status = 'pending', attempts = 0, available_at = now() WHERE instance_id = $1 AND status = 'dead'`, [caseId]);
    await drainOutbox(platform);
    expect(await tail()).toEqual([
      ['RecordBesluit', 'done', 1],
      ['LinkDecisionLetter', 'pending', 1],
      ['CloseZaak', 'pending', 0],
    ]);
    await backOffPassed(caseId);
    await drainOutbox(platform);
    expect((await tail()).map(([element, status]) => [element, status])).toEqual([
      ['RecordBesluit', 'done'],
      ['LinkDecisionLetter', 'done'],
      ['CloseZaak', 'done'],
    ]);
    const [document] = fake.store.zaakinformatieobjecten.filter((z) => z.zaak === zaak.url).map((z) => z.informatieobject);
    expect(linksOf().map((b) => b.informatieobject)).toEqual([document]);

    // Performed again (a crash before "done" committed): the link is found, not made twice.
    await sql(`UPDATE outbox_message SET status = 'pending', available_at = now() WHERE instance_id = $1 AND payload->>'elementId' = 'LinkDecisionLetter'`, [caseId]);
    await drainOutbox(platform);
    expect((await tail())[1].slice(0, 2)).toEqual(['LinkDecisionLetter', 'done']);
    expect(linksOf()).toHaveLength(1);
  });
});
