import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { COMPLETE, DEPLOY, INBOX, INSTANCE, START } from '../support/operations';

/** A case survives the server: stop it mid-process, start a new one on the same database. */
describe('durable state across server restarts', () => {
  let db: TestDatabase;
  let platform: Platform | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await platform?.close();
    platform = undefined;
  });
  afterAll(async () => {
    await db?.drop();
  });

  const tasksOf = async (client: TestClient, instanceId: string) => {
    const inbox = await client.ok(INBOX, { first: 100 });
    return inbox.tasks.edges.map((e: any) => e.node).filter((t: any) => t.instanceId === instanceId);
  };

  it('keeps a waiting task through a restart, and completing it continues the case', async () => {
    platform = await startTestPlatform(db);
    await (await TestClient.as(platform, 'procesbeheerder.leusden')).ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'demo' });
    const employee = await TestClient.as(platform, 'medewerker.leusden');
    const { startProcess } = await employee.ok(START, { key: 'runtime-demo', variables: { approvalTimeout: 'P7D' } });
    const [intake] = await tasksOf(employee, startProcess.id);
    await employee.ok(COMPLETE, { id: intake.id, values: { amount: 500 } });
    await platform.close();

    platform = await startTestPlatform(db);
    const ciso = await TestClient.as(platform, 'ciso.leusden');
    const [approve] = await tasksOf(ciso, startProcess.id);
    expect(approve).toMatchObject({ elementId: 'Approve', status: 'open' });
    await ciso.ok(COMPLETE, { id: approve.id, values: {} });
    const { processInstance } = await ciso.ok(INSTANCE, { id: startProcess.id });
    expect(processInstance.status).toBe('completed');
  });

  it('fires a timer that fell due while the server was down, once, after the next start', async () => {
    platform = await startTestPlatform(db);
    const employee = await TestClient.as(platform, 'medewerker.leusden');
    const { startProcess } = await employee.ok(START, { key: 'runtime-demo', variables: { approvalTimeout: 'PT2S' } });
    const [intake] = await tasksOf(employee, startProcess.id);
    await employee.ok(COMPLETE, { id: intake.id, values: { amount: 500 } });
    const [timer] = await platform.database.dataSource.query(`SELECT due_at FROM timer_job WHERE instance_id = $1`, [startProcess.id]);
    await platform.close();
    platform = undefined;

    // Wait until the timer is due while no server runs.
    await eventually(async () => Date.now() > new Date(timer.due_at).getTime() + 200, 10000, 50);

    platform = await startTestPlatform(db);
    const fg = await TestClient.as(platform, 'fg');
    const escalation = await eventually(async () => (await tasksOf(fg, startProcess.id)).find((t: any) => t.elementId === 'Escalate'));
    expect(escalation.status).toBe('open');
    const rows = await platform.database.dataSource.query(
      `SELECT (SELECT count(*)::int FROM audit_entry WHERE instance_id = $1 AND action = 'timer.fired') AS fired,
              (SELECT count(*)::int FROM timer_job WHERE instance_id = $1) AS armed,
              (SELECT status FROM user_task WHERE instance_id = $1 AND element_id = 'Approve') AS approve`,
      [startProcess.id],
    );
    expect(rows[0]).toEqual({ fired: 1, armed: 0, approve: 'cancelled' });
  });
});
