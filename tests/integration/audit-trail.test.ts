import request from 'supertest';
import { Client } from 'pg';
import { verifyAllChains } from '../../src/audit/chain-verifier';
import type { Platform } from '../../src/platform';
import { createTestDatabase, itOnPostgres, TestDatabase } from '../support/test-database';
import { eventually, readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { CLAIM, COMPLETE, DEPLOY, INBOX, START } from '../support/operations';

const AUDIT_LOG = `query AuditLog($filter: AuditLogFilterInput, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    tenantId pageInfo { hasNextPage endCursor }
    edges { node { id seq at actor actorRoles roleUsed action instanceId taskId details clientAddress requestId prevHash hash } } } }`;

describe('the audit trail records who did what to which case, in which role, from where', () => {
  let db: TestDatabase;
  let platform: Platform;
  let employee: TestClient;
  const tokens: Record<string, string> = {};

  const entries = async (where = 'true', params: unknown[] = []) =>
    platform.database.dataSource.query(`SELECT * FROM audit_entry WHERE ${where} ORDER BY tenant_id, seq`, params);
  const gqlWithRequestId = async (username: string, requestId: string, query: string, variables: Record<string, unknown>) => {
    tokens[username] ??= await platform.devIdentity!.issueForUser(username);
    const res = await request(platform.url)
      .post('/graphql')
      .set('Authorization', `Bearer ${tokens[username]}`)
      .set('X-Request-Id', requestId)
      .send({ query, variables });
    return res;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db);
    await (await TestClient.as(platform, 'procesbeheerder.putten')).ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'demo' });
    employee = await TestClient.as(platform, 'medewerker.putten');
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('records a completion with actor, tenant, role used, case, time, client address and request id', async () => {
    const { startProcess } = await employee.ok(START, { key: 'runtime-demo', businessKey: 'AUD-1', variables: { approvalTimeout: 'P3D' } });
    const [task] = (await employee.ok(INBOX, { filter: { search: 'AUD-1' } })).tasks.edges.map((e: any) => e.node);
    const res = await gqlWithRequestId('medewerker.putten', 'req-complete-0001', COMPLETE, { id: task.id, values: { amount: 3, summary: 'x' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.headers['x-request-id']).toBe('req-complete-0001');

    const [entry] = await entries(`action = 'task.completed' AND task_id = $1`, [task.id]);
    expect(entry).toMatchObject({
      tenant_id: 'putten',
      actor: 'medewerker.putten',
      role_used: 'medewerker',
      instance_id: startProcess.id,
      request_id: 'req-complete-0001',
      details: { elementId: 'Intake', fields: ['amount', 'summary'] },
    });
    expect(entry.actor_roles).toContain('medewerker');
    expect(entry.client_address).toMatch(/127\.0\.0\.1/);
    expect(entry.at).toBeInstanceOf(Date);
    // Field names only: the values never reach the audit trail.
    expect(JSON.stringify(entry)).not.toContain('"x"');
  });

  it('gives every request its own id when the caller sends none or an unusable one', async () => {
    const res = await request(platform.url).get('/healthz').set('X-Request-Id', 'bad id with spaces');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('chains every tenant\'s entries: each holds the previous entry\'s hash, numbered without gaps', async () => {
    const rows = await entries(`tenant_id = 'putten'`);
    expect(rows.length).toBeGreaterThan(1);
    rows.forEach((row: any, i: number) => {
      expect(Number(row.seq)).toBe(i + 1);
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1].hash);
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    });
    const reports = await verifyAllChains((sql, params) => platform.database.dataSource.query(sql, params));
    expect(reports.map((r) => r.tenantId).sort()).toEqual(['*', 'putten']);
    expect(reports.every((r) => r.ok)).toBe(true);
  });

  it('records a read of a case\'s personal data once per request, and not for a task read without case data', async () => {
    const { startProcess } = await employee.ok(START, { key: 'runtime-demo', businessKey: 'AUD-READ', variables: { approvalTimeout: 'P3D' } });
    const [task] = (await employee.ok(INBOX, { filter: { search: 'AUD-READ' } })).tasks.edges.map((e: any) => e.node);
    const reads = async () => entries(`action = 'case.read' AND instance_id = $1`, [startProcess.id]);

    await employee.ok(`query($id: ID!) { task(id: $id) { id name form { id } } }`, { id: task.id });
    expect(await reads()).toHaveLength(0);

    await employee.ok(`query($id: ID!) { a: task(id: $id) { caseData } b: task(id: $id) { caseData } }`, { id: task.id });
    const afterTaskRead = await reads();
    expect(afterTaskRead).toHaveLength(1);
    expect(afterTaskRead[0]).toMatchObject({ actor: 'medewerker.putten', task_id: task.id, role_used: 'medewerker', details: { data: 'caseData' } });

    await employee.ok(`query($id: ID!) { processInstance(id: $id) { id variables } }`, { id: startProcess.id });
    const afterInstanceRead = await reads();
    expect(afterInstanceRead).toHaveLength(2);
    expect(afterInstanceRead[1]).toMatchObject({ task_id: null, details: { data: 'variables' } });
  });

  it('lets the FG and the CISO of a municipality, and the regional CISO, query its audit log, newest first', async () => {
    const ciso = await TestClient.as(platform, 'ciso.putten');
    const page = (await ciso.ok(AUDIT_LOG, { first: 2 })).auditLog;
    expect(page.tenantId).toBe('putten');
    expect(page.edges).toHaveLength(2);
    expect(page.edges[0].node.seq).toBeGreaterThan(page.edges[1].node.seq);
    const next = (await ciso.ok(AUDIT_LOG, { first: 2, after: page.pageInfo.endCursor })).auditLog;
    expect(next.edges[0].node.seq).toBe(page.edges[1].node.seq - 1);

    const fg = await TestClient.as(platform, 'fg');
    expect((await fg.gql(AUDIT_LOG, {})).errors?.[0].extensions?.code).toBe('TENANT_REQUIRED');
    const completions = (await fg.ok(AUDIT_LOG, { filter: { tenantId: 'putten', action: 'task.completed' } })).auditLog.edges;
    expect(completions.length).toBeGreaterThan(0);
    expect(completions.every((e: any) => e.node.action === 'task.completed')).toBe(true);
    const regional = await TestClient.as(platform, 'regionale-ciso');
    expect((await regional.ok(AUDIT_LOG, { filter: { tenantId: 'putten' }, first: 1 })).auditLog.edges).toHaveLength(1);

    // Reading the audit log is itself audited.
    const [read] = await entries(`action = 'audit.read' AND actor = 'fg' ORDER BY seq DESC LIMIT 1 --`);
    expect(read).toMatchObject({ tenant_id: 'putten', role_used: 'fg', details: { filter: ['tenantId', 'action'] } });
  });

  it('refuses the audit log to other roles and other municipalities with a typed error', async () => {
    const before = await entries();
    expect((await employee.gql(AUDIT_LOG, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherCiso = await TestClient.as(platform, 'ciso.leusden');
    expect((await otherCiso.gql(AUDIT_LOG, { filter: { tenantId: 'putten' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ciso = await TestClient.as(platform, 'ciso.putten');
    expect((await ciso.gql(AUDIT_LOG, { filter: { instanceId: 'not-a-uuid' } })).errors?.[0].extensions?.code).toBe('INVALID_FILTER');
    expect((await ciso.gql(AUDIT_LOG, { after: 'garbage' })).errors?.[0].extensions?.code).toBe('INVALID_FILTER');
    expect(await entries()).toEqual(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit entries to the application, and keeps the chain head moving forward only', async () => {
    const ds = platform.database.dataSource;
    const [first] = await entries(`tenant_id = 'putten' AND seq = 1`);
    await expect(ds.query(`UPDATE audit_entry SET actor = 'someone-else' WHERE id = $1`, [first.id])).rejects.toMatchObject({ code: '42501' });
    await expect(ds.query(`DELETE FROM audit_entry WHERE id = $1`, [first.id])).rejects.toMatchObject({ code: '42501' });
    await expect(ds.query(`TRUNCATE audit_entry`)).rejects.toMatchObject({ code: '42501' });
    await expect(ds.query(`UPDATE audit_chain_head SET last_seq = 1 WHERE tenant_id = 'putten'`)).rejects.toMatchObject({ code: '42501' });
    await expect(ds.query(`DELETE FROM audit_chain_head`)).rejects.toMatchObject({ code: '42501' });
    expect((await entries(`id = $1`, [first.id]))[0]).toEqual(first);
  });

  itOnPostgres('serialises appends per tenant without making another tenant wait', async () => {
    // A transaction of putten that appended holds putten's chain head until it ends ...
    const holder = new Client({ connectionString: db.databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT * FROM audit_chain_head WHERE tenant_id = 'putten' FOR UPDATE`);
    try {
      // ... while leusden's commands go through (this would hang, and time out, if they waited).
      const leusden = await TestClient.as(platform, 'medewerker.leusden');
      for (let i = 0; i < 3; i++) await leusden.ok(START, { key: 'runtime-demo', businessKey: `L-${i}`, variables: { approvalTimeout: 'P3D' } });
      // A putten command waits for the head; it is not lost, only serialised.
      const pending = employee.ok(START, { key: 'runtime-demo', businessKey: 'P-WAIT', variables: { approvalTimeout: 'P3D' } });
      await eventually(async () => {
        const { rows } = await holder.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        return rows[0].n === 1;
      });
      await holder.query('COMMIT');
      expect((await pending).startProcess.id).toBeDefined();
    } finally {
      await holder.end();
    }
    expect(await entries(`tenant_id = 'leusden'`)).toHaveLength(3);
  }, 'PGlite runs one statement at a time: a held row lock would stop every tenant');

  it('keeps every chain intact under concurrent commands of several tenants', async () => {
    const clients = await Promise.all(['medewerker.putten', 'medewerker2.putten', 'medewerker.leusden', 'medewerker.nijkerk'].map((u) => TestClient.as(platform, u)));
    await Promise.all(
      clients.flatMap((c, ci) =>
        Array.from({ length: 6 }, (_, i) => c.ok(START, { key: 'runtime-demo', businessKey: `C-${ci}-${i}`, variables: { approvalTimeout: 'P3D' } })),
      ),
    );
    const nijkerkTask = (await clients[3].ok(INBOX, { first: 1 })).tasks.edges[0].node;
    await clients[3].ok(CLAIM, { id: nijkerkTask.id });
    const reports = await verifyAllChains((sql, params) => platform.database.dataSource.query(sql, params));
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    expect(reports.find((r) => r.tenantId === 'nijkerk')?.entries).toBe(7);
  });
});
