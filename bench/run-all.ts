import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { Engine } from 'bpmn-engine';
import { loadConfig } from '../src/config';
import { startPlatform } from '../src/platform';
import { compileSource, loadSource } from '../src/process-runtime';
import { moddleOptions } from '../src/process-runtime/source-context';
import { graphql, percentile, round, runConcurrent } from './bench-support';

/**
 * `npm run bench` (needs DATABASE_URL): durable starts and completions per second through
 * GraphQL over HTTP, the same loop on bare in-memory bpmn-engine, inbox latency with 100 000 open
 * tasks over 200 roles, and heap per waiting instance. Prints a table and writes
 * bench/results/<timestamp>.json.
 */
const ROOT = path.resolve(__dirname, '../..');
const XML = fs.readFileSync(path.join(ROOT, 'bench/fixtures/two-step.bpmn'), 'utf8');
const N = Number(process.env.BENCH_INSTANCES ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const INBOX_TASKS = Number(process.env.BENCH_INBOX_TASKS ?? 100_000);

async function createDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pf_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const START = `mutation($key: String!) { startProcess(key: $key) { id } }`;
const MY_TASKS = `query($id: ID!) { processInstance(id: $id) { openTasks { id } } }`;
const COMPLETE = `mutation($id: ID!, $values: JSONObject) { completeTask(id: $id, values: $values) { id } }`;
const INBOX = `query($filter: TaskFilterInput) { tasks(filter: $filter, first: 25) { totalCount edges { node { id name dueAt } } } }`;

/** Bare bpmn-engine, in memory, same diagram: start to first wait, then complete both tasks. */
async function bareEngine(n: number): Promise<{ startsPerSec: number; completionsPerSec: number }> {
  const serialized = await compileSource(XML);
  const run = async () => {
    const listener = new EventEmitter();
    const engine = new Engine({ sourceContext: loadSource(serialized) as any, moddleOptions, settings: { enableDummyService: false } } as any);
    await engine.execute({ listener } as any);
    return engine;
  };
  let t0 = performance.now();
  const engines = [];
  for (let i = 0; i < n; i++) {
    const engine = await run();
    await engine.getState();
    engines.push(engine);
  }
  const startsPerSec = n / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (const engine of engines) {
    for (const id of ['Register', 'Decide']) {
      const task = engine.execution.getPostponed().find((a: any) => a.id === id);
      engine.execution.signal({ id, executionId: task!.executionId });
      await engine.getState();
    }
  }
  const completionsPerSec = (2 * n) / ((performance.now() - t0) / 1000);
  return { startsPerSec, completionsPerSec };
}

// One synthetic user sends every request: the per-person rate limit (RATE_LIMIT_PER_MINUTE) is lifted.
async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('npm run bench needs DATABASE_URL (a PostgreSQL server)');
  const db = await createDatabase(serverUrl);
  const bpmnDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pf-bench-'));
  fs.writeFileSync(path.join(bpmnDir, 'two-step.bpmn'), XML);
  const config = { ...loadConfig({ NODE_ENV: 'production-bench', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '1000000' }), port: 0, host: '127.0.0.1', databaseUrl: db.url, bpmnDir, keycloakUrl: undefined };
  const platform = await startPlatform(config);
  const token = await platform.devIdentity!.issueForUser('medewerker.bunschoten');
  const results: Record<string, unknown> = { instances: N, concurrency: CONCURRENCY };

  try {
    // Warm-up: JIT, definition cache, connection pool.
    await runConcurrent(40, CONCURRENCY, () => graphql(platform.url, token, START, { key: 'bench-two-step' }));

    const ids: string[] = [];
    let t0 = performance.now();
    const startLat = await runConcurrent(N, CONCURRENCY, async () => ids.push((await graphql(platform.url, token, START, { key: 'bench-two-step' })).startProcess.id));
    const startsPerSec = N / ((performance.now() - t0) / 1000);

    const taskIds: string[] = [];
    for (const id of ids) taskIds.push((await graphql(platform.url, token, MY_TASKS, { id })).processInstance.openTasks[0].id);
    const values = { summary: 'x'.repeat(2000), count: 3 };
    t0 = performance.now();
    const completeLat = await runConcurrent(N, CONCURRENCY, (i) => graphql(platform.url, token, COMPLETE, { id: taskIds[i], values }));
    const completionsPerSec = N / ((performance.now() - t0) / 1000);

    const bare = await bareEngine(N);
    Object.assign(results, {
      durableStartsPerSec: round(startsPerSec),
      durableStartP50Ms: round(percentile(startLat, 50)),
      durableStartP95Ms: round(percentile(startLat, 95)),
      durableCompletionsPerSec: round(completionsPerSec),
      durableCompletionP50Ms: round(percentile(completeLat, 50)),
      durableCompletionP95Ms: round(percentile(completeLat, 95)),
      bareEngineStartsPerSec: round(bare.startsPerSec),
      bareEngineCompletionsPerSec: round(bare.completionsPerSec),
      startRatio: round(startsPerSec / bare.startsPerSec, 2),
      completionRatio: round(completionsPerSec / bare.completionsPerSec, 2),
    });

    // Heap per waiting instance: dehydrated (what the platform does) vs hydrated engines.
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const waiting = 500;
    await runConcurrent(waiting, CONCURRENCY, () => graphql(platform.url, token, START, { key: 'bench-two-step' }));
    global.gc?.();
    const dehydratedPerInstance = (process.memoryUsage().heapUsed - heap0) / waiting;
    const serialized = await compileSource(XML);
    global.gc?.();
    const heap1 = process.memoryUsage().heapUsed;
    const live = [];
    for (let i = 0; i < 200; i++) {
      const engine = new Engine({ sourceContext: loadSource(serialized) as any, moddleOptions } as any);
      await engine.execute();
      live.push(engine);
    }
    global.gc?.();
    const hydratedPerInstance = (process.memoryUsage().heapUsed - heap1) / live.length;
    const [{ bytes }] = await platform.database.dataSource.query(
      `SELECT (pg_total_relation_size('process_instance') / greatest(count(*), 1))::int AS bytes FROM process_instance`,
    );
    Object.assign(results, {
      gcExposed: typeof global.gc === 'function',
      heapPerWaitingInstanceKB: round(dehydratedPerInstance / 1024, 2),
      heapPerHydratedEngineKB: round(hydratedPerInstance / 1024),
      dbBytesPerInstance: bytes,
    });
    live.length = 0;

    // Inbox: 100 000 open tasks spread over 200 roles (and 2× history), user in 3 roles.
    const ds = platform.database.dataSource;
    const [{ id: definitionId }] = await ds.query(`SELECT id FROM process_definition LIMIT 1`);
    await ds.query(
      `INSERT INTO process_instance (id, tenant_id, definition_id, process_key, definition_version, status, engine_version, started_by, started_at)
       VALUES ('00000000-0000-4000-8000-000000000001', 'bunschoten', $1, 'bench-inbox', 1, 'running', 'bench', 'bench', now())`,
      [definitionId],
    );
    await ds.query(
      `INSERT INTO user_task (id, instance_id, tenant_id, process_key, element_id, execution_id, name, candidate_groups, status, due_at, created_at)
       SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'bunschoten', 'bench-inbox', 'T', 'bench_' || g,
              'Taak ' || g, ARRAY['role-' || (g % 200)], CASE WHEN g <= $1 THEN 'open' ELSE 'completed' END,
              CASE WHEN g % 3 = 0 THEN NULL ELSE now() + (g % 1000) * interval '1 hour' END, now() - g * interval '1 second'
         FROM generate_series(1, $1 * 3) g`,
      [INBOX_TASKS],
    );
    await ds.query('ANALYZE user_task');
    const roleToken = await signForRoles(platform, ['role-7', 'role-42', 'role-199']);
    const inboxLat = await runConcurrent(300, 4, () => graphql(platform.url, roleToken, INBOX));
    const dbLat: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await ds.query(
        `SELECT id FROM user_task t WHERE status = 'open' AND tenant_id = ANY($1) AND (candidate_groups && $2::text[] OR assignee = $3)
         ORDER BY coalesce(due_at, 'infinity'::timestamptz), created_at, id LIMIT 26`,
        [['bunschoten'], ['role-7', 'role-42', 'role-199'], 'x'],
      );
      dbLat.push(performance.now() - t);
    }
    dbLat.sort((a, b) => a - b);
    Object.assign(results, {
      inboxOpenTasks: INBOX_TASKS,
      inboxRoles: 200,
      inboxGraphqlP50Ms: round(percentile(inboxLat, 50)),
      inboxGraphqlP95Ms: round(percentile(inboxLat, 95)),
      inboxDbP50Ms: round(percentile(dbLat, 50), 2),
      inboxDbP95Ms: round(percentile(dbLat, 95), 2),
    });
  } finally {
    await platform.close();
    await db.drop();
  }

  let sha = 'unknown';
  try {
    sha = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
  } catch {
    /* not a git checkout */
  }
  const record = { at: new Date().toISOString(), git: sha, node: process.version, cpus: os.cpus().length, ...results };
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  const file = path.join(ROOT, 'bench/results', `${record.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(record, null, 2) + '\n');
  console.table(Object.entries(results).map(([metric, value]) => ({ metric, value })));
  console.log(`written to ${path.relative(ROOT, file)}`);
}

/** A development token for a synthetic user holding the given roles (inbox benchmark only). */
async function signForRoles(platform: Awaited<ReturnType<typeof startPlatform>>, roles: string[]): Promise<string> {
  return platform.devIdentity!.sign({ username: 'bench.user', realmRoles: roles, tenants: ['bunschoten'] }, 'privacyflow-web');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
