import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { COMPLETE, DEPLOY, INBOX, INSTANCE, START, TASK } from '../support/operations';

/**
 * A data-subject request asks several departments in parallel, one task each (a parallel
 * multi-instance user task over a collection); the case waits for every answer, also across a restart.
 */
describe('asking several departments in parallel', () => {
  let db: TestDatabase;
  let platform: Platform | undefined;

  const departments = [
    { naam: 'Burgerzaken', rol: 'medewerker' },
    { naam: 'Informatievoorziening', rol: 'ciso' },
    { naam: 'Sociaal domein', rol: 'medewerker' },
  ];

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

  const tasksOf = async (client: TestClient, instanceId: string) =>
    (await client.ok(INBOX, { first: 100 })).tasks.edges.map((e: any) => e.node).filter((t: any) => t.instanceId === instanceId);

  const rowsOf = async (instanceId: string) =>
    platform!.database.dataSource.query(
      `SELECT element_id, execution_id, status, candidate_groups, local_variables FROM user_task WHERE instance_id = $1 ORDER BY execution_id`,
      [instanceId],
    );

  it('gives each department its own task, completable on its own, and continues when all have answered', async () => {
    platform = await startTestPlatform(db);
    await (await TestClient.as(platform, 'procesbeheerder.putten')).ok(DEPLOY, { xml: readFixture('department-inquiry.bpmn'), name: 'afdelingen' });
    const employee = await TestClient.as(platform, 'medewerker.putten');
    const { startProcess } = await employee.ok(START, { key: 'department-inquiry', businessKey: 'AVG-12', variables: { afdelingen: departments } });

    const rows = await rowsOf(startProcess.id);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r: any) => r.execution_id)).size).toBe(3);
    expect(rows.map((r: any) => [r.status, r.candidate_groups, r.local_variables])).toEqual(
      departments.map((afdeling, loopCounter) => ['open', [afdeling.rol], { afdeling, loopCounter }]),
    );

    // Each department's task goes to its own role, and shows which department it is for.
    // In department order (the inbox orders equal due dates by creation, then by id).
    const loopCounterOf = async (t: any) => (await employee.ok(TASK, { id: t.id })).task.caseData.loopCounter;
    const unordered = await tasksOf(employee, startProcess.id);
    const counters: number[] = await Promise.all(unordered.map(loopCounterOf));
    const employeeTasks = unordered.map((t: any, i: number) => ({ t, c: counters[i] })).sort((a: any, b: any) => a.c - b.c).map((x: any) => x.t);
    const ciso = await TestClient.as(platform, 'ciso.putten');
    const [cisoTask] = await tasksOf(ciso, startProcess.id);
    expect(employeeTasks).toHaveLength(2);
    const { task } = await ciso.ok(TASK, { id: cisoTask.id });
    expect(task.caseData).toMatchObject({ afdeling: departments[1], loopCounter: 1, afdelingen: departments });
    expect(task.form.map((f: any) => f.id)).toEqual(['gevonden', 'toelichting']);

    // One answer does not complete the others, and the case still waits.
    await ciso.ok(COMPLETE, { id: cisoTask.id, values: { gevonden: true, toelichting: 'Twee logbestanden' } });
    expect((await rowsOf(startProcess.id)).map((r: any) => r.status)).toEqual(['open', 'completed', 'open']);
    expect((await employee.ok(INSTANCE, { id: startProcess.id })).processInstance.activeElementIds).toEqual(['AskDepartment']);
    const again = await ciso.gql(COMPLETE, { id: cisoTask.id, values: { gevonden: true } });
    expect(again.errors?.[0].extensions?.code).toBe('TASK_ALREADY_COMPLETED');

    await employee.ok(COMPLETE, { id: employeeTasks[0].id, values: { gevonden: false } });
    expect((await employee.ok(INSTANCE, { id: startProcess.id })).processInstance.activeElementIds).toEqual(['AskDepartment']);
    await employee.ok(COMPLETE, { id: employeeTasks[1].id, values: { gevonden: false, toelichting: 'Niets' } });

    const pb = await TestClient.as(platform, 'privacybeheerder.putten');
    const [bundle] = await tasksOf(pb, startProcess.id);
    expect(bundle).toMatchObject({ elementId: 'Bundle', status: 'open' });
    const { processInstance } = await pb.ok(INSTANCE, { id: startProcess.id });
    expect(processInstance.activeElementIds).toEqual(['Bundle']);
    // Every answer is kept, with the department it came from (parallel answers do not overwrite each other).
    expect(processInstance.variables.AskDepartmentResults).toEqual([
      { afdeling: departments[1], loopCounter: 1, gevonden: true, toelichting: 'Twee logbestanden' },
      { afdeling: departments[0], loopCounter: 0, gevonden: false },
      { afdeling: departments[2], loopCounter: 2, gevonden: false, toelichting: 'Niets' },
    ]);
    expect(processInstance.variables).not.toHaveProperty('gevonden');
  });

  it('keeps the open department tasks through a restart, and the last answer continues the case', async () => {
    platform = await startTestPlatform(db);
    const employee = await TestClient.as(platform, 'medewerker.putten');
    const { startProcess } = await employee.ok(START, { key: 'department-inquiry', variables: { afdelingen: departments } });
    const [first, second] = await tasksOf(employee, startProcess.id);
    await employee.ok(COMPLETE, { id: first.id, values: { gevonden: true } });
    await platform.close();

    platform = await startTestPlatform(db);
    const restarted = await TestClient.as(platform, 'medewerker.putten');
    expect((await tasksOf(restarted, startProcess.id)).map((t: any) => t.id)).toEqual([second.id]);
    await restarted.ok(COMPLETE, { id: second.id, values: { gevonden: false } });
    const ciso = await TestClient.as(platform, 'ciso.putten');
    const [last] = await tasksOf(ciso, startProcess.id);
    await ciso.ok(COMPLETE, { id: last.id, values: { gevonden: false } });

    const { processInstance } = await restarted.ok(INSTANCE, { id: startProcess.id });
    expect(processInstance.activeElementIds).toEqual(['Bundle']);
    expect(processInstance.variables.AskDepartmentResults).toHaveLength(3);
    expect((await rowsOf(startProcess.id)).map((r: any) => r.status).sort()).toEqual(['completed', 'completed', 'completed', 'open']);
  });

  it('asks one department after the other when the loop is sequential', async () => {
    platform = await startTestPlatform(db);
    const xml = readFixture('department-inquiry.bpmn')
      .replace('id="department-inquiry"', 'id="department-inquiry-sequential"')
      .replace('bpmnElement="department-inquiry"', 'bpmnElement="department-inquiry-sequential"')
      .replace('camunda:elementVariable="afdeling" />', 'camunda:elementVariable="afdeling" isSequential="true" />');
    await (await TestClient.as(platform, 'procesbeheerder.putten')).ok(DEPLOY, { xml, name: 'na elkaar' });
    const pb = await TestClient.as(platform, 'privacybeheerder.putten');
    const everyone = departments.map((d) => ({ ...d, rol: 'privacybeheerder' }));
    const { startProcess } = await pb.ok(START, { key: 'department-inquiry-sequential', variables: { afdelingen: everyone } });
    for (const [index, afdeling] of everyone.entries()) {
      const open = await tasksOf(pb, startProcess.id);
      expect(open).toHaveLength(1);
      expect((await pb.ok(TASK, { id: open[0].id })).task.caseData).toMatchObject({ afdeling, loopCounter: index });
      await pb.ok(COMPLETE, { id: open[0].id, values: { gevonden: index === 1 } });
    }
    const { processInstance } = await pb.ok(INSTANCE, { id: startProcess.id });
    expect(processInstance.activeElementIds).toEqual(['Bundle']);
    expect(processInstance.variables.AskDepartmentResults.map((r: any) => [r.afdeling.naam, r.gevonden])).toEqual([
      ['Burgerzaken', false],
      ['Informatievoorziening', true],
      ['Sociaal domein', false],
    ]);
  });

  it('skips the task when the collection is empty', async () => {
    platform = await startTestPlatform(db);
    const employee = await TestClient.as(platform, 'medewerker.putten');
    const { startProcess } = await employee.ok(START, { key: 'department-inquiry', variables: { afdelingen: [] } });
    expect(startProcess.activeElementIds).toEqual(['Bundle']);
  });
});
