import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { verifyAllChains } from '../../src/audit/chain-verifier';

/**
 * `npm run test:crash` (needs DATABASE_URL, a PostgreSQL server): real server processes on a fresh
 * database under a steady load of starts and completions are killed with SIGKILL at random moments
 * and restarted — first one server alone, then one of two servers sharing the database. Afterwards
 * the database must show: every acknowledged start and completion durable, no task lost or
 * duplicated, every instance consistent with its task and timer rows, every due timer fired exactly
 * once, and every audit chain intact. Bounded by CRASH_TIME_LIMIT_S; prints its figures and ends
 * with "N passed, N failed" (one per invariant).
 */
const ROOT = path.resolve(__dirname, '../../..');
const SINGLE_KILLS = Number(process.env.CRASH_KILLS_SINGLE ?? 12);
const PAIR_KILLS = Number(process.env.CRASH_KILLS_PAIR ?? 8);
const TIME_LIMIT_MS = Number(process.env.CRASH_TIME_LIMIT_S ?? 600) * 1000;
const WORKERS = 4;
const USERS = ['medewerker.putten', 'medewerker2.putten', 'medewerker.leusden', 'medewerker2.leusden'];
const startedAt = Date.now();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const timeLeft = () => TIME_LIMIT_MS - (Date.now() - startedAt);

// ---------------------------------------------------------------- HTTP
function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers }, timeout: 15000 }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) });
        } catch (err) {
          reject(err);
        }
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

async function login(base: string, username: string): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'privacyflow-web', username, password: 'demo' }).toString();
  const res = await post(`${base}/realms/privacyflow/protocol/openid-connect/token`, form, { 'content-type': 'application/x-www-form-urlencoded' });
  if (!res.body.access_token) throw new Error(`login failed for ${username}`);
  return res.body.access_token;
}

async function gql(base: string, token: string, query: string, variables: object): Promise<{ data?: any; errors?: any[] }> {
  const res = await post(`${base}/graphql`, JSON.stringify({ query, variables }), { 'content-type': 'application/json', authorization: `Bearer ${token}` });
  return res.body;
}

// ---------------------------------------------------------------- servers
interface Server {
  process: ChildProcess;
  base: string;
  exited: Promise<void>;
}

/**
 * A server on a random port below Linux's ephemeral range (32768+), where client sockets (database
 * connections, Keycloak) never sit. A port another program still holds makes the child exit while
 * starting: then another port is tried, a few times.
 */
async function startServer(databaseUrl: string, bpmnDir: string, attempts = 4): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOn(20000 + Math.floor(Math.random() * 12000), databaseUrl, bpmnDir);
    } catch (err) {
      if (!(err instanceof ServerExitedWhileStarting) || attempt >= attempts) throw err;
    }
  }
}

class ServerExitedWhileStarting extends Error {}

async function startServerOn(port: number, databaseUrl: string, bpmnDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      BPMN_DIR: bpmnDir,
      TIMER_POLL_MS: '100',
      OUTBOX_POLL_MS: '200',
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      RATE_LIMIT_PER_MINUTE: '1000000',
      KEYCLOAK_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new ServerExitedWhileStarting(`server exited with ${child.exitCode} while starting`);
    if (timeLeft() < 0) throw new Error('time limit reached while a server started');
    const ready = await new Promise<boolean>((resolve) => {
      http.get(`${base}/readyz`, (res) => resolve(res.statusCode === 200)).on('error', () => resolve(false));
    });
    if (ready) return { process: child, base, exited };
    await sleep(100);
  }
}

// ---------------------------------------------------------------- load
const START = `mutation($key: String!, $tenantId: String) { startProcess(key: $key, tenantId: $tenantId) { id } }`;
const INBOX = `query { tasks(first: 20, filter: { processKey: "crash-test" }) { edges { node { id elementId } } } }`;
const COMPLETE = `mutation($id: ID!, $values: JSONObject) { completeTask(id: $id, values: $values) { id } }`;

const acknowledged = { starts: new Set<string>(), completions: new Set<string>() };
const counters = { refused: 0, interrupted: 0 };

