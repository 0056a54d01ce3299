import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Platform } from '../../src/platform';
import { databaseSnapshot } from '../support/database-snapshot';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { ASSIGN, CLAIM, COMPLETE, CORRELATE, DEPLOY, INBOX, INSTANCE, START, TASK, UNCLAIM } from '../support/operations';

/**
 * Scope: every person sees cases and tasks of their own municipalities only, where their role
 * is a candidate, they are involved, or they supervise (FG: every case; CISO: incidents).
 * An id of another municipality answers exactly like an id that does not exist.
 */
const CORRELATE_IN = `mutation Correlate($name: String!, $businessKey: String!, $tenantId: String) {
  correlateMessage(name: $name, businessKey: $businessKey, tenantId: $tenantId) { id } }`;

/** runtime-demo declared as a data-subject request that only employees and the zaaksysteem may start. */
const DSR_XML = readFixture('runtime-demo.bpmn').replace(
  '<bpmn:process id="runtime-demo" name="Testproces runtime" isExecutable="true">',
  `<bpmn:process id="runtime-demo" name="Testproces runtime" isExecutable="true">
    <bpmn:extensionElements>
      <camunda:properties>
        <camunda:property name="caseType" value="data-subject-request" />
        <camunda:property name="startableBy" value="medewerker, integratie" />
      </camunda:properties>
    </bpmn:extensionElements>`,
);

interface TownCases {
  incident: string;
  incidentTask: string;
  dsr: string;
  dsrTask: string;
  waiting: string;
}

