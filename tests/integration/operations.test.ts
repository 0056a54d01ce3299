import request from 'supertest';
import { Client } from 'pg';
import { setLogLevel } from '../../src/observability/logger';
import type { Platform } from '../../src/platform';
import { createTestDatabase, itOnPostgres, TestDatabase } from '../support/test-database';
import { eventually, readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { COMPLETE, DEPLOY, INBOX, START } from '../support/operations';

const serverUrl = () => process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Parses Prometheus text format into "name{labels}" → value. */
function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    values.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return values;
}

describe('operations: readiness, metrics and request-scoped logs', () => {
  let db: TestDatabase;
  let platform: Platform;
  let employee: TestClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { metricsToken: 'scrape-secret' });
    await (await TestClient.as(platform, 'procesbeheerder.putten')).ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'demo' });
    employee = await TestClient.as(platform, 'medewerker.putten');
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  const scrape = async () => {
    const res = await request(platform.url).get('/metrics').set('Authorization', 'Bearer scrape-secret');
    expect(res.status).toBe(200);
    return parseMetrics(res.text);
  };

  it('is ready when the database answers, every migration is applied and the identity keys load', async () => {
    const res = await request(platform.url).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: true, migrations: true, identityProviderKeys: true } });
  });

  it('is not ready while a migration is missing', async () => {
    const admin = new Client({ connectionString: db.databaseUrl });
    await admin.connect();
    try {
      const [last] = (await admin.query(`SELECT * FROM migrations ORDER BY id DESC LIMIT 1`)).rows;
      await admin.query(`DELETE FROM migrations WHERE id = $1`, [last.id]);
      const res = await request(platform.url).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body.checks).toEqual({ database: true, migrations: false, identityProviderKeys: true });
      await admin.query(`INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [last.id, last.timestamp, last.name]);
      expect((await request(platform.url).get('/readyz')).status).toBe(200);
    } finally {
      await admin.end();
    }
  });

  it('counts GraphQL operations per root field and outcome, and requests per path and status', async () => {
    const before = await scrape();
    const key = 'privacyflow_graphql_operation_duration_seconds_count{operation="startProcess",type="mutation",outcome="ok"}';
    const refusedKey = 'privacyflow_graphql_operation_duration_seconds_count{operation="startProcess",type="mutation",outcome="error"}';
    await employee.ok(START, { key: 'runtime-demo', businessKey: 'OPS-1', variables: { approvalTimeout: 'P3D' } });
    await employee.ok(START, { key: 'runtime-demo', businessKey: 'OPS-2', variables: { approvalTimeout: 'P3D' } });
    await employee.gql(START, { key: 'no-such-process' });
    await request(platform.url).post('/graphql').send({ query: '{ me { userId } }' }); // no token: 401
    const after = await scrape();
    expect(after.get(key)! - (before.get(key) ?? 0)).toBe(2);
    expect(after.get(refusedKey)! - (before.get(refusedKey) ?? 0)).toBe(1);
    expect(after.get('privacyflow_http_requests_total{path="/graphql",status="401"}')).toBeGreaterThanOrEqual(1);
  });

  it('reports open and overdue tasks per process, due timers and the outbox backlog from the database', async () => {
    const [{ open }] = await platform.database.dataSource.query(`SELECT count(*)::int AS open FROM user_task WHERE status = 'open' AND process_key = 'runtime-demo'`);
    await platform.database.dataSource.query(
      `UPDATE user_task SET due_at = now() - interval '1 day' WHERE id = (SELECT id FROM user_task WHERE status = 'open' AND business_key = 'OPS-1')`,
    );
    const metrics = await scrape();
    expect(metrics.get('privacyflow_open_tasks{process_key="runtime-demo"}')).toBe(open);
    expect(metrics.get('privacyflow_overdue_tasks{process_key="runtime-demo"}')).toBe(1);
    expect(metrics.get('privacyflow_timers_due')).toBe(0);
    expect(metrics.get('privacyflow_outbox_backlog{status="pending"}')).toBeGreaterThanOrEqual(0);
    expect(metrics.get('privacyflow_outbox_backlog{status="dead"}')).toBe(0);
    expect(metrics.get('privacyflow_database_up')).toBe(1);
  });

  it('observes how late a timer fired', async () => {
    const before = (await scrape()).get('privacyflow_timer_lateness_seconds_count') ?? 0;
    const { startProcess } = await employee.ok(START, { key: 'runtime-demo', businessKey: 'OPS-T', variables: { approvalTimeout: 'PT1S' } });
    const [intake] = (await employee.ok(INBOX, { filter: { search: 'OPS-T' } })).tasks.edges.map((e: any) => e.node);
    await employee.ok(COMPLETE, { id: intake.id, values: { amount: 500 } });
    await eventually(async () => {
      const [row] = await platform.database.dataSource.query(`SELECT 1 FROM audit_entry WHERE action = 'timer.fired' AND instance_id = $1`, [startProcess.id]);
      return row;
    });
    const after = await eventually(async () => {
      const count = (await scrape()).get('privacyflow_timer_lateness_seconds_count') ?? 0;
      return count > before ? count : null;
    });
    expect(after - before).toBe(1);
  });

  it('keeps /metrics closed without the metrics token', async () => {
    expect((await request(platform.url).get('/metrics')).status).toBe(401);
  });

  it('writes JSON log lines that carry the request id, also from deep inside a GraphQL request', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown) => lines.push(String(chunk)) > 0) as any);
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => lines.push(String(chunk)) > 0) as any);
    setLogLevel('info');
    try {
      const token = await platform.devIdentity!.issueForUser('medewerker.putten');
      // An unexpected failure inside the workflow service (the fuzz test leaves no input that causes
      // one, so it is injected): an internal error, logged while the request is served.
      jest.spyOn(platform.workflow, 'start').mockRejectedValueOnce(new Error('unexpected failure in the workflow service'));
      await request(platform.url)
        .post('/graphql')
        .set('Authorization', `Bearer ${token}`)
        .set('X-Request-Id', 'ops-request-0001')
        .send({ query: START, variables: { key: 'runtime-demo', variables: { approvalTimeout: 'P3D' } } });
    } finally {
      setLogLevel('error');
      spy.mockRestore();
      out.mockRestore();
    }
    const entries = lines.flatMap((l) => l.split('\n')).filter(Boolean).map((l) => JSON.parse(l));
    expect(entries.find((e) => e.message === 'internal error')).toMatchObject({ level: 'error', requestId: 'ops-request-0001' });
    expect(entries.find((e) => e.message === 'http request')).toMatchObject({ requestId: 'ops-request-0001', path: '/graphql', status: 200 });
  });
});

describe('readiness when a dependency is missing', () => {
  it('is not ready while the identity provider\'s keys cannot be loaded', async () => {
    const db = await createTestDatabase();
    const platform = await startTestPlatform(db, { keycloakUrl: 'http://127.0.0.1:9' });
    try {
      const res = await request(platform.url).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body.checks).toEqual({ database: true, migrations: true, identityProviderKeys: false });
      expect((await request(platform.url).get('/healthz')).status).toBe(200);
    } finally {
      await platform.close();
      await db.drop();
    }
  });

  itOnPostgres('is not ready once the database is gone, while /healthz still answers', async () => {
    const db = await createTestDatabase();
    const platform = await startTestPlatform(db, {}, { withoutWorkers: true });
    try {
      const admin = new Client({ connectionString: serverUrl() });
      await admin.connect();
      await admin.query(`DROP DATABASE ${new URL(db.databaseUrl).pathname.slice(1)} WITH (FORCE)`);
      await admin.end();
      const res = await request(platform.url).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body.checks.database).toBe(false);
      expect((await request(platform.url).get('/healthz')).status).toBe(200);
    } finally {
      await platform.close().catch(() => undefined);
      await db.drop();
    }
  }, 'it drops the database on the PostgreSQL server');
});