/** One worker: starts cases and completes inbox tasks against whichever server is up, until told to stop. */
async function worker(servers: () => Server[], user: string, stop: () => boolean): Promise<void> {
  const tokens = new Map<string, string>();
  while (!stop()) {
    const live = servers();
    if (live.length === 0) return;
    const server = live[Math.floor(Math.random() * live.length)];
    try {
      let token = tokens.get(server.base);
      if (!token) tokens.set(server.base, (token = await login(server.base, user)));
      if (Math.random() < 0.4) {
        const res = await gql(server.base, token, START, { key: 'crash-test' });
        if (res.data?.startProcess) acknowledged.starts.add(res.data.startProcess.id);
        else counters.refused++;
      } else {
        const inbox = await gql(server.base, token, INBOX, {});
        const tasks = inbox.data?.tasks.edges.map((e: any) => e.node) ?? [];
        if (tasks.length === 0) continue;
        const task = tasks[Math.floor(Math.random() * tasks.length)];
        const res = await gql(server.base, token, COMPLETE, { id: task.id, values: task.elementId === 'Register' ? { count: 1 } : {} });
        if (res.data?.completeTask) acknowledged.completions.add(task.id);
        else counters.refused++; // a colleague was quicker: TASK_ALREADY_COMPLETED
      }
    } catch {
      // The server died under us: the outcome of this request is unknown, and allowed to be either.
      counters.interrupted++;
      tokens.delete(server.base);
      await sleep(50);
    }
  }
}