describe('tenant and role scope', () => {
  let db: TestDatabase;
  let platform: Platform;
  const as = (username: string) => TestClient.as(platform, username);
  const towns: Record<string, TownCases> = {};

  const openTask = async (instanceId: string): Promise<string> =>
    (await platform.database.dataSource.query(`SELECT id FROM user_task WHERE instance_id = $1 AND status = 'open'`, [instanceId]))[0].id;
  const snapshot = () => databaseSnapshot(platform.database.dataSource);

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    await (await as('procesbeheerder.putten')).ok(DEPLOY, { xml: DSR_XML, name: 'avg-verzoek' });
    for (const town of ['putten', 'bunschoten']) {
      const employee = await as(`medewerker.${town}`);
      const incident = (await employee.ok(START, { key: 'incident-triage', businessKey: `INC-${town}` })).startProcess.id;
      const dsr = (await employee.ok(START, { key: 'runtime-demo', businessKey: `DSR-${town}`, variables: { approvalTimeout: 'P3D' } })).startProcess.id;
      const waiting = (await employee.ok(START, { key: 'runtime-demo', businessKey: `WAIT-${town}`, variables: { approvalTimeout: 'P3D' } })).startProcess.id;
      // Intake with few people affected: the case waits for the message "antwoordOntvangen".
      await (await as(`medewerker2.${town}`)).ok(COMPLETE, { id: await openTask(waiting), values: { amount: 1 } });
      towns[town] = { incident, incidentTask: await openTask(incident), dsr, dsrTask: await openTask(dsr), waiting };
    }
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  describe('supervisory read rights', () => {
    it('lets the FG read every case and task of its municipalities, read-only', async () => {
      const fg = await as('fg');
      for (const town of ['putten', 'bunschoten']) {
        expect((await fg.ok(INSTANCE, { id: towns[town].dsr })).processInstance.openTasks).toHaveLength(1);
        expect((await fg.ok(INSTANCE, { id: towns[town].incident })).processInstance.id).toBe(towns[town].incident);
        expect((await fg.ok(TASK, { id: towns[town].dsrTask })).task.id).toBe(towns[town].dsrTask);
      }
      const supervised = (await fg.ok(INBOX, { filter: { scope: 'supervised' }, first: 100 })).tasks.edges.map((e: any) => e.node.id);
      expect(supervised).toEqual(expect.arrayContaining([towns.putten.dsrTask, towns.putten.incidentTask, towns.bunschoten.dsrTask]));
      // Reading is not working: the FG's inbox does not offer these tasks, and acting is refused.
      expect((await fg.ok(INBOX, { first: 100 })).tasks.edges.map((e: any) => e.node.id)).not.toContain(towns.putten.dsrTask);
      const before = await snapshot();
      for (const attempt of [CLAIM, UNCLAIM, COMPLETE]) {
        expect((await fg.gql(attempt, { id: towns.putten.dsrTask, values: { amount: 1 } })).errors?.[0].extensions?.code).toBe('NOT_A_CANDIDATE');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('lets a CISO read the incidents of its own municipality, and nothing else it is not involved in', async () => {
      const ciso = await as('ciso.putten');
      expect((await ciso.ok(INSTANCE, { id: towns.putten.incident })).processInstance.id).toBe(towns.putten.incident);
      expect((await ciso.ok(INSTANCE, { id: towns.putten.dsr })).processInstance).toBeNull();
      expect((await ciso.ok(TASK, { id: towns.putten.dsrTask })).task).toBeNull();
      expect((await ciso.ok(INSTANCE, { id: towns.bunschoten.incident })).processInstance).toBeNull();
      const supervised = (await ciso.ok(INBOX, { filter: { scope: 'supervised' }, first: 100 })).tasks.edges.map((e: any) => e.node.id);
      expect(supervised).toEqual([towns.putten.incidentTask]);

      const regional = await as('regionale-ciso');
      expect((await regional.ok(INSTANCE, { id: towns.bunschoten.incident })).processInstance.id).toBe(towns.bunschoten.incident);
      expect((await regional.ok(INSTANCE, { id: towns.bunschoten.dsr })).processInstance).toBeNull();
    });

    it('hides a case from a colleague of the same municipality who has no part in it', async () => {
      const helpdesk = await as('helpdesk.putten');
      expect((await helpdesk.ok(INSTANCE, { id: towns.putten.dsr })).processInstance).toBeNull();
      expect((await helpdesk.ok(TASK, { id: towns.putten.dsrTask })).task).toBeNull();
      expect((await helpdesk.ok(INBOX, { filter: { scope: 'supervised' } })).tasks.totalCount).toBe(0);
    });
  });

  it('starts a process only for the roles its diagram names in startableBy', async () => {
    const refused = await (await as('ciso.putten')).gql(START, { key: 'runtime-demo', variables: { approvalTimeout: 'P3D' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', startableBy: ['medewerker', 'integratie'] });
    // incident-triage names no startableBy: anyone working for the municipality may report.
    expect((await (await as('ciso.putten')).ok(START, { key: 'incident-triage' })).startProcess.tenantId).toBe('putten');
  });

  it('refuses a diagram with an unknown caseType or an empty startableBy, listing both', async () => {
    const broken = DSR_XML.replace('value="data-subject-request"', 'value="brandmelding"').replace('value="medewerker, integratie"', 'value=" , "');
    const result = await (await as('procesbeheerder.putten')).gql(DEPLOY, { xml: broken, name: 'kapot' });
    expect(result.errors?.[0].extensions?.code).toBe('DIAGRAM_REJECTED');
    expect((result.errors?.[0].extensions?.problems as any[]).map((p) => p.rule).sort()).toEqual(['invalid-case-type', 'invalid-startable-by']);
  });

  describe("another municipality's ids answer exactly like ids that do not exist, and change nothing", () => {
    /** Error code and message with the id replaced, or the data when there is no error. */
    const shape = (result: { data?: any; errors?: any[] }, id: string) =>
      result.errors?.length
        ? { code: result.errors[0].extensions?.code, message: String(result.errors[0].message).split(id).join('<id>'), keys: Object.keys(result.errors[0].extensions ?? {}).sort() }
        : { data: result.data };

    // A candidate role in the wrong town (medewerker for intake, CISO for incidents), and the town's FG-like supervisor role.
    it.each(['medewerker.bunschoten', 'ciso.bunschoten', 'privacybeheerder.bunschoten'])('for %s', async (username) => {
      const outsider = await as(username);
      const before = await snapshot();
      const foreign = towns.putten;
      for (const [foreignId, query, variables] of [
        [foreign.dsrTask, TASK, {}],
        [foreign.dsrTask, CLAIM, {}],
        [foreign.dsrTask, UNCLAIM, {}],
        [foreign.dsrTask, ASSIGN, { userId: username }],
        [foreign.dsrTask, COMPLETE, { values: { amount: 5 } }],
        [foreign.incidentTask, CLAIM, {}],
        [foreign.incidentTask, COMPLETE, { values: { impact: 'laag', persoonsgegevens: false } }],
        [foreign.incident, INSTANCE, {}],
        [foreign.dsr, INSTANCE, {}],
      ] as const) {
        const missing = randomUUID();
        const answer = shape(await outsider.gql(query, { ...variables, id: foreignId }), foreignId);
        expect(answer).toEqual(shape(await outsider.gql(query, { ...variables, id: missing }), missing));
        expect(answer).toMatchObject(query === TASK ? { data: { task: null } } : query === INSTANCE ? { data: { processInstance: null } } : { code: 'TASK_NOT_FOUND' });
      }
      // correlateMessage by business key: of Putten's waiting case vs a key nobody has, with and without naming Putten.
      const byKey = async (businessKey: string, tenantId?: string) =>
        shape(await outsider.gql(CORRELATE_IN, { name: 'antwoordOntvangen', businessKey, tenantId }), businessKey);
      expect(await byKey('WAIT-putten')).toEqual(await byKey('WAIT-nergens'));
      expect(await byKey('WAIT-putten', 'putten')).toEqual(await byKey('WAIT-nergens', 'atlantis'));
      expect(await byKey('WAIT-putten', 'putten')).toMatchObject({ code: 'MESSAGE_NOT_CORRELATED' });
      // startProcess in another municipality answers like a municipality that does not exist.
      const startIn = async (tenantId: string) => shape(await outsider.gql(START, { key: 'incident-triage', tenantId }), tenantId);
      expect(await startIn('putten')).toEqual(await startIn('atlantis'));
      expect(await startIn('putten')).toMatchObject({ code: 'PROCESS_NOT_FOUND' });
      expect(await snapshot()).toEqual(before);
    });

    it('still delivers the message in the own municipality (the check above can fail)', async () => {
      const own = await as('medewerker.putten');
      expect((await own.ok(CORRELATE, { name: 'antwoordOntvangen', businessKey: 'WAIT-putten' })).correlateMessage.id).toBe(towns.putten.waiting);
    });
  });
});
