import path from 'node:path';
import type { Platform } from '../../src/platform';
import { aBreachReport, hoursAgo, perform, REPORT_INCIDENT } from '../support/incident-operations';
import { MARK_NOTIFICATION_READ, MY_NOTIFICATIONS } from '../support/notification-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, startTestPlatform, TestClient } from '../support/test-platform';

/**
 * The signed-in person's notifications: the PB of Nijkerk is reminded 24 hours into a breach's
 * 72-hour clock, reads the reminder, and nobody else — another PB, another municipality's — can
 * see or touch it. Without SMTP_URL notifications stay in the application.
 */
describe('my notifications', () => {
  let db: TestDatabase;
  let platform: Platform;
  let pb: TestClient;
  let reference: string;
  let instanceId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    pb = await TestClient.as(platform, 'privacybeheerder.nijkerk');
    const employee = await TestClient.as(platform, 'medewerker.nijkerk');
    const ciso = await TestClient.as(platform, 'ciso.nijkerk');
    const { reportIncident: incident } = await employee.ok(REPORT_INCIDENT, { report: aBreachReport(40) });
    ({ reference, instanceId } = incident);
    // Aware 30 hours ago: the 24-hour reminder is due, the 48-hour one is not.
    await perform(ciso, incident.instanceId, 'AssessReport', { incidentConfirmed: true, impact: 'midden', personalData: true, awarenessAt: hoursAgo(30) });
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  const mine = async (client: TestClient, unreadOnly = false) =>
    (await client.ok(MY_NOTIFICATIONS, { unreadOnly })).myNotifications.filter((n: any) => n.caseReference === reference);

  it('shows the reminder to the PB of the municipality, addressed to them, and lets them mark it read once', async () => {
    const [reminder] = await eventually(async () => {
      const found = await mine(pb);
      return found.length ? found : undefined;
    });
    expect(reminder).toMatchObject({ kind: 'reminder', instanceId, addressedToRole: null, readAt: null });
    expect(reminder.title).toContain('24 uur');
    expect(await mine(pb, true)).toHaveLength(1);

    const { markNotificationRead: read } = await pb.ok(MARK_NOTIFICATION_READ, { id: reminder.id });
    expect(read.readAt).not.toBeNull();
    expect(await mine(pb, true)).toHaveLength(0);
    expect((await mine(pb)).map((n: any) => n.readAt)).toEqual([read.readAt]);
    // Read again: nothing changes, not even the moment.
    expect((await pb.ok(MARK_NOTIFICATION_READ, { id: reminder.id })).markNotificationRead.readAt).toBe(read.readAt);
    const audit = await platform.database.dataSource.query(`SELECT actor FROM audit_entry WHERE action = 'notification.read' AND instance_id = $1`, [instanceId]);
    expect(audit).toEqual([{ actor: 'privacybeheerder.nijkerk' }]);
  });

  it("refuses someone else's or another municipality's notification like a missing one", async () => {
    const [reminder] = await mine(pb);
    for (const username of ['privacybeheerder.putten', 'medewerker.nijkerk', 'ciso.nijkerk']) {
      const other = await TestClient.as(platform, username);
      expect(await mine(other)).toEqual([]);
      const refused = await other.gql(MARK_NOTIFICATION_READ, { id: reminder.id });
      expect(refused.errors?.[0].extensions?.code).toBe('NOTIFICATION_NOT_FOUND');
    }
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect((await pb.gql(MARK_NOTIFICATION_READ, { id })).errors?.[0].extensions?.code).toBe('NOTIFICATION_NOT_FOUND');
    }
    expect((await pb.gql(MY_NOTIFICATIONS, { first: 0 })).errors?.[0].extensions?.code).toBe('NOTIFICATION_PAGE_SIZE_INVALID');
  });

  it('sends no e-mail when SMTP_URL is not set', async () => {
    const mails = await platform.database.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE service = 'notification-mail'`);
    const notifications = await platform.database.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE instance_id = $1`, [instanceId]);
    expect(notifications[0].n).toBe(3);
    expect(mails[0].n).toBe(0);
  });
});