// ---------------------------------------------------------------- invariants
async function checkInvariants(databaseUrl: string): Promise<{ name: string; violations: string[] }[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const q = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;
    const startIds = [...acknowledged.starts];
    const completionIds = [...acknowledged.completions];
    const checks: { name: string; violations: string[] }[] = [];

    const missingStarts = await q(`SELECT id FROM unnest($1::uuid[]) AS id WHERE NOT EXISTS (SELECT 1 FROM process_instance i WHERE i.id = id)`, [startIds]);
    checks.push({ name: 'every acknowledged start is durable', violations: missingStarts.map((r) => `instance ${r.id} missing`) });

    const lostCompletions = await q(
      `SELECT id FROM unnest($1::uuid[]) AS id WHERE NOT EXISTS (SELECT 1 FROM user_task t WHERE t.id = id AND t.status = 'completed')`,
      [completionIds],
    );
    checks.push({ name: 'every acknowledged completion is durable', violations: lostCompletions.map((r) => `task ${r.id} not completed`) });

    const duplicates = await q(`SELECT instance_id, element_id, count(*)::int AS n FROM user_task GROUP BY 1, 2 HAVING count(*) > 1`);
    const doubleCompleted = await q(`SELECT task_id, count(*)::int AS n FROM audit_entry WHERE action = 'task.completed' GROUP BY 1 HAVING count(*) > 1`);
    checks.push({
      name: 'no task duplicated or completed twice',
      violations: [
        ...duplicates.map((r) => `instance ${r.instance_id} has ${r.n} ${r.element_id} tasks`),
        ...doubleCompleted.map((r) => `task ${r.task_id} completed ${r.n} times`),
      ],
    });

    // Every instance matches its rows: open tasks = active user tasks; a waiting timer has its job.
    const instances = await q(`
      SELECT i.id, i.status, i.active_element_ids AS active,
             coalesce((SELECT array_agg(t.element_id ORDER BY t.element_id) FROM user_task t WHERE t.instance_id = i.id AND t.status = 'open'), '{}') AS open_tasks,
             coalesce((SELECT array_agg(t.element_id ORDER BY t.element_id) FROM user_task t WHERE t.instance_id = i.id AND t.status = 'completed'), '{}') AS done_tasks,
             (SELECT count(*)::int FROM timer_job j WHERE j.instance_id = i.id) AS timer_jobs,
             (SELECT count(*)::int FROM audit_entry a WHERE a.instance_id = i.id AND a.action = 'timer.fired') AS timers_fired
        FROM process_instance i WHERE i.process_key = 'crash-test'`);
    const inconsistent: string[] = [];
    const lost: string[] = [];
    const timerViolations: string[] = [];
    for (const i of instances) {
      const activeTasks = i.active.filter((e: string) => e === 'Register' || e === 'Close').sort();
      if (i.status === 'failed') inconsistent.push(`instance ${i.id} failed`);
      if (i.status === 'running' && JSON.stringify(activeTasks) !== JSON.stringify(i.open_tasks)) {
        inconsistent.push(`instance ${i.id} waits in ${i.active} but has open tasks ${i.open_tasks}`);
      }
      if (i.status === 'completed' && (i.open_tasks.length || i.timer_jobs)) inconsistent.push(`completed instance ${i.id} still has open tasks or timers`);
      if (i.active.includes('Wait') !== i.timer_jobs > 0) inconsistent.push(`instance ${i.id}: waiting=${i.active.includes('Wait')} but ${i.timer_jobs} timer jobs`);
      if (i.status === 'running' && i.active.length === 0) lost.push(`running instance ${i.id} waits nowhere`);
      const registered = i.done_tasks.includes('Register');
      const closeCreated = i.done_tasks.includes('Close') || i.open_tasks.includes('Close');
      if (i.timers_fired > 1) timerViolations.push(`instance ${i.id}: timer fired ${i.timers_fired} times`);
      if (registered && i.timers_fired !== 1) timerViolations.push(`instance ${i.id}: registered, its due timer fired ${i.timers_fired} times`);
      if (closeCreated !== (i.timers_fired === 1)) timerViolations.push(`instance ${i.id}: closing task ${closeCreated ? 'exists' : 'missing'} after ${i.timers_fired} timer firings`);
    }
    checks.push({ name: 'every instance consistent with its task and timer rows', violations: inconsistent });
    checks.push({ name: 'no task lost (every running instance waits somewhere)', violations: lost });
    checks.push({ name: 'every due timer fired exactly once', violations: timerViolations });

    const reports = await verifyAllChains(q);
    checks.push({ name: 'every audit chain intact', violations: reports.filter((r) => !r.ok).map((r) => `${r.tenantId}: ${r.firstBreak?.message}`) });
    return checks;
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------- the run
async function killAndRestartRounds(databaseUrl: string, bpmnDir: string, serverCount: number, kills: number): Promise<number> {
  const servers: Server[] = [];
  for (let i = 0; i < serverCount; i++) servers.push(await startServer(databaseUrl, bpmnDir));
  let stopped = false;
  const workers = USERS.slice(0, WORKERS).map((u) => worker(() => servers, u, () => stopped));
  let done = 0;
  try {
    for (; done < kills && timeLeft() > 0; done++) {
      await sleep(300 + Math.random() * 1200);
      const victim = servers.splice(Math.floor(Math.random() * servers.length), 1)[0];
      victim.process.kill('SIGKILL');
      await victim.exited;
      servers.push(await startServer(databaseUrl, bpmnDir));
    }
  } finally {
    stopped = true;
    await Promise.all(workers);
    for (const s of servers) {
      s.process.kill('SIGTERM');
      await s.exited;
    }
  }
  return done;
}

async function main(): Promise<number> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL must point at a PostgreSQL server');
  const name = `pf_crash_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const bpmnDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pf-crash-'));
  fs.copyFileSync(path.join(ROOT, 'tests/crash/crash-process.bpmn'), path.join(bpmnDir, 'crash-process.bpmn'));

  try {
    const singleKills = await killAndRestartRounds(databaseUrl, bpmnDir, 1, SINGLE_KILLS);
    const pairKills = await killAndRestartRounds(databaseUrl, bpmnDir, 2, PAIR_KILLS);

    // One last server lets every timer that fell due meanwhile fire, then stops cleanly.
    const last = await startServer(databaseUrl, bpmnDir);
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    while (timeLeft() > 0 && (await db.query(`SELECT count(*)::int AS n FROM timer_job`)).rows[0].n > 0) await sleep(200);
    await db.end();
    last.process.kill('SIGTERM');
    await last.exited;

    const checks = await checkInvariants(databaseUrl);
    const killsOk = singleKills === SINGLE_KILLS && pairKills === PAIR_KILLS;
    checks.unshift({ name: `all ${SINGLE_KILLS + PAIR_KILLS} kills survived within the time limit`, violations: killsOk ? [] : [`only ${singleKills}+${pairKills} kills`] });
    const figures = {
      kills: { singleServer: singleKills, oneOfTwoServers: pairKills },
      acknowledgedStarts: acknowledged.starts.size,
      acknowledgedCompletions: acknowledged.completions.size,
      refusedRequests: counters.refused,
      interruptedRequests: counters.interrupted,
      seconds: Math.round((Date.now() - startedAt) / 1000),
    };
    console.log(`[crash] ${JSON.stringify(figures)}`);
    for (const c of checks) {
      console.log(`[crash] ${c.violations.length ? 'FAIL' : 'ok  '} ${c.name}`);
      for (const v of c.violations.slice(0, 10)) console.log(`[crash]      ${v}`);
    }
    const failed = checks.filter((c) => c.violations.length).length;
    console.log(`${checks.length - failed} passed, ${failed} failed`);
    return failed ? 1 : 0;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(bpmnDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[crash] could not run: ${(err as Error).message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
