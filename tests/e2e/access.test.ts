import { randomUUID } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import type { Platform } from '../../src/platform';
import { identityProviderName, IdentityProviderClient } from '../support/e2e-identity';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform } from '../support/test-platform';
import { ASSIGN, CLAIM, COMPLETE, INBOX, INSTANCE, START, TASK, UNCLAIM } from '../support/operations';

/**
 * Point 3 and 4 of the identity issue end to end, with real tokens from the identity provider
 * (password grant for demo users, client credentials for the zaaksysteem): every role's inbox
 * holds exactly its tasks, another municipality's ids answer like missing ones, and the
 * separation-of-duties rules of bpmn/incident-triage.bpmn refuse.
 */
describe(`roles, municipalities and separation of duties with tokens from ${identityProviderName}`, () => {
  let db: TestDatabase;
  let platform: Platform;
  let idp: IdentityProviderClient;
  const tokens = new Map<string, string>();

  const tokenOf = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, username === 'zaaksysteem' ? await idp.zaaksysteem() : await idp.login(username));
    return tokens.get(username)!;
  };
  const gql = async (username: string, query: string, variables: object = {}) => {
    const res = await request(platform.url)
      .post('/graphql')
      .set('Authorization', `Bearer ${await tokenOf(username)}`)
      .set('Content-Type', 'application/json')
      .send({ query, variables });
    expect(res.status).toBe(200);
    return res.body as { data?: any; errors?: any[] };
  };
  const ok = async (username: string, query: string, variables: object = {}) => {
    const body = await gql(username, query, variables);
    if (body.errors) throw new Error(`${username}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const openTask = async (instanceId: string, elementId: string): Promise<string> =>
    (
      await platform.database.dataSource.query(`SELECT id FROM user_task WHERE instance_id = $1 AND element_id = $2 AND status = 'open'`, [
        instanceId,
        elementId,
      ])
    )[0].id;
  const inbox = async (username: string) => ((await ok(username, INBOX, { first: 100 })).tasks.edges.map((e: any) => e.node.id) as string[]).sort();

  /** Starts an incident as `reporter` and completes the assessment with `impact` (by the regional CISO). */
  async function incident(reporter: string, impact?: 'laag' | 'midden' | 'hoog', options: { tenantId?: string; variables?: object } = {}) {
    const id = (await ok(reporter, START, { key: 'incident-triage', businessKey: `INC-${randomUUID()}`, ...options })).startProcess.id as string;
    if (impact) await ok('regionale-ciso', COMPLETE, { id: await openTask(id, 'MeldingBeoordelen'), values: { impact, persoonsgegevens: true } });
    return id;
  }

  const cases: Record<string, string> = {};
  const tasks: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { keycloakUrl: process.env.KEYCLOAK_URL || undefined, bpmnDir: path.resolve(__dirname, '../../bpmn') });
    idp = new IdentityProviderClient(platform);
    cases.new = await incident('medewerker.putten');
    cases.low = await incident('medewerker.putten', 'laag');
    cases.middle = await incident('medewerker.putten', 'midden');
    cases.high = await incident('medewerker.putten', 'hoog');
    cases.breach = await incident('medewerker.putten', 'laag');
    await ok('helpdesk.putten', COMPLETE, { id: await openTask(cases.breach, 'IctHerstelt'), values: {} });
    cases.elsewhere = await incident('medewerker.bunschoten');
    tasks.assess = await openTask(cases.new, 'MeldingBeoordelen');
    tasks.repair = await openTask(cases.low, 'IctHerstelt');
    tasks.coordinate = await openTask(cases.middle, 'IncidentCoordineren');
    tasks.irt = await openTask(cases.high, 'IrtSamenstellen');
    tasks.advice = await openTask(cases.breach, 'FgAdvies');
    tasks.assessElsewhere = await openTask(cases.elsewhere, 'MeldingBeoordelen');
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('gives every role exactly the tasks of its role and municipality', async () => {
    const expected: Record<string, string[]> = {
      'ciso.putten': [tasks.assess, tasks.coordinate],
      'regionale-ciso': [tasks.assess, tasks.assessElsewhere],
      'ciso.bunschoten': [tasks.assessElsewhere],
      'systeembeheer.putten': [tasks.repair],
      'helpdesk.putten': [tasks.repair],
      'irt.putten': [tasks.irt],
      fg: [tasks.advice],
      'fg-gs.putten': [tasks.advice],
      'gemeentesecretaris.putten': [],
      'medewerker.putten': [],
      'privacybeheerder.putten': [],
      'ciso.leusden': [],
      'irt.bunschoten': [],
    };
    for (const [username, ids] of Object.entries(expected)) {
      expect({ username, inbox: await inbox(username) }).toEqual({ username, inbox: [...ids].sort() });
    }
  });

  it("answers another municipality's ids exactly like ids that do not exist, and changes nothing", async () => {
    const shape = (body: { data?: any; errors?: any[] }, id: string) =>
      body.errors?.length ? { code: body.errors[0].extensions?.code, message: String(body.errors[0].message).split(id).join('<id>') } : body.data;
    const revisions = async () => (await platform.database.dataSource.query(`SELECT sum(revision)::int AS r, (SELECT count(*)::int FROM audit_entry) AS a FROM process_instance`))[0];
    const before = await revisions();
    for (const outsider of ['ciso.bunschoten', 'irt.bunschoten']) {
      for (const [query, foreignId, variables] of [
        [TASK, tasks.irt, {}],
        [CLAIM, tasks.assess, {}],
        [UNCLAIM, tasks.assess, {}],
        [ASSIGN, tasks.irt, { userId: outsider }],
        [COMPLETE, tasks.irt, { values: {} }],
        [INSTANCE, cases.high, {}],
      ] as const) {
        const missing = randomUUID();
        const foreign = shape(await gql(outsider, query, { ...variables, id: foreignId }), foreignId);
        expect({ outsider, query, foreign }).toEqual({ outsider, query, foreign: shape(await gql(outsider, query, { ...variables, id: missing }), missing) });
      }
      const startIn = async (tenantId: string) => shape(await gql(outsider, START, { key: 'incident-triage', tenantId }), tenantId);
      expect(await startIn('putten')).toEqual(await startIn('atlantis'));
    }
    expect(await revisions()).toEqual(before);
  });

  it('refuses the person who is both FG and GS to decide on the advice they gave', async () => {
    await ok('fg-gs.putten', COMPLETE, { id: tasks.advice, values: { adviesMeldenAp: true, betrokkenenInformeren: false } });
    const decision = await openTask(cases.breach, 'GsBesluit');
    expect(await inbox('fg-gs.putten')).not.toContain(decision);
    expect(await inbox('gemeentesecretaris.putten')).toEqual([decision]);
    for (const attempt of [CLAIM, COMPLETE]) {
      const { errors } = await gql('fg-gs.putten', attempt, { id: decision, values: { apMelden: true } });
      expect(errors?.[0].extensions).toMatchObject({ code: 'SEPARATION_OF_DUTIES', rule: 'separateFrom', conflictingTask: 'FgAdvies' });
    }
  });

  it('refuses the reporter to assess their own report, also when the zaaksysteem reported it for them', async () => {
    const own = await openTask(await incident('ciso.putten'), 'MeldingBeoordelen');
    const onBehalf = await openTask(await incident('zaaksysteem', undefined, { tenantId: 'putten', variables: { reportedBy: 'ciso.putten' } }), 'MeldingBeoordelen');
    const mine = await inbox('ciso.putten');
    expect(mine).not.toContain(own);
    expect(mine).not.toContain(onBehalf);
    for (const [id, via] of [
      [own, 'startedBy'],
      [onBehalf, 'reportedBy'],
    ]) {
      const { errors } = await gql('ciso.putten', CLAIM, { id });
      expect(errors?.[0].extensions).toMatchObject({ code: 'SEPARATION_OF_DUTIES', rule: 'notInitiator', initiatorVia: via });
    }
    expect(await inbox('regionale-ciso')).toEqual(expect.arrayContaining([own, onBehalf]));
  });

  it('refuses the author of the text to affected people to check it (four eyes)', async () => {
    const id = await incident('medewerker.putten', 'laag');
    await ok('systeembeheer.putten', COMPLETE, { id: await openTask(id, 'IctHerstelt'), values: {} });
    await ok('fg', COMPLETE, { id: await openTask(id, 'FgAdvies'), values: { adviesMeldenAp: true, betrokkenenInformeren: true } });
    await ok('gemeentesecretaris.putten', COMPLETE, { id: await openTask(id, 'GsBesluit'), values: { apMelden: true } });
    await ok('privacybeheerder.putten', COMPLETE, { id: await openTask(id, 'MeldingApDoen'), values: { meldnummerAp: 'AP-E2E' } });
    await ok('privacybeheerder.putten', COMPLETE, { id: await openTask(id, 'TekstBetrokkenenOpstellen'), values: {} });
    const check = await openTask(id, 'TekstBetrokkenenControleren');
    const { errors } = await gql('privacybeheerder.putten', ASSIGN, { id: check, userId: 'privacybeheerder.putten' });
    expect(errors?.[0].extensions).toMatchObject({ code: 'SEPARATION_OF_DUTIES', conflictingTask: 'TekstBetrokkenenOpstellen' });
    expect((await ok('communicatie.putten', COMPLETE, { id: check, values: {} })).completeTask.status).toBe('completed');
  });
});
