import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { buildClientSchema, getIntrospectionQuery, getNamedType, GraphQLField, GraphQLInputType, GraphQLSchema, IntrospectionQuery,
  isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType, isInterfaceType, isUnionType } from 'graphql';
import type { Platform } from '../../src/platform';
import { databaseSnapshot } from '../support/database-snapshot';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, GraphQLResult, startTestPlatform, TestClient } from '../support/test-platform';
import { aBreachReport, PLAN_MEASURE as PLAN_INCIDENT_MEASURE, REGISTER_EVIDENCE, REPORT_INCIDENT } from '../support/incident-operations';
import { anAccessRequest, REGISTER_REQUEST } from '../support/dsr-operations';
import { aProcessing, PLAN_MEASURE as PLAN_DPIA_MEASURE, QUESTIONNAIRE_ANSWERS, quickscanValues, RECORD_RISKS, SIGNAL_NEW_PROCESSING } from '../support/dpia-operations';
import { perform } from '../support/incident-operations';
import { VALID_INPUTS } from '../support/graphql-input-samples';

/**
 * Issue 8.3, "ids of other tenants for every operation that takes an id": the operation list is read
 * from the live schema, so an operation added later is covered without touching this file. A user
 * of Bunschoten holding every role of the realm sends every id of Putten's cases to every argument
 * of type ID; each answer must equal the answer to an id that does not exist, and the database
 * (every row of every table) must be byte for byte what it was before.
 */

/** A value of `type` that passes GraphQL validation (and, where VALID_INPUTS knows it, the domain's). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    if (VALID_INPUTS[type.name]) return VALID_INPUTS[type.name];
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type)) value[field.name] = field.description?.includes('YYYY-MM-DD') ? '2027-06-01' : sample(field.type);
    }
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int': case 'Float': return 1;
      case 'Boolean': return true;
      case 'DateTimeISO': return new Date().toISOString();
      case 'JSONObject': return {};
      default: return 'tekst';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

interface IdOperation { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown>; idArgs: string[] }

/** Every query and mutation with an argument of type ID. */
function idOperations(schema: GraphQLSchema): IdOperation[] {
  const operations: IdOperation[] = [];
  for (const [kind, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const field of Object.values(root!.getFields())) {
      const idArgs = field.args.filter((a) => getNamedType(a.type).name === 'ID' && !isListType(isNonNullType(a.type) ? a.type.ofType : a.type)).map((a) => a.name);
      if (idArgs.length) operations.push({ kind, field, idArgs });
    }
  }
  return operations;
}

function documentFor(op: IdOperation): string {
  const declared = op.field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = op.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(op.field.type);
  const selection = isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
  return `${op.kind} Probe(${declared}) { ${op.field.name}(${passed})${selection} }`;
}

/** Error code and message with the id masked, or the data when there is no error. */
const shape = (result: GraphQLResult, id: string) =>
  result.errors?.length
    ? { status: result.status, code: result.errors[0].extensions?.code, message: String(result.errors[0].message).split(id).join('<id>'),
        keys: Object.keys(result.errors[0].extensions ?? {}).sort() }
    : { status: result.status, data: result.data };

