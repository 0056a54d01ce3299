import { randomUUID } from 'node:crypto';
import { Database, openDatabase } from '../../src/persistence/database';
import { relayOutbox } from '../../src/workflow/outbox-relay';
import { ServiceRegistry } from '../../src/workflow/service-registry';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Which calls are due is decided by the database's clock: an operator sets a call back with
 * `available_at = now()` (README), and the relay must see it as due at once, whatever the
 * server's own clock says.
 */
describe('the outbox relay decides what is due by the database clock', () => {
  let db: TestDatabase;
  let database: Database;
  const performed: string[] = [];
  const services = new ServiceRegistry()
    .register({
      name: 'probe',
      description: 'Onthoudt welke aanroep is uitgevoerd.',
      async perform(invocation) {
        performed.push(invocation.executionId);
      },
    })
    .register({
      name: 'unreachable',
      description: 'Faalt altijd, zodat de aanroep later opnieuw wordt geprobeerd.',
      async perform() {
        throw new Error('unreachable');
      },
    });
  /** Only Date is faked, set an hour behind: the database connection keeps its real timers. */
  const withServerClockBehind = async (work: () => Promise<unknown>) => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
    jest.setSystemTime(Date.now() - 3_600_000);
    try {
      await work();
    } finally {
      jest.useRealTimers();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // The database alone, no platform: no relay of its own runs, the test runs the relay itself.
    database = await openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir, databasePoolSize: 1 });
  });
  afterAll(async () => {
    jest.useRealTimers();
    await database?.close();
    await db?.drop();
  });

  const record = async (executionId: string, availableAt: string, service = 'probe') => {
    const instanceId = randomUUID();
    await database.dataSource.query(
      `INSERT INTO outbox_message (id, instance_id, tenant_id, service, payload, dedupe_key, status, attempts, available_at, created_at)
       VALUES ($1, $2, 'putten', $5, $3, $4, 'pending', 0, ${availableAt}, now())`,
      [randomUUID(), instanceId, JSON.stringify({ elementId: 'Probe', executionId }), `${instanceId}:${executionId}`, service],
    );
  };

  it('performs a call made due with now() at once, without waiting or back-dating', async () => {
    await record('due-now', 'now()');
    await relayOutbox(database.dataSource, services);
    expect(performed).toContain('due-now');
  });

  it('performs a due call even when the server clock lags behind the database', async () => {
    await record('server-behind', 'now()');
    await withServerClockBehind(() => relayOutbox(database.dataSource, services));
    expect(performed).toContain('server-behind');
  });

  it('counts the back-off of a failed call on the database clock too', async () => {
    await record('retried', 'now()', 'unreachable');
    await withServerClockBehind(() => relayOutbox(database.dataSource, services));
    const [row] = await database.dataSource.query(
      `SELECT status, attempts, extract(epoch FROM available_at - now())::float8 AS wait FROM outbox_message WHERE payload->>'executionId' = 'retried'`,
    );
    // The first retry waits 2 s (retryDelayMs(1)) from the moment it failed, not from the server's clock.
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.wait).toBeGreaterThan(1);
    expect(row.wait).toBeLessThanOrEqual(2);
  });

  it('leaves a call whose time has not come by the database clock', async () => {
    await record('later', `now() + interval '1 hour'`);
    await relayOutbox(database.dataSource, services);
    expect(performed).not.toContain('later');
  });
});
