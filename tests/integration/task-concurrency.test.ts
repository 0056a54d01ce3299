import type { Platform } from '../../src/platform';
import { createTestDatabase, itOnPostgres, TestDatabase } from '../support/test-database';
import { readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { CLAIM, COMPLETE, DEPLOY, INBOX, START } from '../support/operations';

/**
 * Exactly one of several simultaneous completions succeeds. On PostgreSQL the requests run on
 * separate connections and really race; PGlite would serialise them, so those tests are skipped there.
 */
describe('completing a task at the same moment', () => {
  let db: TestDatabase;
  let platform: Platform;
  let employees: TestClient[];

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db);
    await (await TestClient.as(platform, 'procesbeheerder.nijkerk')).ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'demo' });
    employees = await Promise.all(['medewerker.nijkerk', 'medewerker2.nijkerk', 'medewerker3.nijkerk'].map((u) => TestClient.as(platform, u)));
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  async function newIntakeTask(): Promise<{ instanceId: string; taskId: string }> {
    const { startProcess } = await employees[0].ok(START, { key: 'runtime-demo', variables: { approvalTimeout: 'P3D' } });
    const inbox = await employees[0].ok(INBOX, { filter: { processKey: 'runtime-demo' }, first: 100 });
    const task = inbox.tasks.edges.map((e: any) => e.node).find((t: any) => t.instanceId === startProcess.id);
    return { instanceId: startProcess.id, taskId: task.id };
  }

  const countRows = async (instanceId: string) =>
    (
      await platform.database.dataSource.query(
        `SELECT (SELECT count(*)::int FROM user_task WHERE instance_id = $1 AND element_id = 'Approve') AS approvals,
                (SELECT count(*)::int FROM audit_entry WHERE instance_id = $1 AND action = 'task.completed') AS completions,
                (SELECT revision FROM process_instance WHERE id = $1) AS revision`,
        [instanceId],
      )
    )[0];

  itOnPostgres('lets exactly one of three candidates complete an unassigned task; the others get TASK_ALREADY_COMPLETED', async () => {
    for (let round = 0; round < 5; round++) {
      const { instanceId, taskId } = await newIntakeTask();
      const results = await Promise.all(employees.map((c) => c.gql(COMPLETE, { id: taskId, values: { amount: 500 } })));
      const succeeded = results.filter((r) => !r.errors);
      const refused = results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code);
      expect(succeeded).toHaveLength(1);
      expect(refused).toEqual(['TASK_ALREADY_COMPLETED', 'TASK_ALREADY_COMPLETED']);
      expect(await countRows(instanceId)).toEqual({ approvals: 1, completions: 1, revision: 2 });
    }
  });

  itOnPostgres('lets one user double-submit a completion and records it once', async () => {
    const { instanceId, taskId } = await newIntakeTask();
    await employees[1].ok(CLAIM, { id: taskId });
    const results = await Promise.all([1, 2, 3, 4].map(() => employees[1].gql(COMPLETE, { id: taskId, values: { amount: 500 } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(await countRows(instanceId)).toEqual({ approvals: 1, completions: 1, revision: 2 });
  });

  it('refuses completion by someone who does not hold a claimed task, and twice-completion afterwards', async () => {
    const { instanceId, taskId } = await newIntakeTask();
    await employees[0].ok(CLAIM, { id: taskId });
    const other = await employees[2].gql(COMPLETE, { id: taskId, values: { amount: 500 } });
    expect(other.errors?.[0].extensions?.code).toBe('TASK_HELD_BY_OTHER');
    const stolenClaim = await employees[2].gql(CLAIM, { id: taskId });
    expect(stolenClaim.errors?.[0].extensions?.code).toBe('TASK_HELD_BY_OTHER');
    await employees[0].ok(COMPLETE, { id: taskId, values: { amount: 500 } });
    const again = await employees[0].gql(COMPLETE, { id: taskId, values: { amount: 500 } });
    expect(again.errors?.[0].extensions?.code).toBe('TASK_ALREADY_COMPLETED');
    expect(await countRows(instanceId)).toEqual({ approvals: 1, completions: 1, revision: 2 });
  });
});
