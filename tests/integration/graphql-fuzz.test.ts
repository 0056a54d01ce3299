import path from 'node:path';
import fc from 'fast-check';
import supertest from 'supertest';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { GraphQLResult, readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { ASSIGN, CLAIM, COMPLETE, CORRELATE, DEPLOY, INBOX, INSTANCE, START, TASK, UNCLAIM } from '../support/operations';
import { aReport, INCIDENT, RECORD_AP_ACKNOWLEDGEMENT, REGISTER, REPORT_INCIDENT, REPORT_VIA_INTEGRATION, UPDATE_AP_NOTIFICATION } from '../support/incident-operations';

/**
 * Issue 8.3: arbitrary input to every argument of the GraphQL API never ends in an internal error.
 * Bounded by FUZZ_RUNS inputs and FUZZ_TIME_LIMIT_MS (whichever comes first); FUZZ_SEED replays a run.
 */
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 60_000);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const INTEGRATION = 'service-account-zaaksysteem';
const USERS = [
  'medewerker.putten', 'medewerker2.putten', 'procesbeheerder.putten', 'ciso.putten', 'systeembeheer.putten',
  'privacybeheerder.putten', 'gemeentesecretaris.putten', 'fg', 'regionale-ciso', 'service-account-zaaksysteem',
  'medewerker.bunschoten',
];

