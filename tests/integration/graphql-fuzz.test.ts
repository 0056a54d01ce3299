import path from 'node:path';
import fc from 'fast-check';
import supertest from 'supertest';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { buildClientSchema, getIntrospectionQuery, IntrospectionQuery } from 'graphql';
import { verifyAllChains } from '../../src/audit/chain-verifier';
import { GraphQLResult, readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { ASSIGN, COMPLETE, DEPLOY, INBOX, START } from '../support/operations';
import { aBreachReport, AP_FORM_BSN_LIST, aReport, FG_ADVICE_BSN_LIST, perform, PLAN_MEASURE, REGISTER_EVIDENCE, REPORT_INCIDENT } from '../support/incident-operations';
import { anAccessRequest, REGISTER_REQUEST } from '../support/dsr-operations';
import { aProcessing, PLAN_MEASURE as PLAN_DPIA_MEASURE, RECORD_RISKS, quickscanValues, SIGNAL_NEW_PROCESSING } from '../support/dpia-operations';
import { VALID_INPUTS } from '../support/graphql-input-samples';
import { argumentsArbitrary, FuzzOperation, FuzzVocabulary, fuzzDocument, sampleInput, schemaOperations, UnfuzzableOperationError } from '../support/schema-fuzz';

/**
 * Issue 8.3: arbitrary input to every argument of the GraphQL API never ends in an internal error.
 * The operations and their arguments are read from the live schema (tests/support/schema-fuzz.ts), so
 * an operation added later is fuzzed without touching this file; one whose argument types the
 * generator cannot fill fails the test by name.
 * Bounded by FUZZ_RUNS inputs and FUZZ_TIME_LIMIT_MS (whichever comes first); FUZZ_SEED replays a run.
 */
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 60_000);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const INTEGRATION = 'service-account-zaaksysteem';
const USERS = [
  'medewerker.putten', 'medewerker2.putten', 'procesbeheerder.putten', 'ciso.putten', 'systeembeheer.putten',
  'privacybeheerder.putten', 'gemeentesecretaris.putten', 'fg', 'regionale-ciso', 'service-account-zaaksysteem',
  'medewerker.bunschoten', 'proceseigenaar.putten', 'jurist.putten',
];
/** Holds every role of the realm in Putten, so that most operations get past their access check. */
const ALL_ROLES = 'alle-rollen.putten';
const MUNICIPALITIES = ['bunschoten', 'leusden', 'nijkerk', 'putten'];

const DOCS = {
  audit: `query Audit($after: String, $filter: AuditLogFilterInput, $first: Int) {
    auditLog(after: $after, filter: $filter, first: $first) { tenantId pageInfo { endCursor hasNextPage } edges { cursor node { seq action } } } }`,
  correlateTenant: `mutation CorrelateT($name: String!, $businessKey: String!, $tenantId: String, $variables: JSONObject) {
    correlateMessage(name: $name, businessKey: $businessKey, tenantId: $tenantId, variables: $variables) { id } }`,
};

/** Inputs that pass the domain's validation, from the scenario tests; the fuzzer varies one or two fields of each. */
const { adviceNotifyAp: _notify, adviceInformSubjects: _inform, adviceMotivation: _motivation, ...BREACH_ASSESSMENT } = FG_ADVICE_BSN_LIST;
const VALID = {
  ...VALID_INPUTS,
  IncidentReportInput: aReport(),
  IntegrationIncidentReportInput: aReport({ reporterName: 'J. de Vries', reporterContact: 'j.devries@example.nl' }),
  BreachAssessmentInput: BREACH_ASSESSMENT,
  ApNotificationFormInput: AP_FORM_BSN_LIST,
  DataSubjectRequestInput: anAccessRequest(),
  ProcessingInput: aProcessing(),
  PersonIdentifiersInput: { bsn: '111222333' },
  ErasePersonalDataInput: { person: { name: 'J. de Vries' }, caseIds: [], requestReference: 'AVG-2026-00001' },
  MeasureInput: { description: 'Maatregel', dueDate: '2027-06-01', owner: 'ciso.putten' },
  DpiaMeasureInput: { description: 'Maatregel', dueDate: '2027-06-01', owner: 'ciso.putten', riskCode: 'R1' },
};

