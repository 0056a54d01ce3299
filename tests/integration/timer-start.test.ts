import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { DEPLOY, INBOX, START } from '../support/operations';

const TENANTS = ['leusden', 'putten'];

/**
 * A process whose start event is a timer is started by the platform on its schedule: one case
 * per municipality the platform serves (TENANTS), durably and once per occurrence.
 */
describe('timer start events', () => {
  let db: TestDatabase;
  let platform: Platform | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await platform?.close();
    platform = undefined;
  });
  afterAll(async () => {
    await db?.drop();
  });

  const start = async () => (platform = await startTestPlatform(db, { tenants: TENANTS }));
  const query = (sql: string, params: unknown[] = []) => platform!.database.dataSource.query(sql, params);
  const schedule = async (key: string) => (await query(`SELECT element_id, due_at, remaining FROM timer_start_job WHERE process_key = $1`, [key]))[0];
  const cases = async (key: string) =>
    query(`SELECT tenant_id, started_by, active_element_ids FROM process_instance WHERE process_key = $1 ORDER BY started_at, tenant_id`, [key]);
  /** Makes the schedule due now, as if its hour had passed. */
  const makeDue = (key: string) => query(`UPDATE timer_start_job SET due_at = now() - interval '1 second' WHERE process_key = $1`, [key]);
  const deploy = async (xml: string) => (await TestClient.as(platform!, 'procesbeheerder.putten')).ok(DEPLOY, { xml, name: 'controle' });

  it('schedules a cycle at deployment, starts one case per municipality each time it falls due, and stops after the last repetition', async () => {
    await start();
    const before = Date.now();
    await deploy(readFixture('register-review.bpmn'));
    const first = await schedule('register-review');
    expect(first.element_id).toBe('ReviewDue');
    expect(first.remaining).toBe(3);
    expect(new Date(first.due_at).getTime()).toBeGreaterThanOrEqual(before + 3600 * 1000);
    expect(await cases('register-review')).toEqual([]);

    for (const [round, left] of [[1, 2], [2, 1]]) {
      await makeDue('register-review');
      await eventually(async () => (await cases('register-review')).length === round * TENANTS.length);
      const next = await schedule('register-review');
      expect(next.remaining).toBe(left);
      expect(new Date(next.due_at).getTime()).toBeGreaterThan(Date.now());
    }
    await makeDue('register-review');
    await eventually(async () => (await schedule('register-review')) === undefined);
    const all = await cases('register-review');
    expect(all).toHaveLength(3 * TENANTS.length);
    for (const c of all) expect(c).toMatchObject({ started_by: 'system:timer', active_element_ids: ['Review'] });
    expect(all.map((c: any) => c.tenant_id).sort()).toEqual([...TENANTS, ...TENANTS, ...TENANTS].sort());

    // Each municipality's privacy officer finds the review task of their own case.
    const pb = await TestClient.as(platform!, 'privacybeheerder.leusden');
    const inbox = await pb.ok(INBOX, { filter: { processKey: 'register-review' }, first: 100 });
    expect(inbox.tasks.totalCount).toBe(3);
  });

  it('keeps the schedule when the same XML is deployed again and replaces it with a new version', async () => {
    await start();
    const xml = readFixture('register-review.bpmn').replace('R3/PT1H', 'R/PT2H');
    await deploy(xml);
    await makeDue('register-review');
    await eventually(async () => (await schedule('register-review'))?.remaining === null && new Date((await schedule('register-review')).due_at).getTime() > Date.now());
    const moved = await schedule('register-review');
    await deploy(xml);
    expect(await schedule('register-review')).toEqual(moved);

    // A version without a timer start event ends the schedule.
    const manual = xml.replace(/<bpmn:timerEventDefinition[\s\S]*?<\/bpmn:timerEventDefinition>/, '');
    await deploy(manual);
    expect(await schedule('register-review')).toBeUndefined();
  });

  /** The review diagram under another process key, optionally with another timer. */
  const variant = (key: string, timer?: string) => {
    const xml = readFixture('register-review.bpmn').replace('id="register-review"', `id="${key}"`).replace('bpmnElement="register-review"', `bpmnElement="${key}"`);
    return timer ? xml.replace(/<bpmn:timeCycle[^>]*>R3\/PT1H<\/bpmn:timeCycle>/, timer) : xml;
  };

  it('starts a case for a date that passed while no server ran, once, after the next start', async () => {
    // Deployed by a server without background workers, so nothing can fire before the "downtime".
    platform = await startTestPlatform(db, { tenants: TENANTS }, { withoutWorkers: true });
    const past = new Date(Date.now() + 1000).toISOString();
    await deploy(variant('register-review-once', `<bpmn:timeDate xsi:type="bpmn:tFormalExpression">${past}</bpmn:timeDate>`));
    expect((await schedule('register-review-once')).remaining).toBe(1);
    await platform!.close();
    platform = undefined;
    await eventually(async () => Date.now() > new Date(past).getTime() + 200, 10000, 50);

    await start();
    await eventually(async () => (await schedule('register-review-once')) === undefined);
    expect((await cases('register-review-once')).map((c: any) => c.tenant_id)).toEqual(TENANTS);
  });

  it('lets a person start a timer-started process at once, without waiting for the timer', async () => {
    await start();
    await deploy(variant('register-review-manual'));
    const employee = await TestClient.as(platform!, 'medewerker.putten');
    const { startProcess } = await employee.ok(START, { key: 'register-review-manual' });
    expect(startProcess.activeElementIds).toEqual(['Review']);
    expect((await query(`SELECT count(*)::int AS n FROM timer_job WHERE instance_id = $1`, [startProcess.id]))[0].n).toBe(0);
    expect((await schedule('register-review-manual')).remaining).toBe(3);
  });
});

describe('a reminder cycle on an open task (non-interrupting boundary timer)', () => {
  let db: TestDatabase;
  let platform: Platform | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await platform?.close();
    platform = undefined;
  });
  afterAll(async () => {
    await db?.drop();
  });

  const reminders = async (instanceId: string) =>
    (
      await platform!.database.dataSource.query(
        `SELECT count(*)::int AS n FROM instance_event WHERE instance_id = $1 AND element_id = 'Reminded' AND kind = 'entered'`,
        [instanceId],
      )
    )[0].n;

  it('fires exactly the number of repetitions across a restart and leaves the task open', async () => {
    platform = await startTestPlatform(db);
    await (await TestClient.as(platform, 'procesbeheerder.nijkerk')).ok(DEPLOY, { xml: readFixture('reminders.bpmn'), name: 'herinneringen' });
    const employee = await TestClient.as(platform, 'privacybeheerder.nijkerk');
    const { startProcess } = await employee.ok(START, { key: 'reminders', variables: { reminderCycle: 'R3/PT1S' } });
    await eventually(async () => (await reminders(startProcess.id)) >= 1);
    await platform.close();
    platform = undefined;

    // At least one more repetition falls due while no server runs.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    platform = await startTestPlatform(db);
    await eventually(async () => (await reminders(startProcess.id)) >= 3);
    await eventually(async () => (await platform!.database.dataSource.query(`SELECT count(*)::int AS n FROM timer_job WHERE instance_id = $1`, [startProcess.id]))[0].n === 0);
    expect(await reminders(startProcess.id)).toBe(3);
    const [task] = await platform.database.dataSource.query(`SELECT status FROM user_task WHERE instance_id = $1`, [startProcess.id]);
    expect(task.status).toBe('open');
  });
});
