import { ChildProcess, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { eventually } from '../support/test-platform';

const ROOT = path.resolve(__dirname, '../..');

/**
 * `npm start` without DATABASE_URL: the real server on embedded PGlite under DATA_DIR, started as
 * a child process; its data survive a restart.
 */
describe('the embedded default (PGlite)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pf-embedded-'));
  let server: ChildProcess | undefined;
  let port = 0;
  let url = '';

  beforeAll(async () => {
    execSync('npx tsc -p tsconfig.build.json', { cwd: ROOT, stdio: 'inherit' });
    // A port the kernel just handed out (a random one collided with other processes on shared machines).
    port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    url = `http://127.0.0.1:${port}`;
  });
  afterEach(async () => {
    // A server that already exited (e.g. could not listen) emits no further 'exit'.
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    server.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const start = async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'error' };
    delete env.DATABASE_URL;
    delete env.KEYCLOAK_URL;
    server = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env, stdio: 'inherit' });
    await eventually(async () => (await request(url).get('/readyz').catch(() => ({ status: 0 }))).status === 200, 60000, 250);
  };
  const token = async (username: string) =>
    (
      await request(url)
        .post('/realms/privacyflow/protocol/openid-connect/token')
        .type('form')
        .send({ grant_type: 'password', client_id: 'privacyflow-web', username, password: 'demo' })
    ).body.access_token;
  const gql = async (username: string, query: string) =>
    (await request(url).post('/graphql').set('Authorization', `Bearer ${await token(username)}`).send({ query })).body;

  it('serves health, readiness and the bundled diagrams, and keeps a started case across a restart', async () => {
    await start();
    expect((await request(url).get('/healthz')).status).toBe(200);
    const started = await gql('medewerker.putten', `mutation { startProcess(key: "incident-triage", businessKey: "INC-EMB") { id activeElementIds } }`);
    expect(started.data.startProcess.activeElementIds).toEqual(['BeoordelingTeLaat', 'MeldingBeoordelen']);
    server!.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));

    await start();
    const inbox = await gql('ciso.putten', `{ tasks { totalCount edges { node { instanceId name } } } }`);
    expect(inbox.data.tasks.edges.map((e: any) => e.node)).toEqual([{ instanceId: started.data.startProcess.id, name: 'Melding beoordelen' }]);
  });
});