/** What a response may not be: a 5xx, or an error without a stable code of its own. */
function internalFailure(result: GraphQLResult): string | null {
  if (result.status >= 500) return `HTTP ${result.status}: ${JSON.stringify(result.errors)}`;
  for (const error of result.errors ?? []) {
    const code = error.extensions?.code;
    if (!code || code === 'INTERNAL_SERVER_ERROR') return `error without a stable code: ${JSON.stringify(error)}`;
  }
  return null;
}

describe('GraphQL fuzz: arbitrary input never causes an internal error', () => {
  let db: TestDatabase;
  let platform: Platform;
  const clients = new Map<string, TestClient>();
  /** Open tasks, for the hand-written cases. */
  const ids = { tasks: [] as string[] };
  let cursors: string[] = [];
  const demoXml = readFixture('runtime-demo.bpmn');
  /** Every query and mutation of the live schema, with the document sent for it. */
  let operations: { op: FuzzOperation; document: string }[] = [];
  /** Every id the database held after setup: cases, tasks, records of all municipalities. */
  let knownIds: string[] = [];
  /** The ids of each table's rows after setup, by table. */
  let idsByTable = new Map<string, string[]>();

  beforeAll(async () => {
    db = await createTestDatabase();
    // The rate limit would turn the fuzzer's own traffic into RATE_LIMITED answers and hide the inputs.
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn'), rateLimitPerMinute: 1_000_000 });
    for (const user of USERS.filter((u) => u !== INTEGRATION)) clients.set(user, await TestClient.as(platform, user));
    // The zaaksysteem's service account is a Keycloak client, not a demo user: signed like incident-high-impact-breach does.
    const integrationToken = await platform.devIdentity!.sign({ username: INTEGRATION, realmRoles: ['integratie'], tenants: MUNICIPALITIES }, 'zaaksysteem');
    clients.set(INTEGRATION, new TestClient(platform, integrationToken));
    const allRoles = [...new Set(platform.devIdentity!['options'].directory.users.flatMap((u: { realmRoles: string[] }) => u.realmRoles))] as string[];
    clients.set(ALL_ROLES, new TestClient(platform, await platform.devIdentity!.sign({ username: ALL_ROLES, realmRoles: allRoles, tenants: ['putten'] }, 'privacyflow-web')));
    const deployer = clients.get('procesbeheerder.putten')!;
    await deployer.ok(DEPLOY, { xml: demoXml, name: 'demo' });
    await clients.get('procesbeheerder.putten')!.ok(DEPLOY, { xml: demoXml, name: 'demo' });
    const bunschoten = await TestClient.as(platform, 'procesbeheerder.bunschoten');
    await bunschoten.ok(DEPLOY, { xml: demoXml, name: 'demo' });
    for (const [user, n] of [['medewerker.putten', 3], ['medewerker.bunschoten', 2]] as const) {
      for (let i = 0; i < n; i++) {
        await clients.get(user)!.ok(START, { key: 'runtime-demo', businessKey: `FUZZ-${user}-${i}`, variables: { approvalTimeout: 'P3D' } });
        await clients.get(user)!.ok(REPORT_INCIDENT, { report: aReport() });
      }
    }
    // A case of every kind in two municipalities, with the records that hang off them, so that the
    // fuzzer's ids find something (its own municipality's) or something it may not see (the other's).
    for (const tenant of ['putten', 'bunschoten']) {
      const everyRole = new TestClient(platform, await platform.devIdentity!.sign({ username: `alle-rollen.${tenant}`, realmRoles: allRoles, tenants: [tenant] }, 'privacyflow-web'));
      const employee = await TestClient.as(platform, `medewerker.${tenant}`);
      const breach = (await employee.ok(REPORT_INCIDENT, { report: aBreachReport(5) })).reportIncident;
      await everyRole.ok(REGISTER_EVIDENCE, { incidentId: breach.id, item: VALID_INPUTS.EvidenceInput });
      await everyRole.ok(PLAN_MEASURE, { incidentId: breach.id, measure: { description: 'Autoaanvulling uit', dueDate: '2027-06-01', owner: `ciso.${tenant}` } });
      const request = (await employee.ok(REGISTER_REQUEST, { request: anAccessRequest() })).registerDataSubjectRequest;
      const pb = await TestClient.as(platform, `privacybeheerder.${tenant}`);
      await perform(pb, request.instanceId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'balie' });
      await perform(pb, request.instanceId, 'SettleInformally', { verzoekIngetrokken: false });
      await perform(pb, request.instanceId, 'Acknowledge', { verdagen: false });
      const [owner, fg] = await Promise.all([`proceseigenaar.${tenant}`, 'fg'].map((u) => TestClient.as(platform, u)));
      const dpia = (await owner.ok(SIGNAL_NEW_PROCESSING, { processing: aProcessing(), signal: 'Nieuwe parkeerapp' })).signalNewProcessing;
      await perform(fg, dpia.instanceId, 'FgAdviceToOwner', { ownerAdvice: 'Een DPIA ligt voor de hand.', dpiaAdvised: true });
      await perform(owner, dpia.instanceId, 'AssignToPb', { assignmentNote: 'DPIA uitvoeren' });
      await perform(pb, dpia.instanceId, 'Quickscan', quickscanValues({ edpb: ['systematic_monitoring', 'large_scale'] }));
      await perform(pb, dpia.instanceId, 'FormDpiaTeam', { teamMembers: `privacybeheerder.${tenant}, ciso.${tenant}` });
      await pb.ok(RECORD_RISKS, { dpiaId: dpia.id, risks: [{ code: 'R1', title: 'Te lang bewaren', before: { likelihood: 3, impact: 3 } }] });
      await pb.ok(PLAN_DPIA_MEASURE, { dpiaId: dpia.id, measure: { ...(VALID_INPUTS.DpiaMeasureInput as object), riskCode: 'R1', owner: `ciso.${tenant}` } });
    }
    for (const user of ['medewerker.putten', 'medewerker.bunschoten', 'ciso.putten']) {
      const inbox = await clients.get(user)!.ok(INBOX, { first: 2 });
      ids.tasks.push(...inbox.tasks.edges.map((e: any) => e.node.id));
      cursors.push(...inbox.tasks.edges.map((e: any) => e.cursor));
    }
    const audit = await clients.get('fg')!.gql(DOCS.audit, { first: 2, filter: { tenantId: 'putten' } });
    cursors.push(...(audit.data?.auditLog.edges ?? []).map((e: any) => e.cursor));
    cursors = cursors.filter(Boolean);
    knownIds = await everyUuid();
    idsByTable = await idsOfEveryTable();

    const introspection = await clients.get(ALL_ROLES)!.ok<IntrospectionQuery>(getIntrospectionQuery());
    operations = [];
    for (const op of schemaOperations(buildClientSchema(introspection))) operations.push({ op, document: await deepestAffordableDocument(op) });
  }, 300_000);

  /** Every distinct value of every uuid column. */
  async function everyUuid(): Promise<string[]> {
    const columns: { table_name: string; column_name: string }[] = await platform.database.dataSource.query(
      `SELECT DISTINCT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'uuid'`);
    const found = new Set<string>();
    for (const { table_name, column_name } of columns) {
      for (const r of await platform.database.dataSource.query(`SELECT DISTINCT "${column_name}"::text AS id FROM "${table_name}" WHERE "${column_name}" IS NOT NULL`)) found.add(r.id);
    }
    return [...found];
  }

  async function idsOfEveryTable(): Promise<Map<string, string[]>> {
    const tables: { table_name: string }[] = await platform.database.dataSource.query(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid' ORDER BY 1`);
    const byTable = new Map<string, string[]>();
    for (const { table_name } of tables) {
      const rows: { id: string }[] = await platform.database.dataSource.query(`SELECT id::text AS id FROM "${table_name}"`);
      if (rows.length) byTable.set(table_name, rows.map((r) => r.id));
    }
    return byTable;
  }

  /**
   * The document selecting the result three levels deep, or less when that is over the cost or
   * depth limit for a valid input: a refused document would never reach the resolver.
   */
  async function deepestAffordableDocument(op: FuzzOperation): Promise<string> {
    const variables = Object.fromEntries(op.field.args.filter((a) => a.type.toString().endsWith('!')).map((a) => [a.name, sampleInput(a.type, VALID, a.description ?? '')]));
    for (const depth of [3, 2]) {
      const document = fuzzDocument(op, depth);
      const result = await clients.get(ALL_ROLES)!.gql(document, variables);
      const code = result.errors?.[0]?.extensions?.code;
      if (code !== 'QUERY_TOO_COSTLY' && code !== 'QUERY_TOO_DEEP') return document;
    }
    return fuzzDocument(op, 1);
  }

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  const auditCount = async () => Number((await platform.database.dataSource.query('SELECT count(*)::int AS n FROM audit_entry'))[0].n);

  // Counterexamples the fuzzer found, kept as ordinary cases (each was an INTERNAL_SERVER_ERROR).
  it('refuses variables that do not fit their types with BAD_USER_INPUT (was: internal error from the cost plugin)', async () => {
    const client = clients.get('medewerker.putten')!;
    for (const variables of [{ first: 5e-324 }, { first: 4e180 }, { after: 7 }]) {
      const result = await client.gql(INBOX, variables);
      expect(result.status).toBe(400);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const report = await client.gql(REPORT_INCIDENT, { report: { ...aReport(), whatHappened: undefined, reporterContact: 'x' } });
    expect(report.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a NUL character or an unpaired surrogate with UNSTORABLE_TEXT and changes nothing (seed 1801400192: correlateMessage name "a\\u0000b")', async () => {
    const before = await auditCount();
    const cases: [string, string, Record<string, unknown>][] = [
      ['regionale-ciso', DOCS.correlateTenant, { name: 'a\u0000b', businessKey: '', tenantId: 'putten', variables: {} }],
      ['medewerker.putten', COMPLETE, { id: ids.tasks[0], values: { comment: 'x\ud800' } }],
      ['medewerker.putten', COMPLETE, { id: ids.tasks[0], values: { ['k\u0000']: 1 } }],
      ['medewerker.putten', REPORT_INCIDENT, { report: aReport({ whatHappened: 'pc\u0000kapot' }) }],
      ['medewerker.putten', `mutation { startProcess(key: "runtime-demo", businessKey: "\\u0000") { id } }`, {}],
    ];
    for (const [user, query, variables] of cases) {
      const result = await clients.get(user)!.gql(query, variables);
      expect(result.status).toBe(400);
      expect(result.errors?.[0].extensions?.code).toBe('UNSTORABLE_TEXT');
    }
    expect(await auditCount()).toBe(before);
    // Astral characters are proper surrogate pairs and are stored as sent.
    const ok = await clients.get('medewerker.putten')!.gql(REPORT_INCIDENT, { report: aReport({ whatHappened: 'De 💻 is weg 🙈' }) });
    expect(ok.errors).toBeUndefined();
  });

  it('refuses an assignee name longer than an index entry with INVALID_ASSIGNEE and changes nothing (was: internal error "index row size exceeds maximum")', async () => {
    const before = await auditCount();
    const coordinator = clients.get('ciso.putten')!;
    for (const userId of ['x'.repeat(70_000), '   ']) {
      const result = await coordinator.gql(ASSIGN, { id: ids.tasks[0], userId });
      expect(result.errors?.[0].extensions?.code).toBe('INVALID_ASSIGNEE');
    }
    expect(await auditCount()).toBe(before);
  });

  it('checks variables nested deeper than the call stack without failing itself', async () => {
    // Written by hand: JSON.stringify itself cannot nest this deep.
    const deep = '['.repeat(100_000) + '"x"' + ']'.repeat(100_000);
    const body = `{"query":${JSON.stringify(COMPLETE)},"variables":{"id":"${ids.tasks[0]}","values":{"deep":${deep}}}}`;
    const res = await supertest(platform.url).post('/graphql').set('Authorization', `Bearer ${await platform.devIdentity!.issueForUser('medewerker.putten')}`)
      .set('Content-Type', 'application/json').send(body);
    expect(internalFailure({ status: res.status, errors: res.body.errors })).toBeNull();
  });

  it('refuses a business key or reportedBy too long to index with a typed error (seed 959987068: startProcess businessKey of 5000 characters)', async () => {
    const long = 'x'.repeat(5_000);
    const tooLong = await clients.get('medewerker.putten')!.gql(START, { key: 'runtime-demo', businessKey: long, variables: { approvalTimeout: 'P3D' } });
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'INVALID_BUSINESS_KEY', limit: 255 });
    const reporter = await clients.get(INTEGRATION)!.gql(START, { key: 'incident-management', tenantId: 'putten', variables: { reportedBy: long } });
    expect(reporter.errors?.[0].extensions?.code).toBe('INVALID_VARIABLES');
  });

  /** Strings a careless implementation trips over: NUL, lone surrogates, huge, numbers-as-text, SQL/LIKE metacharacters. */
  const nastyString = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', 'NaN', 'Infinity', '-Infinity', '1e309', '-0', '%', '_', '\\', "'; DROP TABLE user_task; --", '${x}', '{{x}}', 'null', 'undefined', '__proto__', 'constructor'),
    fc.string({ minLength: 5_000, maxLength: 70_000, unit: 'grapheme-ascii' }),
  );
  /** Ids that mean nothing: random, malformed (one character short, upper case, braces, a letter beyond f), not ids at all. */
  const strangeId = fc.oneof(
    fc.uuid(), fc.uuid().map((u) => u.slice(1)), fc.uuid().map((u) => u.toUpperCase()), fc.uuid().map((u) => `{${u}}`), fc.uuid().map((u) => `g${u.slice(1)}`),
    fc.constant('00000000-0000-0000-0000-000000000000'), nastyString, fc.integer().map(String),
  );
  /**
   * Mostly an id that exists: of the kind the name asks for (dpiaId: a DPIA of either municipality),
   * or of any other kind; otherwise one that means nothing.
   */
  const id = (name = 'id') => {
    const stem = name.replace(/Ids?$/, '').toLowerCase();
    const ofKind = [...idsByTable].filter(([table]) => stem !== '' && table.replace(/_/g, '').includes(stem)).flatMap(([, tableIds]) => tableIds);
    return fc.oneof(
      ...(ofKind.length ? [{ weight: 4, arbitrary: fc.constantFrom(...ofKind) }] : []),
      { weight: 2, arbitrary: fc.constantFrom(...knownIds) },
      { weight: 2, arbitrary: strangeId },
    );
  };
  const tenantId = fc.oneof(fc.constantFrom('putten', 'leusden', 'bunschoten', 'nijkerk', 'amsterdam', 'PUTTEN'), nastyString);
  // Dates near today (deadlines, periods) weigh most: a date that parses is what reaches the domain's checks.
  const nearToday = fc.integer({ min: -800, max: 800 }).map((days) => new Date(Date.now() + days * 86_400_000));
  const dateTime = fc.oneof(
    { weight: 3, arbitrary: nearToday.map((d) => d.toISOString()) },
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('2024-02-30T00:00:00Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0000-01-01T00:00:00Z', '2024-01-01', 'NaN'),
    nastyString,
  );
  const ymd = fc.oneof({ weight: 3, arbitrary: nearToday.map((d) => d.toISOString().slice(0, 10)) }, fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('2024-02-30', '9999-99-99', '0000-00-00'), nastyString);
  const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 2 ** 31 - 1, 2 ** 53, 1e308));
  const json = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(nastyString, fc.oneof(nastyString, number, fc.boolean(), fc.constant(null), fc.constantFrom('NaN', 'Infinity', '-Infinity'))),
    // Deep nesting: more levels than any form or JSON column expects.
    fc.integer({ min: 50, max: 400 }).map((depth) => { let v: unknown = 'x'; for (let i = 0; i < depth; i++) v = { a: v }; return v; }),
  );
  const jsonObject = fc.oneof({ weight: 4, arbitrary: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('approved', 'comment', 'decision', 'amount', 'approvalTimeout', 'reportedBy', '__proto__')), json) }, { weight: 1, arbitrary: json });
  const cursor = () =>
    fc.oneof(
      fc.constantFrom(...cursors),
      nastyString,
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
      fc.string().map((s) => Buffer.from(`seq:${s}`).toString('base64url')),
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => Buffer.from(`seq:${n}`).toString('base64url')),
    );
  const xml = fc.oneof(
    nastyString,
    // The demo diagram with a slice cut out and/or something spliced in.
    fc.tuple(fc.nat(demoXml.length), fc.nat(2000), fc.oneof(fc.string(), fc.constantFrom('<', '>', '"', '<bpmn:scriptTask id="s"><bpmn:script>1</bpmn:script></bpmn:scriptTask>', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', '&e;', '<![CDATA[', ']]>', '<?xml version="1.0"?>', 'xmlns:x="urn:x"'))).map(
      ([at, cut, insert]) => demoXml.slice(0, at) + insert + demoXml.slice(at + cut),
    ),
    fc.array(fc.tuple(fc.constantFrom('bpmn:definitions', 'bpmn:process', 'bpmn:userTask', 'bpmn:startEvent', 'x', 'bpmn:sequenceFlow'), fc.string()), { maxLength: 30 }).map(
      (parts) => `<?xml version="1.0"?>` + parts.map(([tag, body]) => `<${tag} id="${body.replace(/"/g, '')}">`).join('') + parts.map(([tag]) => `</${tag}>`).reverse().join(''),
    ),
  );
  const businessKey = fc.oneof(fc.constantFrom('FUZZ-medewerker.putten-0', 'FUZZ-medewerker.bunschoten-0'), nastyString);
  const user = fc.oneof(fc.constantFrom(...USERS, 'ciso.bunschoten', 'irt.bunschoten', 'onbekend.putten'), nastyString);
  const oneOf = (...values: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: nastyString });

  /** What the schema-driven generator draws from: by scalar type, and by argument or field name where that says more. */
  const vocabulary = (): FuzzVocabulary => ({
    id,
    scalars: {
      String: nastyString,
      Int: fc.oneof(fc.integer({ min: -3, max: 60 }), fc.integer(), fc.constantFrom(2 ** 31 - 1, -(2 ** 31), 2025, 2026, 2027, 1, 2), fc.constantFrom(2 ** 31, 2 ** 53, 1e308, 5e-324, 1.5, -0)),
      Float: number,
      Boolean: fc.boolean(),
      DateTimeISO: dateTime,
      JSON: json,
      JSONObject: jsonObject,
    },
    byName: [
      { name: /^tenantId$/, values: tenantId },
      { name: /^after$/, values: cursor() },
      { name: /^xml$/, values: xml },
      { name: /^key$/, values: oneOf('runtime-demo', 'incident-management', 'incident-triage', 'data-leak-smd', 'dpia', 'data-subject-request') },
      { name: /^businessKey$/, values: businessKey },
      { name: /^(userId|owner|to|onBehalfOf|actor)$/, values: user },
      { name: /^sha256$/, values: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), nastyString) },
      { name: /^contentBase64$/, values: fc.oneof(fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b).toString('base64')), fc.constantFrom('====', 'a', '@@@'), nastyString) },
      { name: /^bsn$/, values: oneOf('111222333', '999993653', '123456789') },
      { name: /^classificationCode$/, values: oneOf(aReport().classificationCode, aBreachReport(1).classificationCode) },
      { name: /^kind$/, values: oneOf('digital', 'physical') },
      { name: /^right$/, values: oneOf('access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'automated_decision') },
      { name: /^channel$/, values: oneOf('post', 'email', 'balie', 'telefoon') },
      { name: /^status$/, values: oneOf('reported', 'closed', 'planned', 'in_progress', 'done', 'open', 'registered') },
      { name: /^requestReference$/, values: oneOf('AVG-2026-00001', 'AVG-0-0') },
      { name: /^name$/, values: oneOf('Burgerzaken', 'Baliemedewerker Burgerzaken', 'J. de Vries', 'Risk') },
      // Dates written as text: a calendar day, or a moment.
      { name: /(Date|dateOfBirth)$/, values: ymd },
      { name: /[a-z](At|From|To|Before)$/, values: dateTime },
    ],
    day: ymd,
    wrongType: fc.jsonValue({ maxDepth: 2 }),
    validInputs: VALID,
  });

  /** The arbitraries of every operation, or the operations the generator cannot fill, each named. */
  function buildRequests() {
    const words = vocabulary();
    const built = new Map<string, { document: string; variables: fc.Arbitrary<Record<string, unknown>> }>();
    const unfuzzable: string[] = [];
    for (const { op, document } of operations) {
      try {
        built.set(op.name, { document, variables: argumentsArbitrary(op, words) });
      } catch (error) {
        if (!(error instanceof UnfuzzableOperationError)) throw error;
        unfuzzable.push(error.message);
      }
    }
    return { built, unfuzzable };
  }

  it('finds every query and mutation of the live schema and can generate inputs for each', () => {
    expect(operations.map(({ op }) => op.name)).toEqual(expect.arrayContaining(['tasks', 'me', 'incidentClassifications', 'completeTask', 'uploadEvidence', 'recordDpiaRisks', 'registerDataSubjectRequest']));
    expect(buildRequests().unfuzzable).toEqual([]);
  });

  it(`answers every arbitrary input to every operation with a typed error or data, never an internal error (≤ ${RUNS} inputs, ≤ ${TIME_LIMIT_MS} ms)`, async () => {
    const { built, unfuzzable } = buildRequests();
    // No silent skipping: an operation without inputs is a failure of this test, by name.
    if (unfuzzable.length) throw new Error(`the fuzz generator cannot cover:\n${unfuzzable.join('\n')}`);
    const names = [...built.keys()];
    const request = fc.record({ user: fc.constantFrom(...USERS, ALL_ROLES), op: fc.constantFrom(...names) }).chain(({ user, op }) =>
      built.get(op)!.variables.map((variables) => ({ user, op, query: built.get(op)!.document, variables })),
    );
    let tried = 0;
    const perOperation = new Map<string, { sent: number; reached: number }>();
    const byCode = new Map<string, number>();
    const property = fc.asyncProperty(request, async ({ user, op, query, variables }) => {
      tried++;
      const result = await clients.get(user)!.gql(query, variables);
      const seen = perOperation.get(op) ?? { sent: 0, reached: 0 };
      seen.sent++;
      // Past parsing and variable coercion: the resolver ran (data, or an error at a path of the result).
      if (result.data || result.errors?.some((e) => e.path)) seen.reached++;
      perOperation.set(op, seen);
      for (const error of result.errors ?? []) byCode.set(String(error.extensions?.code ?? '(none)'), (byCode.get(String(error.extensions?.code ?? '(none)')) ?? 0) + 1);
      if (!result.errors?.length) byCode.set('(data)', (byCode.get('(data)') ?? 0) + 1);
      const failure = internalFailure(result);
      if (failure) throw new Error(`${op} as ${user}: ${failure}`);
    });
    try {
      await fc.assert(property, { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, seed: SEED, endOnFailure: false });
    } finally {
      // The lead copies these lines into the issue note.
      const codes = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
      const unreached = names.filter((n) => !perOperation.get(n)?.reached);
      console.log(`[fuzz] ${tried} GraphQL inputs tried over ${perOperation.size} of ${names.length} operations of the schema in ≤ ${TIME_LIMIT_MS} ms (${db.kind})\n` +
        `[fuzz] answers by code: ${codes}\n` +
        `[fuzz] inputs per operation (sent/reached the resolver): ${[...perOperation].sort().map(([n, c]) => `${n} ${c.sent}/${c.reached}`).join(', ')}` +
        (unreached.length ? `\n[fuzz] never reached the resolver: ${unreached.join(', ')}` : ''));
    }
    // Every operation of the schema was sent inputs, and some of them got past validation.
    expect(names.filter((n) => !perOperation.get(n)?.sent)).toEqual([]);
    expect(names.filter((n) => !perOperation.get(n)?.reached)).toEqual([]);
    expect(byCode.get('INTERNAL_SERVER_ERROR') ?? 0).toBe(0);
  }, TIME_LIMIT_MS + 300_000);

  it('leaves every audit chain intact and writes nothing for a municipality that does not exist', async () => {
    const reports = await verifyAllChains((sql, params) => platform.database.dataSource.query(sql, params));
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    const tables: { table_name: string }[] = await platform.database.dataSource.query(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`);
    const strays: string[] = [];
    for (const { table_name } of tables) {
      // '*' is the audit trail of the process definitions, which all municipalities share.
      const rows = await platform.database.dataSource.query(`SELECT DISTINCT tenant_id FROM "${table_name}" WHERE tenant_id IS NOT NULL AND tenant_id <> ALL($1)`, [[...MUNICIPALITIES, '*']]);
      strays.push(...rows.map((r: { tenant_id: string }) => `${table_name}: ${r.tenant_id}`));
    }
    expect(strays).toEqual([]);
  });
});