const DOCS = {
  audit: `query Audit($after: String, $filter: AuditLogFilterInput, $first: Int) {
    auditLog(after: $after, filter: $filter, first: $first) { tenantId pageInfo { endCursor hasNextPage } edges { cursor node { seq action } } } }`,
  csv: `query Csv($filter: IncidentRegisterFilterInput) { incidentRegisterCsv(filter: $filter) }`,
  propose: `query Propose($answers: BreachAssessmentInput!) { proposeBreachNotification(answers: $answers) { notifyAp informSubjects reasons } }`,
  definitions: `query Defs($allVersions: Boolean) { processDefinitions(allVersions: $allVersions) { id key version } }`,
  logNote: `mutation Note($incidentId: ID!, $occurredAt: DateTimeISO, $text: String!) {
    addIncidentLogNote(incidentId: $incidentId, occurredAt: $occurredAt, text: $text) { at text } }`,
  planMeasure: `mutation Plan($incidentId: ID!, $measure: MeasureInput!) { planImprovementMeasure(incidentId: $incidentId, measure: $measure) { id status } }`,
  measureDone: `mutation Done($measureId: ID!, $note: String!) { reportImprovementMeasureDone(measureId: $measureId, note: $note) { id status } }`,
  checkMeasure: `mutation Check($measureId: ID!, $effective: Boolean!, $finding: String!) {
    checkImprovementMeasure(measureId: $measureId, effective: $effective, finding: $finding) { id status } }`,
  registerEvidence: `mutation Ev($incidentId: ID!, $item: EvidenceInput!) { registerEvidence(incidentId: $incidentId, item: $item) { id number } }`,
  handOver: `mutation Hand($itemId: ID!, $handOver: EvidenceHandOverInput!) { handOverEvidence(itemId: $itemId, handOver: $handOver) { id holder } }`,
  receipt: `mutation Receipt($itemId: ID!) { confirmEvidenceReceipt(itemId: $itemId) { id holder } }`,
  hours: `mutation Hours($incidentId: ID!, $hours: HoursInput!) { recordIncidentHours(incidentId: $incidentId, hours: $hours) { hours } }`,
  retention: `query Retention($tenantId: String, $first: Int) { retentionStatus(tenantId: $tenantId, first: $first) { tenantId upcoming { caseId dueAt } } }`,
  exportPerson: `query Export($person: PersonIdentifiersInput!, $tenantId: String) { personalDataExport(person: $person, tenantId: $tenantId) { subject cases { caseId hold { reason } } } }`,
  erasePerson: `mutation Erase($input: ErasePersonalDataInput!, $tenantId: String) { erasePersonalData(input: $input, tenantId: $tenantId) { subject cases { caseId } } }`,
  correlateTenant: `mutation CorrelateT($name: String!, $businessKey: String!, $tenantId: String, $variables: JSONObject) {
    correlateMessage(name: $name, businessKey: $businessKey, tenantId: $tenantId, variables: $variables) { id } }`,
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
  const ids = { tasks: [] as string[], instances: [] as string[], incidents: [] as string[], definitions: [] as string[] };
  let cursors: string[] = [];
  const demoXml = readFixture('runtime-demo.bpmn');

  beforeAll(async () => {
    db = await createTestDatabase();
    // The rate limit would turn the fuzzer's own traffic into RATE_LIMITED answers and hide the inputs.
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn'), rateLimitPerMinute: 1_000_000 });
    for (const user of USERS.filter((u) => u !== INTEGRATION)) clients.set(user, await TestClient.as(platform, user));
    // The zaaksysteem's service account is a Keycloak client, not a demo user: signed like incident-high-impact-breach does.
    const integrationToken = await platform.devIdentity!.sign({ username: INTEGRATION, realmRoles: ['integratie'], tenants: ['bunschoten', 'leusden', 'nijkerk', 'putten'] }, 'zaaksysteem');
    clients.set(INTEGRATION, new TestClient(platform, integrationToken));
    const deployer = clients.get('procesbeheerder.putten')!;
    const deployed = await deployer.ok(DEPLOY, { xml: demoXml, name: 'demo' });
    ids.definitions.push(deployed.deployProcess.definition.id);
    await clients.get('procesbeheerder.putten')!.ok(DEPLOY, { xml: demoXml, name: 'demo' });
    const bunschoten = await TestClient.as(platform, 'procesbeheerder.bunschoten');
    await bunschoten.ok(DEPLOY, { xml: demoXml, name: 'demo' });
    for (const [user, n] of [['medewerker.putten', 3], ['medewerker.bunschoten', 2]] as const) {
      for (let i = 0; i < n; i++) {
        const { startProcess } = await clients.get(user)!.ok(START, { key: 'runtime-demo', businessKey: `FUZZ-${user}-${i}`, variables: { approvalTimeout: 'P3D' } });
        ids.instances.push(startProcess.id);
        const { reportIncident } = await clients.get(user)!.ok(REPORT_INCIDENT, { report: aReport() });
        ids.incidents.push(reportIncident.id);
        ids.instances.push(reportIncident.instanceId);
      }
    }
    for (const user of ['medewerker.putten', 'medewerker.bunschoten', 'ciso.putten']) {
      const inbox = await clients.get(user)!.ok(INBOX, { first: 2 });
      ids.tasks.push(...inbox.tasks.edges.map((e: any) => e.node.id));
      cursors.push(...inbox.tasks.edges.map((e: any) => e.cursor));
    }
    const audit = await clients.get('fg')!.gql(DOCS.audit, { first: 2, filter: { tenantId: 'putten' } });
    cursors.push(...(audit.data?.auditLog.edges ?? []).map((e: any) => e.cursor));
    cursors = cursors.filter(Boolean);
  });

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
  const loose = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 10, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const id = () =>
    fc.oneof(
      fc.constantFrom(...ids.tasks, ...ids.instances, ...ids.incidents, ...ids.definitions),
      fc.uuid(),
      fc.constant('00000000-0000-0000-0000-000000000000'),
      nastyString,
      fc.integer().map(String),
    );
  const tenantId = fc.oneof(fc.constantFrom('putten', 'leusden', 'bunschoten', 'nijkerk', 'amsterdam', 'PUTTEN'), nastyString);
  const dateTime = fc.oneof(
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('2024-02-30T00:00:00Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0000-01-01T00:00:00Z', '2024-01-01', 'NaN'),
    nastyString,
  );
  const ymd = fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('2024-02-30', '9999-99-99', '0000-00-00'), nastyString);
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
  const strings = (arb: fc.Arbitrary<string>) => loose(fc.array(arb, { maxLength: 6 }));
  const report = fc.record(
    {
      whatHappened: loose(nastyString), noticedBy: loose(nastyString), occurredAt: loose(dateTime), discoveredAt: loose(dateTime), cause: loose(nastyString),
      discoveryMethod: loose(nastyString), affected: loose(nastyString), possibleImpact: loose(nastyString), personalDataSuspected: loose(fc.boolean()),
      classificationCode: loose(fc.oneof(fc.constant(aReport().classificationCode), nastyString)),
      anonymous: loose(fc.boolean()), onBehalfOf: loose(fc.oneof(fc.constantFrom(...USERS), nastyString)), reporterName: loose(nastyString), reporterContact: loose(nastyString),
    },
    { requiredKeys: [] },
  );
  // Mostly a valid report with one or two fields made hostile, so the input gets past the first check.
  const nearlyValidReport = fc.oneof(report, report.map((r) => ({ ...aReport(), ...r })));
  const person = loose(fc.record({ name: loose(nastyString), email: loose(nastyString), phone: loose(nastyString), function: loose(nastyString) }, { requiredKeys: [] }));
  const apForm = fc.record(
    {
      approxRecords: loose(number), subjectsMin: loose(number), subjectsMax: loose(number), breachStartedAt: loose(dateTime), breachEndedAt: loose(dateTime),
      summary: loose(nastyString), severity: loose(nastyString), natureOfBreach: strings(nastyString), dataCategories: strings(nastyString),
      specialCategories: strings(nastyString), consequencesForPersons: strings(nastyString), subjectGroups: strings(nastyString), incidentTypes: strings(nastyString),
      crossBorder: loose(fc.boolean()), otherOrganisationInvolved: loose(fc.boolean()), contact: person, notifier: person, ongoing: loose(nastyString),
      legalBasis: loose(nastyString), organisationName: loose(nastyString), unintelligible: loose(nastyString),
    },
    { requiredKeys: [] },
  );
  // Identifiers that find something (the reports' texts) as well as hostile ones.
  const personIdentifiers = fc.record(
    { bsn: loose(fc.oneof(fc.constantFrom('111222333', '999993653'), nastyString)), name: loose(fc.oneof(fc.constantFrom('Burgerzaken', 'Baliemedewerker Burgerzaken'), nastyString)), email: loose(nastyString) },
    { requiredKeys: [] },
  );
  const filter = (fields: Record<string, fc.Arbitrary<unknown>>) => loose(fc.record(fields, { requiredKeys: [] }));

  /** One arbitrary request per operation of schema/schema.graphql that takes an argument. */
  const operations = () => ({
    tasks: fc.record({
      filter: filter({ dueBefore: loose(dateTime), instanceId: loose(id()), overdue: loose(fc.boolean()), processKey: loose(nastyString), scope: loose(fc.oneof(fc.constantFrom('assignedToMe', 'candidate', 'supervised', 'unassigned'), nastyString)), search: loose(nastyString), tenantId: loose(tenantId) }),
      first: loose(number), after: loose(cursor()),
    }).map((v) => [INBOX, v] as const),
    task: fc.record({ id: loose(id()) }).map((v) => [TASK, v] as const),
    processInstance: fc.record({ id: loose(id()) }).map((v) => [INSTANCE, v] as const),
    incident: fc.record({ id: loose(id()) }).map((v) => [INCIDENT, v] as const),
    incidentRegister: fc.record({
      filter: filter({ classificationTable: loose(nastyString), impact: strings(nastyString), personalData: loose(fc.boolean()), reportedFrom: loose(dateTime), reportedTo: loose(dateTime), status: strings(fc.oneof(fc.constantFrom('reported', 'closed'), nastyString)), tenantId: loose(tenantId) }),
      first: loose(number), offset: loose(number),
    }).map((v) => [REGISTER, v] as const),
    incidentRegisterCsv: fc.record({ filter: filter({ status: strings(nastyString), tenantId: loose(tenantId), reportedFrom: loose(dateTime) }) }).map((v) => [DOCS.csv, v] as const),
    auditLog: fc.record({
      after: loose(cursor()), first: loose(number),
      filter: filter({ action: loose(nastyString), actor: loose(nastyString), from: loose(dateTime), to: loose(dateTime), instanceId: loose(id()), tenantId: loose(tenantId) }),
    }).map((v) => [DOCS.audit, v] as const),
    proposeBreachNotification: fc.record({
      answers: loose(fc.record({
        approxDataSubjects: loose(number), dataUnintelligible: loose(fc.boolean()), likelyConsequences: loose(nastyString), lossOrUnlawfulProcessing: loose(fc.boolean()),
        natureAndScale: loose(nastyString), sensitiveData: loose(fc.boolean()), specialCategories: loose(fc.boolean()), vulnerableSubjects: loose(fc.boolean()),
      }, { requiredKeys: [] })),
    }).map((v) => [DOCS.propose, v] as const),
    processDefinitions: fc.record({ allVersions: loose(fc.boolean()) }).map((v) => [DOCS.definitions, v] as const),
    claimTask: fc.record({ id: loose(id()) }).map((v) => [CLAIM, v] as const),
    unclaimTask: fc.record({ id: loose(id()) }).map((v) => [UNCLAIM, v] as const),
    assignTask: fc.record({ id: loose(id()), userId: loose(fc.oneof(fc.constantFrom(...USERS), nastyString)) }).map((v) => [ASSIGN, v] as const),
    completeTask: fc.record({ id: loose(id()), values: loose(jsonObject) }).map((v) => [COMPLETE, v] as const),
    correlateMessage: fc.record({ name: loose(nastyString), businessKey: loose(businessKey), variables: loose(jsonObject) }).map((v) => [CORRELATE, v] as const),
    correlateMessageTenant: fc.record({ name: loose(nastyString), businessKey: loose(businessKey), tenantId: loose(tenantId), variables: loose(jsonObject) }).map((v) => [DOCS.correlateTenant, v] as const),
    deployProcess: fc.record({ name: loose(nastyString), xml: loose(xml) }).map((v) => [DEPLOY, v] as const),
    startProcess: fc.record({
      key: loose(fc.oneof(fc.constantFrom('runtime-demo', 'incident-management', 'incident-triage', 'data-leak-smd'), nastyString)),
      businessKey: loose(nastyString), tenantId: loose(tenantId), variables: loose(jsonObject),
    }).map((v) => [START, v] as const),
    reportIncident: fc.record({ report: loose(nearlyValidReport), tenantId: loose(tenantId) }).map((v) => [REPORT_INCIDENT, v] as const),
    reportIncidentViaIntegration: fc.record({ report: loose(nearlyValidReport), tenantId: loose(tenantId) }).map((v) => [REPORT_VIA_INTEGRATION, v] as const),
    addIncidentLogNote: fc.record({ incidentId: loose(id()), occurredAt: loose(dateTime), text: loose(nastyString) }).map((v) => [DOCS.logNote, v] as const),
    planImprovementMeasure: fc.record({
      incidentId: loose(id()),
      measure: loose(fc.record({ description: loose(nastyString), dueDate: loose(ymd), owner: loose(fc.oneof(fc.constantFrom(...USERS), nastyString)) }, { requiredKeys: [] })),
    }).map((v) => [DOCS.planMeasure, v] as const),
    reportImprovementMeasureDone: fc.record({ measureId: loose(id()), note: loose(nastyString) }).map((v) => [DOCS.measureDone, v] as const),
    checkImprovementMeasure: fc.record({ measureId: loose(id()), effective: loose(fc.boolean()), finding: loose(nastyString) }).map((v) => [DOCS.checkMeasure, v] as const),
    registerEvidence: fc.record({
      incidentId: loose(id()),
      item: loose(fc.record({ description: loose(nastyString), kind: loose(fc.oneof(fc.constantFrom('digital', 'physical'), nastyString)), reason: loose(nastyString), sha256: loose(fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), nastyString)), storageLocation: loose(nastyString), storageMethod: loose(nastyString) }, { requiredKeys: [] })),
    }).map((v) => [DOCS.registerEvidence, v] as const),
    handOverEvidence: fc.record({
      itemId: loose(id()),
      handOver: loose(fc.record({ reason: loose(nastyString), storageLocation: loose(nastyString), to: loose(fc.oneof(fc.constantFrom(...USERS), nastyString)) }, { requiredKeys: [] })),
    }).map((v) => [DOCS.handOver, v] as const),
    confirmEvidenceReceipt: fc.record({ itemId: loose(id()) }).map((v) => [DOCS.receipt, v] as const),
    recordIncidentHours: fc.record({
      incidentId: loose(id()),
      hours: loose(fc.record({ activity: loose(nastyString), hours: loose(number), workDate: loose(ymd) }, { requiredKeys: [] })),
    }).map((v) => [DOCS.hours, v] as const),
    recordApAcknowledgement: fc.record({ incidentId: loose(id()), acknowledgement: loose(nastyString) }).map((v) => [RECORD_AP_ACKNOWLEDGEMENT, v] as const),
    updateApNotification: fc.record({ incidentId: loose(id()), form: loose(apForm), note: loose(nastyString) }).map((v) => [UPDATE_AP_NOTIFICATION, v] as const),
    retentionStatus: fc.record({ tenantId: loose(tenantId), first: loose(number) }).map((v) => [DOCS.retention, v] as const),
    personalDataExport: fc.record({ person: loose(personIdentifiers), tenantId: loose(tenantId) }).map((v) => [DOCS.exportPerson, v] as const),
    erasePersonalData: fc.record({
      input: loose(fc.record({ person: loose(personIdentifiers), caseIds: strings(id()), requestReference: loose(fc.oneof(fc.constantFrom('AVG-2026-00001'), nastyString)) }, { requiredKeys: [] })),
      tenantId: loose(tenantId),
    }).map((v) => [DOCS.erasePerson, v] as const),
  });

  it(`answers every arbitrary input with a typed error or data, never an internal error (≤ ${RUNS} inputs, ≤ ${TIME_LIMIT_MS} ms)`, async () => {
    const ops = operations();
    const request = fc.record({ user: fc.constantFrom(...USERS), op: fc.constantFrom(...(Object.keys(ops) as (keyof typeof ops)[])) }).chain(({ user, op }) =>
      ops[op].map(([query, variables]) => ({ user, op, query, variables })),
    );
    let tried = 0;
    const perOperation = new Map<string, number>();
    const property = fc.asyncProperty(request, async ({ user, op, query, variables }) => {
      tried++;
      perOperation.set(op, (perOperation.get(op) ?? 0) + 1);
      const result = await clients.get(user)!.gql(query, variables as Record<string, unknown>);
      const failure = internalFailure(result);
      if (failure) throw new Error(`${op} as ${user}: ${failure}`);
    });
    try {
      await fc.assert(property, { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, seed: SEED, endOnFailure: false });
    } finally {
      // The lead copies this line into the issue note.
      console.log(`[fuzz] ${tried} GraphQL inputs tried over ${perOperation.size} operations in ≤ ${TIME_LIMIT_MS} ms`);
    }
    expect(tried).toBeGreaterThan(0);
  }, TIME_LIMIT_MS + 300_000);
});
