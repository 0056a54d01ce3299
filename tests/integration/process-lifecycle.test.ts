import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { CLAIM, COMPLETE, CORRELATE, DEPLOY, INBOX, INSTANCE, START, TASK } from '../support/operations';

/**
 * Deploy → start → claim → complete through GraphQL over HTTP, on a diagram with a gateway,
 * a boundary timer, a service task (via the outbox) and a message catch event.
 */
describe('a process runs from deployment to its end through the API', () => {
  let db: TestDatabase;
  let platform: Platform;
  let deployer: TestClient;
  let employee: TestClient;
  let ciso: TestClient;
  let fg: TestClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db);
    deployer = await TestClient.as(platform, 'procesbeheerder.bunschoten');
    employee = await TestClient.as(platform, 'medewerker.bunschoten');
    ciso = await TestClient.as(platform, 'ciso.bunschoten');
    fg = await TestClient.as(platform, 'fg');
    const deployed = await deployer.ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'runtime-demo' });
    expect(deployed.deployProcess).toMatchObject({ created: true, definition: { key: 'runtime-demo', version: 1 } });
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  async function openTaskOf(client: TestClient, instanceId: string, elementId: string) {
    const inbox = await client.ok(INBOX, { filter: { processKey: 'runtime-demo' }, first: 100 });
    return inbox.tasks.edges.map((e: any) => e.node).find((t: any) => t.instanceId === instanceId && t.elementId === elementId);
  }

  it('routes a large case to the CISO, who approves it, and the case ends', async () => {
    const { startProcess } = await employee.ok(START, { key: 'runtime-demo', businessKey: 'ZAAK-1', variables: { approvalTimeout: 'P3D' } });
    expect(startProcess).toMatchObject({ status: 'running', activeElementIds: ['Intake'], tenantId: 'bunschoten' });

    const intake = await openTaskOf(employee, startProcess.id, 'Intake');
    const detail = await employee.ok(TASK, { id: intake.id });
    expect(detail.task.form.map((f: any) => [f.id, f.type, f.required])).toEqual([
      ['amount', 'long', true],
      ['summary', 'string', false],
    ]);
    await employee.ok(CLAIM, { id: intake.id });
    const done = await employee.ok(COMPLETE, { id: intake.id, values: { amount: 250, summary: 'lijst met adressen verstuurd' } });
    expect(done.completeTask).toMatchObject({ status: 'completed', completedBy: 'medewerker.bunschoten' });

    const approve = await eventually(() => openTaskOf(ciso, startProcess.id, 'Approve'));
    expect(await openTaskOf(employee, startProcess.id, 'Approve')).toBeUndefined();
    await ciso.ok(COMPLETE, { id: approve.id, values: {} });

    const { processInstance } = await ciso.ok(INSTANCE, { id: startProcess.id });
    expect(processInstance.status).toBe('completed');
    expect(processInstance.variables).toMatchObject({ amount: 250 });
    const left = processInstance.history.filter((h: any) => h.kind === 'left').map((h: any) => h.elementId);
    expect(left).toEqual(expect.arrayContaining(['Start', 'Intake', 'Size', 'Approve', 'End']));
    expect(left).not.toContain('Notify');
    expect(processInstance.history.find((h: any) => h.elementId === 'Approve' && h.kind === 'left').actor).toBe('ciso.bunschoten');
    expect(processInstance.bpmnXml).toContain('runtime-demo');
  });

  it('routes a small case through the notify service and waits for the message', async () => {
    const { startProcess } = await employee.ok(START, { key: 'runtime-demo', businessKey: 'ZAAK-2', variables: { approvalTimeout: 'P3D' } });
    const intake = await openTaskOf(employee, startProcess.id, 'Intake');
    await employee.ok(COMPLETE, { id: intake.id, values: { amount: 3 } });

    const waiting = await employee.ok(INSTANCE, { id: startProcess.id });
    expect(waiting.processInstance.activeElementIds).toEqual(['WaitReply']);
    const outbox = await eventually(async () => {
      const rows = await platform.database.dataSource.query(`SELECT status, service FROM outbox_message WHERE instance_id = $1`, [startProcess.id]);
      return rows.length === 1 && rows[0].status === 'done' ? rows : undefined;
    });
    expect(outbox).toEqual([{ status: 'done', service: 'notify' }]);

    const unknown = await employee.gql(CORRELATE, { name: 'antwoordOntvangen', businessKey: 'ZAAK-404' });
    expect(unknown.errors?.[0].extensions?.code).toBe('MESSAGE_NOT_CORRELATED');
    const correlated = await employee.ok(CORRELATE, { name: 'antwoordOntvangen', businessKey: 'ZAAK-2', variables: { reply: 'akkoord' } });
    expect(correlated.correlateMessage.status).toBe('completed');
    const ended = await employee.ok(INSTANCE, { id: startProcess.id });
    expect(ended.processInstance.variables).toMatchObject({ amount: 3, reply: 'akkoord' });
  });

  it('escalates to the FG when the approval timer expires and cancels the approval task', async () => {
    const { startProcess } = await employee.ok(START, { key: 'runtime-demo', businessKey: 'ZAAK-3', variables: { approvalTimeout: 'PT1S' } });
    const intake = await openTaskOf(employee, startProcess.id, 'Intake');
    await employee.ok(COMPLETE, { id: intake.id, values: { amount: 1000 } });
    const approve = await openTaskOf(ciso, startProcess.id, 'Approve');
    expect(approve).toBeDefined();

    const escalation = await eventually(() => openTaskOf(fg, startProcess.id, 'Escalate'));
    expect(escalation.name).toBe('Escalatie behandelen');
    const late = await ciso.gql(COMPLETE, { id: approve.id, values: {} });
    expect(late.errors?.[0].extensions?.code).toBe('TASK_ALREADY_COMPLETED');
    const fired = await platform.database.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE instance_id = $1 AND action = 'timer.fired'`,
      [startProcess.id],
    );
    expect(fired[0].n).toBe(1);
  });
});
