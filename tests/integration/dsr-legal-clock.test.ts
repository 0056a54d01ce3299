import path from 'node:path';
import type { Platform } from '../../src/platform';
import { attempt, perform } from '../support/incident-operations';
import { DsrStaff, FIGURES, letterOf, registerRequest, REQUEST, REQUESTS, staffOf } from '../support/dsr-operations';
import { MY_NOTIFICATIONS } from '../support/notification-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, startTestPlatform } from '../support/test-platform';

/**
 * Art. 12(3) AVG with the Algemene termijnenwet: one month from receipt, to the next working day when
 * it ends on a weekend or holiday; extension only by a motivated letter sent within the first month.
 * The requests were received in the past, so the reminder and escalation timers are due, not waited for.
 */
describe('the legal clock of a request', () => {
  let db: TestDatabase;
  let platform: Platform;
  let staff: DsrStaff;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    staff = await staffOf(platform, 'leusden');
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  const register = (overrides: Record<string, unknown>) => registerRequest(staff.pb, overrides);

  const notified = (instanceId: string) =>
    platform.database.dataSource
      .query(`SELECT payload->>'elementId' AS element FROM outbox_message WHERE instance_id = $1 AND service = 'notify' AND status = 'done' ORDER BY 1`, [instanceId])
      .then((rows: any[]) => rows.map((r) => r.element));

  it('moves a deadline that falls on Koningsdag to the next day, and escalates to the PB when it has passed', async () => {
    const request = await register({ receivedAt: '2026-03-27T10:00:00+01:00' });
    expect(request.legalDeadline.deadline).toMatchObject({ nominalDate: '2026-04-27', date: '2026-04-28', dueAt: '2026-04-28T23:59:59.999+02:00' });
    expect(request.legalDeadline.deadline.passedOver).toEqual(['2026-04-27 Koningsdag']);
    // Long past: both reminders and the escalation fired, each once.
    expect(await eventually(async () => {
      const done = await notified(request.instanceId);
      return done.length === 4 ? done : undefined;
    })).toEqual(['CopyToPb', 'EscalationNotify', 'Reminder1Notify', 'Reminder2Notify']);
    // The PB sees each once in the application, with the legal deadline as the moment due.
    const { myNotifications } = await staff.pb.ok(MY_NOTIFICATIONS, { first: 100 });
    const ofRequest = myNotifications.filter((n: any) => n.caseReference === request.reference);
    expect(ofRequest.map((n: any) => n.kind).sort()).toEqual(['escalation', 'information', 'reminder', 'reminder']);
    for (const n of ofRequest) expect(new Date(n.dueAt).getTime()).toBe(new Date(request.legalDeadline.deadline.dueAt).getTime());
    expect(ofRequest.find((n: any) => n.kind === 'escalation').title).toBe('Escalatie: de beslistermijn van het verzoek is verstreken');
    const { dataSubjectRequests } = await staff.pb.ok(REQUESTS, { filter: { overdue: true } });
    expect(dataSubjectRequests.nodes.map((n: any) => n.reference)).toContain(request.reference);
  });

  it('moves a deadline that falls on a Sunday to the Monday', async () => {
    const request = await register({ receivedAt: '2026-02-01T09:00:00+01:00' });
    expect(request.legalDeadline.deadline).toMatchObject({ nominalDate: '2026-03-01', date: '2026-03-02' });
  });

  it('ends a request received on 31 January on the last day of February, or the next working day', async () => {
    const request = await register({ receivedAt: '2026-01-31T12:00:00+01:00' });
    // 28 February 2026 is a Saturday.
    expect(request.legalDeadline.deadline).toMatchObject({ nominalDate: '2026-02-28', date: '2026-03-02' });
    const leap = await register({ receivedAt: '2024-01-31T12:00:00+01:00' });
    expect(leap.legalDeadline.deadline).toMatchObject({ nominalDate: '2024-02-29', date: '2024-02-29' });
  });

  it('extends the term by a motivated letter sent in the first month; the extended deadline is met', async () => {
    const request = await register({ receivedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() });
    const firstDeadline = request.legalDeadline.deadline.date;
    await perform(staff.pb, request.instanceId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'digid' });
    await perform(staff.pb, request.instanceId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, request.instanceId, 'Acknowledge', { verdagen: true });
    const noMotivation = await attempt(staff.pb, request.instanceId, 'SendExtensionLetter', { verlengingMaanden: 2, verdagingsreden: 'complexity', verdagingsmotivering: '' });
    expect(noMotivation?.code).toBe('FORM_INVALID');
    await perform(staff.pb, request.instanceId, 'SendExtensionLetter', {
      verlengingMaanden: 2,
      verdagingsreden: 'complexity',
      verdagingsmotivering: 'Uw verzoek betreft gegevens bij zes afdelingen en uit archieven vanaf 2010.',
    });
    const { dataSubjectRequest: extended } = await staff.pb.ok(REQUEST, { id: request.id });
    expect(extended.extension).toMatchObject({ months: 2, reasons: ['complexity'] });
    expect(extended.legalDeadline.firstMonth.date).toBe(firstDeadline);
    expect(extended.legalDeadline.deadline.date > firstDeadline).toBe(true);
    expect(extended.legalDeadline.daysLeft).toBeGreaterThan(60);
    const letter = letterOf(extended, 'extension');
    expect(letter).toContain('vanwege de complexiteit van uw verzoek');
    expect(letter).toContain('met 2 maanden');
    expect(letter).toContain('zes afdelingen');

    await perform(staff.manager, request.instanceId, 'GatherData', { gegevensAanwezig: false });
    await perform(staff.jurist, request.instanceId, 'PrepareDecision', {
      uitkomst: 'granted',
      motivering: 'U heeft recht op inzage.',
      verstrekteGegevens: 'Geen gegevens in de bevraagde verwerkingen.',
      categorieen: 'Geen',
      doeleinden: 'Niet van toepassing',
      ontvangers: 'Geen',
      bewaartermijn: 'Niet van toepassing',
    });
    await perform(staff.manager, request.instanceId, 'SignDecision', { ondertekend: true });
    await perform(staff.pb, request.instanceId, 'SendDecision', { verzonden: true, verzendwijze: 'digitaal' });
    const { dataSubjectRequest: decided } = await staff.pb.ok(REQUEST, { id: request.id });
    expect(decided).toMatchObject({ status: 'decided', sentOnTime: true });

    // The FG's annual figures count it as extended and decided on time.
    const year = new Date(request.receivedAt).getUTCFullYear();
    const { dataSubjectRequestFigures: figures } = await staff.pb.ok(FIGURES, { year });
    expect(figures).toMatchObject({ decided: 1, decidedOnTime: 1, extended: 1 });
    expect(figures.medianHandlingDays).toBeGreaterThanOrEqual(9);
    expect(figures.perRight).toEqual([{ right: 'access', count: figures.received }]);
  });

  it('refuses an extension once the first month has passed, and changes nothing', async () => {
    const request = await register({ receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() });
    await perform(staff.pb, request.instanceId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'digid' });
    await perform(staff.pb, request.instanceId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, request.instanceId, 'Acknowledge', { verdagen: true });
    const refused = await attempt(staff.pb, request.instanceId, 'SendExtensionLetter', {
      verlengingMaanden: 1,
      verdagingsreden: 'number_of_requests',
      verdagingsmotivering: 'Wij ontvingen deze maand veertig verzoeken.',
    });
    expect(refused?.code).toBe('DSR_EXTENSION_AFTER_FIRST_MONTH');
    const { dataSubjectRequest: unchanged } = await staff.pb.ok(REQUEST, { id: request.id });
    expect(unchanged.extension).toBeNull();
    expect(unchanged.letters.map((l: any) => l.kind)).toEqual(['acknowledgement']);
    expect(unchanged.legalDeadline.daysLeft).toBeLessThan(0);
  });
});
