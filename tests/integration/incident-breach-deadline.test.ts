import path from 'node:path';
import type { Platform } from '../../src/platform';
import { CapturingSmtpServer, startCapturingSmtpServer } from '../support/capturing-smtp-server';
import { MY_NOTIFICATIONS } from '../support/notification-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, startTestPlatform, TestClient } from '../support/test-platform';
import {
  AP_FORM_BSN_LIST,
  aBreachReport,
  attempt,
  FG_ADVICE_BSN_LIST,
  hoursAgo,
  INCIDENT,
  openTaskIds,
  perform,
  REPORT_INCIDENT,
  UPDATE_AP_NOTIFICATION,
} from '../support/incident-operations';

/**
 * Scenario (d), BLNP Bijlage 3 steps 15–16 and art. 33(1) AVG: the 72 hours from awareness
 * run out before the gemeentesecretaris decides. The FG, PB and GS are reminded at 24 and 48
 * hours and the case escalates at 72; the notification is still filed, with the reason for
 * the delay. Time is not waited for: the breaches became known hours ago, so the timers are due.
 * Each reminder and the escalation reach the FG, PB and GS once, in the application and by e-mail.
 */
describe('scenario (d): the 72 hours pass without a decision', () => {
  let db: TestDatabase;
  let platform: Platform;
  let employee: TestClient;
  let ciso: TestClient;
  let fg: TestClient;
  let gs: TestClient;
  let pb: TestClient;
  let smtp: CapturingSmtpServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startCapturingSmtpServer();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn'), smtpUrl: smtp.url, mailFrom: 'privacyflow@nijkerk.example' });
    employee = await TestClient.as(platform, 'medewerker.nijkerk');
    ciso = await TestClient.as(platform, 'ciso.nijkerk');
    fg = await TestClient.as(platform, 'fg');
    gs = await TestClient.as(platform, 'gemeentesecretaris.nijkerk');
    pb = await TestClient.as(platform, 'privacybeheerder.nijkerk');
  });

  afterAll(async () => {
    await platform?.close();
    await smtp?.close();
    await db?.drop();
  });

  /** What each of the FG, PB and GS sees of a case in myNotifications: kind and hour mark, sorted. */
  const notifiedOf = async (reference: string) => {
    const seen: Record<string, string[]> = {};
    for (const [who, client] of Object.entries({ fg, pb, gs })) {
      const { myNotifications } = await client.ok(MY_NOTIFICATIONS, { first: 100 });
      seen[who] = myNotifications
        .filter((n: any) => n.caseReference === reference)
        .map((n: any) => `${n.kind}${/(\d+) uur van de/.exec(n.title)?.[1] ?? ''}`)
        .sort();
    }
    return seen;
  };

  const calls = (instanceId: string) =>
    platform.database.dataSource.query(
      `SELECT payload->>'elementId' AS element, status FROM outbox_message WHERE instance_id = $1 AND service = 'notify' ORDER BY payload->>'elementId'`,
      [instanceId],
    );

  it('reminds the FG, PB and GS at 24 and 48 hours after awareness and escalates at 72', async () => {
    // Became aware 50 hours ago: both reminders are due, the escalation is still 22 hours away.
    const { reportIncident: incident } = await employee.ok(REPORT_INCIDENT, { report: aBreachReport(60) });
    expect(incident.proposedImpact).toBe('midden');
    const awareAt = hoursAgo(50);
    await perform(ciso, incident.instanceId, 'AssessReport', { incidentConfirmed: true, impact: 'midden', personalData: true, awarenessAt: awareAt });

    const { incident: assessed } = await ciso.ok(INCIDENT, { id: incident.id });
    const breach = assessed.breach;
    expect(breach.awarenessSetBy).toBe('ciso.nijkerk');
    expect(new Date(breach.deadlineAt).getTime() - new Date(breach.awareAt).getTime()).toBe(72 * 3600_000);
    expect(breach.reminderAt.map((r: string) => (new Date(r).getTime() - new Date(breach.awareAt).getTime()) / 3600_000)).toEqual([24, 48]);
    expect(breach.overdue).toBe(false);

    const sent = await eventually(async () => {
      const rows = await calls(incident.instanceId);
      return rows.length === 2 && rows.every((r: any) => r.status === 'done') ? rows : undefined;
    });
    expect(sent.map((r: any) => r.element)).toEqual(['RemindAfter24', 'RemindAfter48']);
    const reminded = { fg: ['reminder24', 'reminder48'], pb: ['reminder24', 'reminder48'], gs: ['reminder24', 'reminder48'] };
    expect(await notifiedOf(incident.reference)).toEqual(reminded);
    // The outbox performs a call at least once: performing the 24-hour reminder again notifies nobody twice.
    await platform.database.dataSource.query(
      `UPDATE outbox_message SET status = 'pending', available_at = now() WHERE instance_id = $1 AND service = 'notify' AND payload->>'elementId' = 'RemindAfter24'`,
      [incident.instanceId],
    );
    await eventually(async () => (await calls(incident.instanceId)).every((r: any) => r.status === 'done'));
    expect(await notifiedOf(incident.reference)).toEqual(reminded);
    const armed = await platform.database.dataSource.query(`SELECT element_id, due_at FROM timer_job WHERE instance_id = $1`, [incident.instanceId]);
    expect(armed.map((t: any) => t.element_id)).toEqual(['Deadline72']);
    expect(Math.abs(new Date(armed[0].due_at).getTime() - new Date(breach.deadlineAt).getTime())).toBeLessThan(1000);
    // The procedure goes on meanwhile: the FG is to advise, the CISO coordinates (midden).
    expect(await openTaskIds(fg, incident.instanceId)).toEqual(['FgAdvice']);
    expect(await openTaskIds(ciso, incident.instanceId)).toEqual(['CoordinateMedium']);
  });

  it('after 72 hours: escalated, overdue, and the late notification needs a reason', async () => {
    // Discovered 80 hours ago; awareness defaults to the discovery time.
    const { reportIncident: incident } = await employee.ok(REPORT_INCIDENT, { report: aBreachReport(80) });
    await perform(ciso, incident.instanceId, 'AssessReport', { incidentConfirmed: true, impact: 'midden', personalData: true });
    const sent = await eventually(async () => {
      const rows = await calls(incident.instanceId);
      return rows.length === 3 && rows.every((r: any) => r.status === 'done') ? rows : undefined;
    });
    expect(sent.map((r: any) => r.element)).toEqual(['EscalateDeadline', 'RemindAfter24', 'RemindAfter48']);
    const all = ['escalation', 'reminder24', 'reminder48'];
    expect(await notifiedOf(incident.reference)).toEqual({ fg: all, pb: all, gs: all });

    // The escalation by e-mail, to each of the three: the case reference, the deadline and a link, nothing of the breach itself.
    const escalationMails = await eventually(async () => {
      const mails = smtp.received.filter((m) => m.raw.includes(`Subject: Escalatie: zaak ${incident.reference}`));
      return mails.length === 3 ? mails : undefined;
    });
    expect(escalationMails.flatMap((m) => m.to).sort()).toEqual(
      ['fg@demo.privacyflow.nl', 'gemeentesecretaris.nijkerk@demo.privacyflow.nl', 'privacybeheerder.nijkerk@demo.privacyflow.nl'],
    );
    const mail = escalationMails[0];
    expect(mail.from).toBe('privacyflow@nijkerk.example');
    expect(mail.decoded).toContain('de 72-uurstermijn voor het melden van het datalek is verstreken');
    expect(mail.decoded).toContain(`${platform.url}/zaken/${incident.reference}`);
    expect(mail.decoded).toMatch(/Uiterste moment: \d{1,2} \p{L}+ \d{4} om \d{2}:\d{2}/u);
    for (const personal of ['Excel-lijst', 'BSN', 'inwoners', 'autoaanvulling', 'Sociaal Domein']) expect(mail.decoded).not.toContain(personal);

    let { incident: file } = await ciso.ok(INCIDENT, { id: incident.id });
    expect(file.breach.awareAt).toBe(file.discoveredAt);
    expect(file.breach.overdue).toBe(true);

    await perform(fg, incident.instanceId, 'FgAdvice', FG_ADVICE_BSN_LIST);
    await perform(gs, incident.instanceId, 'GsDecision', { notifyAp: true, informSubjects: true, decisionMotivation: 'Conform advies FG.' });
    ({ incident: file } = await pb.ok(INCIDENT, { id: incident.id }));
    expect(file.breach.apNotification.status).toBe('concept');
    await pb.ok(UPDATE_AP_NOTIFICATION, { incidentId: incident.id, form: AP_FORM_BSN_LIST });

    const refused = await attempt(pb, incident.instanceId, 'FileApNotification', { apNotificationNumber: 'AP-2026-0815' });
    expect(refused).toMatchObject({ code: 'LATE_REASON_REQUIRED' });
    ({ incident: file } = await pb.ok(INCIDENT, { id: incident.id }));
    expect(file.breach.apNotification).toMatchObject({ status: 'concept', apNumber: null });
    expect(await openTaskIds(pb, incident.instanceId)).toEqual(['FileApNotification']);

    const reason = 'De omvang was pas na navraag bij de ontvanger bekend; het besluit viel na het weekend.';
    await perform(pb, incident.instanceId, 'FileApNotification', { apNotificationNumber: 'AP-2026-0815', lateReason: reason });
    ({ incident: file } = await pb.ok(INCIDENT, { id: incident.id }));
    const notification = file.breach.apNotification;
    expect(notification).toMatchObject({ status: 'provisional', apNumber: 'AP-2026-0815', lateReason: reason, submittedBy: 'privacybeheerder.nijkerk' });
    expect(file.breach.overdue).toBe(false);
    expect(notification.markdown).toContain(`| Reden voor melding na 72 uur | ${reason} |`);
    expect(notification.events.map((e: any) => e.kind)).toEqual(['drafted', 'edited', 'submitted']);
  });
});
