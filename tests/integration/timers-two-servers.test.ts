import { ChildProcess, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemActor } from '../../src/identity/actor';
import type { Platform } from '../../src/platform';
import { createTestDatabase, describeOnPostgres, TestDatabase } from '../support/test-database';
import { eventually, FIXTURES, startTestPlatform } from '../support/test-platform';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Two real server processes share one PostgreSQL database and both poll for due timers:
 * every timer must fire exactly once.
 */
describeOnPostgres('two server processes on one database', () => {
  let db: TestDatabase;
  const servers: ChildProcess[] = [];
  const INSTANCES = 20;

  beforeAll(async () => {
    execSync('npx tsc -p tsconfig.build.json', { cwd: ROOT, stdio: 'inherit' });
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const server of servers) server.kill('SIGKILL');
    await db?.drop();
  });

  it('fires every due timer exactly once', async () => {
    const platform: Platform = await startTestPlatform(db, {}, { withoutWorkers: true });
    const actor = { kind: 'user' as const, userId: 'medewerker.putten', subject: 's', roles: ['medewerker', 'procesbeheerder'], tenants: ['putten'] };
    await platform.workflow.deploy(fs.readFileSync(path.join(FIXTURES, 'runtime-demo.bpmn'), 'utf8'), 'demo', systemActor('test'));
    const ids: string[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const instance = await platform.workflow.start({ processKey: 'runtime-demo', variables: { approvalTimeout: 'PT3S' }, actor });
      const page = await platform.workflow.tasks(actor, { instanceId: instance.id });
      await platform.workflow.complete(page.nodes[0].id, { amount: 1000 }, actor);
      ids.push(instance.id);
    }
    await platform.close();

    const bpmnDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pf-empty-'));
    for (let i = 0; i < 2; i++) {
      servers.push(
        spawn(process.execPath, ['dist/src/main.js'], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: db.databaseUrl, PORT: '0', HOST: '127.0.0.1', BPMN_DIR: bpmnDir, TIMER_POLL_MS: '20', NODE_ENV: 'test', LOG_LEVEL: 'error' },
          stdio: 'inherit',
        }),
      );
    }

    const check = await startTestPlatform(db, {}, { withoutWorkers: true });
    try {
      await eventually(async () => (await check.database.dataSource.query(`SELECT count(*)::int AS n FROM timer_job`))[0].n === 0, 60000);
      const rows = await check.database.dataSource.query(
        `SELECT i.id,
                (SELECT count(*)::int FROM audit_entry a WHERE a.instance_id = i.id AND a.action = 'timer.fired') AS fired,
                (SELECT count(*)::int FROM user_task t WHERE t.instance_id = i.id AND t.element_id = 'Escalate') AS escalations,
                (SELECT count(*)::int FROM instance_event e WHERE e.instance_id = i.id AND e.element_id = 'ApprovalLate' AND e.kind = 'left') AS timer_left
           FROM process_instance i ORDER BY i.id`,
      );
      expect(rows).toHaveLength(INSTANCES);
      for (const row of rows) expect(row).toMatchObject({ fired: 1, escalations: 1, timer_left: 1 });
    } finally {
      await check.close();
    }
  });

  it('starts the cases of a timer start event once per occurrence, and re-arms the cycle', async () => {
    // The two servers of the previous test still run and poll every 20 ms; they serve the four
    // municipalities of the realm export.
    expect(servers.every((s) => s.exitCode === null)).toBe(true);
    const check = await startTestPlatform(db, {}, { withoutWorkers: true });
    try {
      const xml = fs.readFileSync(path.join(FIXTURES, 'register-review.bpmn'), 'utf8');
      await check.workflow.deploy(xml, 'controle', { kind: 'user', userId: 'procesbeheerder.putten', subject: 's', roles: ['procesbeheerder'], tenants: ['putten'] });
      const query = (sql: string) => check.database.dataSource.query(sql);
      const schedule = async () => (await query(`SELECT due_at, remaining FROM timer_start_job WHERE process_key = 'register-review'`))[0];
      for (const left of [2, 1]) {
        await query(`UPDATE timer_start_job SET due_at = now() - interval '1 second' WHERE process_key = 'register-review'`);
        // Re-armed: the next occurrence lies in the future with one repetition less.
        await eventually(async () => (await schedule())?.remaining === left);
        expect(new Date((await schedule()).due_at).getTime()).toBeGreaterThan(Date.now());
      }
      await query(`UPDATE timer_start_job SET due_at = now() - interval '1 second' WHERE process_key = 'register-review'`);
      await eventually(async () => (await schedule()) === undefined);
      const perTenant = await query(
        `SELECT tenant_id, count(*)::int AS n FROM process_instance WHERE process_key = 'register-review' GROUP BY tenant_id ORDER BY tenant_id`,
      );
      expect(perTenant).toEqual(['bunschoten', 'leusden', 'nijkerk', 'putten'].map((tenant_id) => ({ tenant_id, n: 3 })));
    } finally {
      await check.close();
    }
  });
});
