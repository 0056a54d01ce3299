import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { ASSIGN, CLAIM, COMPLETE, DEPLOY, INBOX, START, TASK, UNCLAIM } from '../support/operations';

describe('the inbox: a person sees and works the tasks of their role', () => {
  let db: TestDatabase;
  let platform: Platform;
  let employee: TestClient;
  let colleague: TestClient;
  let otherTown: TestClient;
  let ciso: TestClient;
  const instanceIds: string[] = [];

  const tableSnapshot = async () =>
    platform.database.dataSource.query(
      `SELECT (SELECT count(*)::int FROM user_task WHERE status = 'open') AS open,
              (SELECT coalesce(sum(revision), 0)::int FROM process_instance) AS revisions,
              (SELECT count(*)::int FROM audit_entry) AS audit`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db);
    await (await TestClient.as(platform, 'procesbeheerder.putten')).ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'demo' });
    employee = await TestClient.as(platform, 'medewerker.putten');
    colleague = await TestClient.as(platform, 'medewerker2.putten');
    otherTown = await TestClient.as(platform, 'medewerker.bunschoten');
    ciso = await TestClient.as(platform, 'ciso.putten');
    for (let i = 0; i < 7; i++) {
      const { startProcess } = await employee.ok(START, { key: 'runtime-demo', businessKey: `PUT-${i}`, variables: { approvalTimeout: 'P3D' } });
      instanceIds.push(startProcess.id);
    }
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('pages through my role\'s open tasks with a cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await employee.ok(INBOX, { first: 3, after });
      expect(page.tasks.totalCount).toBe(7);
      seen.push(...page.tasks.edges.map((e: any) => e.node.id));
      if (!page.tasks.pageInfo.hasNextPage) break;
      after = page.tasks.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('shows nothing of this municipality to another municipality or another role', async () => {
    expect((await otherTown.ok(INBOX, {})).tasks.totalCount).toBe(0);
    expect((await ciso.ok(INBOX, {})).tasks.totalCount).toBe(0);
    const first = (await employee.ok(INBOX, { first: 1 })).tasks.edges[0].node;
    const peek = await otherTown.gql(TASK, { id: first.id });
    expect(peek.data?.task).toBeNull();
    const claim = await otherTown.gql(CLAIM, { id: first.id });
    expect(claim.errors?.[0].extensions?.code).toBe('TASK_NOT_FOUND');
    const missing = await otherTown.gql(CLAIM, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors?.[0]).toMatchObject({ message: expect.stringContaining('not found'), extensions: { code: 'TASK_NOT_FOUND' } });
  });

  it('filters by assigned-to-me, unassigned, search and due date', async () => {
    const [a, b] = (await employee.ok(INBOX, { first: 2 })).tasks.edges.map((e: any) => e.node);
    await employee.ok(CLAIM, { id: a.id });
    await employee.ok(ASSIGN, { id: b.id, userId: 'medewerker.putten' });
    expect((await employee.ok(INBOX, { filter: { scope: 'assignedToMe' } })).tasks.totalCount).toBe(2);
    expect((await colleague.ok(INBOX, { filter: { scope: 'assignedToMe' } })).tasks.totalCount).toBe(0);
    expect((await colleague.ok(INBOX, { filter: { scope: 'unassigned' } })).tasks.totalCount).toBe(5);
    expect((await employee.ok(INBOX, { filter: { search: 'PUT-3' } })).tasks.totalCount).toBe(1);
    expect((await employee.ok(INBOX, { filter: { search: 'vastleggen' } })).tasks.totalCount).toBe(7);
    expect((await employee.ok(INBOX, { filter: { processKey: 'other' } })).tasks.totalCount).toBe(0);
    expect((await employee.ok(INBOX, { filter: { overdue: true } })).tasks.totalCount).toBe(0);
    await employee.ok(UNCLAIM, { id: a.id });
    await employee.ok(UNCLAIM, { id: b.id });
    const assignOther = await colleague.gql(ASSIGN, { id: a.id, userId: 'medewerker3.putten' });
    expect(assignOther.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses invalid form values, naming every invalid field, and changes nothing', async () => {
    const task = (await employee.ok(INBOX, { first: 1 })).tasks.edges[0].node;
    const before = await tableSnapshot();
    const result = await employee.gql(COMPLETE, { id: task.id, values: { amount: 'veel', summary: 'x'.repeat(201), extra: 1 } });
    expect(result.errors?.[0].extensions?.code).toBe('FORM_INVALID');
    const fields = (result.errors?.[0].extensions?.fieldErrors as any[]).map((e) => e.field).sort();
    expect(fields).toEqual(['amount', 'extra', 'summary']);
    const missing = await employee.gql(COMPLETE, { id: task.id, values: {} });
    expect((missing.errors?.[0].extensions?.fieldErrors as any[]).map((e) => [e.field, e.code])).toEqual([['amount', 'REQUIRED']]);
    expect(await tableSnapshot()).toEqual(before);
  });

  it('refuses start variables that would overwrite platform variables', async () => {
    const result = await employee.gql(START, { key: 'runtime-demo', variables: { initiator: 'someone-else', content: 1 } });
    expect(result.errors?.[0].extensions?.code).toBe('INVALID_VARIABLES');
    const unknown = await employee.gql(START, { key: 'does-not-exist' });
    expect(unknown.errors?.[0].extensions?.code).toBe('PROCESS_NOT_FOUND');
  });
});
