import request from 'supertest';
import type { Platform } from '../../src/platform';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { DEPLOY, START } from '../support/operations';

/** The database goes away for a while: requests fail with a typed error; the server recovers by itself. */
describe('a database outage', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let platform: Platform;

  beforeAll(async () => {
    db = await createTestDatabase();
    const direct = new URL(db.databaseUrl);
    proxy = new TcpProxy(direct.hostname, Number(direct.port || 5432));
    await proxy.up();
    const viaProxy = new URL(db.databaseUrl);
    viaProxy.port = String(proxy.port);
    platform = await startTestPlatform({ ...db, databaseUrl: viaProxy.toString() });
    await (await TestClient.as(platform, 'procesbeheerder.putten')).ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'demo' });
  });
  afterAll(async () => {
    await proxy?.up();
    await platform?.close();
    await proxy?.down();
    await db?.drop();
  });

  it('answers DATABASE_UNAVAILABLE while the database is away and serves again when it is back, without a restart', async () => {
    const employee = await TestClient.as(platform, 'medewerker.putten');
    const start = () => employee.gql(START, { key: 'runtime-demo', variables: { approvalTimeout: 'P3D' } });
    expect((await start()).errors).toBeUndefined();

    await proxy.down();
    const refused = await start();
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
    const ready = await request(platform.url).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database).toBe(false);

    await proxy.up();
    await eventually(async () => (await start()).errors === undefined);
    expect((await request(platform.url).get('/readyz')).status).toBe(200);
    const [{ n }] = await platform.database.dataSource.query(`SELECT count(*)::int AS n FROM process_instance`);
    expect(n).toBeGreaterThanOrEqual(2);
  });
});