describe("another municipality's ids, sent to every operation that takes an id", () => {
  let db: TestDatabase;
  let platform: Platform;
  let operations: IdOperation[];
  let puttenIds: string[];
  let allRoles: string[];
  const everyRoleIn = async (tenant: string) =>
    new TestClient(platform, await platform.devIdentity!.sign({ username: `alle-rollen.${tenant}`, realmRoles: allRoles, tenants: [tenant] }, 'privacyflow-web'));

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn'), rateLimitPerMinute: 1_000_000 });
    allRoles = [...new Set(platform.devIdentity!['options'].directory.users.flatMap((u: { realmRoles: string[] }) => u.realmRoles))] as string[];
    const introspection = await (await everyRoleIn('putten')).ok<IntrospectionQuery>(getIntrospectionQuery());
    operations = idOperations(buildClientSchema(introspection));

    // Putten's cases of every kind, with the records that hang off them.
    const putten = await everyRoleIn('putten');
    const employee = await TestClient.as(platform, 'medewerker.putten');
    const incident = (await employee.ok(REPORT_INCIDENT, { report: aBreachReport(5) })).reportIncident;
    await putten.ok(REGISTER_EVIDENCE, { incidentId: incident.id, item: { ...(VALID_INPUTS.EvidenceInput as object) } });
    await putten.ok(PLAN_INCIDENT_MEASURE, { incidentId: incident.id, measure: { description: 'Autoaanvulling uit', dueDate: '2027-06-01', owner: 'ciso.putten' } });
    // A request with its acknowledgement letter (kept as PDF).
    const request = (await employee.ok(REGISTER_REQUEST, { request: anAccessRequest() })).registerDataSubjectRequest;
    const pbOfPutten = await TestClient.as(platform, 'privacybeheerder.putten');
    await perform(pbOfPutten, request.instanceId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'balie' });
    await perform(pbOfPutten, request.instanceId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(pbOfPutten, request.instanceId, 'Acknowledge', { verdagen: false });
    // A DPIA assessed, so that it has risks, a measure ...
    const [owner, fg, pb] = await Promise.all(['proceseigenaar.putten', 'fg', 'privacybeheerder.putten'].map((u) => TestClient.as(platform, u)));
    const dpia = (await owner.ok(SIGNAL_NEW_PROCESSING, { processing: aProcessing(), signal: 'Nieuwe parkeerapp' })).signalNewProcessing;
    await perform(fg, dpia.instanceId, 'FgAdviceToOwner', { ownerAdvice: 'Een DPIA ligt voor de hand.', dpiaAdvised: true });
    await perform(owner, dpia.instanceId, 'AssignToPb', { assignmentNote: 'DPIA uitvoeren' });
    await perform(pb, dpia.instanceId, 'Quickscan', quickscanValues({ edpb: ['systematic_monitoring', 'large_scale'] }));
    await perform(pb, dpia.instanceId, 'FormDpiaTeam', { teamMembers: 'privacybeheerder.putten, ciso.putten' });
    await pb.ok(RECORD_RISKS, { dpiaId: dpia.id, risks: [{ code: 'R1', title: 'Te lang bewaren', before: { likelihood: 3, impact: 3 } }] });
    await pb.ok(PLAN_DPIA_MEASURE, { dpiaId: dpia.id, measure: { ...(VALID_INPUTS.DpiaMeasureInput as object), riskCode: 'R1', owner: 'ciso.putten' } });
    // ... and its report, version 1 (kept as PDF).
    await perform(pb, dpia.instanceId, 'AssessImpact', QUESTIONNAIRE_ANSWERS);
    await perform(pb, dpia.instanceId, 'WriteReport', { reportSummary: 'Restrisico aanvaardbaar met de maatregel.' });

    // The request's copy to the PB, addressed to the role as when the directory knows no PB of
    // Putten: then everyone holding the role, as the probing user does, may mark it read.
    await eventually(async () => (await platform.database.dataSource.query(`SELECT 1 FROM notification WHERE tenant_id = 'putten'`)).length > 0);
    await platform.database.dataSource.query(`UPDATE notification SET recipient_kind = 'role', recipient = 'privacybeheerder' WHERE tenant_id = 'putten'`);

    // Every id the database holds belongs to Putten: nothing was made anywhere else.
    const rows: { id: string }[] = await platform.database.dataSource.query(
      `SELECT DISTINCT c.table_name, c.column_name FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND c.data_type = 'uuid'`);
    const ids = new Set<string>();
    for (const { table_name, column_name } of rows as any[]) {
      for (const r of await platform.database.dataSource.query(`SELECT DISTINCT "${column_name}"::text AS id FROM "${table_name}" WHERE "${column_name}" IS NOT NULL`)) ids.add(r.id);
    }
    puttenIds = [...ids];
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('finds the operations and the ids to try', () => {
    expect(operations.map((o) => o.field.name)).toEqual(expect.arrayContaining(['task', 'completeTask', 'incident', 'registerEvidence', 'dataSubjectRequest', 'dpia', 'processing']));
    // instance, tasks, incident, evidence, measures, request, processing, DPIA.
    expect(puttenIds.length).toBeGreaterThanOrEqual(8);
  });

  /**
   * Sends every id of Putten to every id argument as `client`; `differing` lists the answers that
   * differ from the answer to a missing id, `lookedUp` the arguments whose sample input got past
   * validation (so the id was really looked up).
   */
  async function probe(client: TestClient) {
    const lookedUp: string[] = [];
    const differing: { operation: string; detail: string }[] = [];
    for (const op of operations) {
      const document = documentFor(op);
      const filler = Object.fromEntries(op.field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, sample(a.type)]));
      for (const idArg of op.idArgs) {
        const missing = randomUUID();
        const missingAnswer = JSON.stringify(shape(await client.gql(document, { ...filler, [idArg]: missing }), missing));
        if (!missingAnswer.includes('"BAD_USER_INPUT"')) lookedUp.push(`${op.field.name}.${idArg}`);
        for (const id of puttenIds) {
          const answer = JSON.stringify(shape(await client.gql(document, { ...filler, [idArg]: id }), id));
          if (answer !== missingAnswer) differing.push({ operation: op.field.name, detail: `${op.field.name}(${idArg}: ${id}) → ${answer} vs ${missingAnswer}` });
        }
      }
    }
    return { lookedUp, differing };
  }

  it('answers every foreign id exactly like a missing one, and changes nothing', async () => {
    const before = await databaseSnapshot(platform.database.dataSource);
    const { lookedUp, differing } = await probe(await everyRoleIn('bunschoten'));
    expect(differing.map((d) => d.detail)).toEqual([]);
    // The sample inputs pass validation everywhere, so every operation really looked the id up.
    expect(lookedUp).toEqual(operations.flatMap((o) => o.idArgs.map((a) => `${o.field.name}.${a}`)));
    expect(await databaseSnapshot(platform.database.dataSource)).toEqual(before);
  }, 600_000);

  it('can tell the difference: inside Putten every operation answers some of these ids unlike a missing one', async () => {
    const { differing } = await probe(await everyRoleIn('putten'));
    expect([...new Set(differing.map((d) => d.operation))].sort()).toEqual(operations.map((o) => o.field.name).sort());
  }, 600_000);
});
