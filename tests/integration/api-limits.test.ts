import { DataSubjectRequestService } from '../../src/dsr/data-subject-request.service';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { BreachService } from '../../src/breach-notification/breach.service';
import { DpiaService } from '../../src/dpia/dpia.service';
import { buildApiSchema } from '../../src/graphql/schema';
import { NotificationService } from '../../src/notifications/notification.service';
import { IncidentService } from '../../src/incidents/incident.service';
import { InvestigationService } from '../../src/incidents/investigation.service';
import { TokenVerifier } from '../../src/identity/token-verifier';
import type { Platform } from '../../src/platform';
import { createHttpApp } from '../../src/server/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { DEPLOY, START } from '../support/operations';

/** Every abuse limit refuses with a typed error before anything runs, and changes nothing. */
describe('abuse limits on the GraphQL API', () => {
  let db: TestDatabase;
  let platform: Platform;
  let token: string;

  const post = (body: unknown, bearer = token) =>
    request(platform.url).post('/graphql').set('Authorization', `Bearer ${bearer}`).set('Content-Type', 'application/json').send(JSON.stringify(body));
  const counts = async () =>
    (await platform.database.dataSource.query(`SELECT (SELECT count(*)::int FROM process_instance) AS instances, (SELECT count(*)::int FROM audit_entry) AS audit`))[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { graphqlMaxDepth: 5, graphqlMaxAliases: 6, graphqlMaxCost: 1500, graphqlMaxBatch: 3, rateLimitPerMinute: 1000, maxDiagramBytes: 20000, evidenceMaxBytes: 10000 });
    await (await TestClient.as(platform, 'procesbeheerder.putten')).ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'demo' });
    token = await platform.devIdentity!.issueForUser('medewerker.putten');
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('refuses more aliases than allowed', async () => {
    const aliases = Array.from({ length: 7 }, (_, i) => `a${i}: me { userId }`).join(' ');
    const res = await post({ query: `{ ${aliases} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'TOO_MANY_ALIASES', limit: 6 } })]);
  });

  it('refuses an operation whose estimated cost exceeds the limit, counting the page size asked for in variables', async () => {
    const query = `query($n: Int) { tasks(first: $n) { totalCount edges { cursor node { id name elementId instanceId processKey businessKey tenantId status
      candidateGroups candidateUsers assignee dueAt followUpAt createdAt completedAt completedBy } } } }`;
    expect((await post({ query, variables: { n: 10 } })).body.errors).toBeUndefined();
    const res = await post({ query, variables: { n: 100 } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COSTLY', limit: 1500 } })]);
  });

  it('refuses a costly mutation without running it', async () => {
    const before = await counts();
    const starts = Array.from({ length: 3 }, (_, i) => `s${i}: startProcess(key: "runtime-demo", variables: { approvalTimeout: "P3D" }) { id openTasks { id name elementId status assignee dueAt createdAt } }`).join(' ');
    const res = await post({ query: `mutation { ${starts} }` });
    expect(res.body.errors?.[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(await counts()).toEqual(before);
  });

  it('caps batched operations, and runs a batch within the cap', async () => {
    const op = { query: 'mutation { startProcess(key: "runtime-demo", variables: { approvalTimeout: "P3D" }) { id } }' };
    const before = await counts();
    const tooMany = await post([op, op, op, op]);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].extensions).toEqual({ code: 'BATCH_TOO_LARGE', limit: 3 });
    expect(await counts()).toEqual(before);
    const ok = await post([{ query: '{ me { userId } }' }, { query: '{ me { tenants } }' }]);
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(2);
  });

  it('refuses a body larger than the limit with 413', async () => {
    const before = await counts();
    const res = await post({ query: 'mutation($v: JSONObject) { startProcess(key: "runtime-demo", variables: $v) { id } }', variables: { v: { big: 'x'.repeat(100000) } } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await counts()).toEqual(before);
  });
});

describe('per-person rate limit', () => {
  let db: TestDatabase;
  let platform: Platform;
  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { rateLimitPerMinute: 3 });
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('answers 429 RATE_LIMITED to a person over the limit, while a colleague is still served', async () => {
    const busy = await TestClient.as(platform, 'medewerker.putten');
    for (let i = 0; i < 3; i++) expect((await busy.gql('{ me { userId } }')).errors).toBeUndefined();
    const refused = await busy.gql('{ me { userId } }');
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions).toEqual({ code: 'RATE_LIMITED', limit: 3 });
    const colleague = await TestClient.as(platform, 'medewerker2.putten');
    expect((await colleague.gql('{ me { userId } }')).errors).toBeUndefined();
  });
});

describe('production mode and query depth', () => {
  let db: TestDatabase;
  let platform: Platform;
  let production: http.Server;
  let url: string;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The development identity provider refuses production mode; it issues the tokens, the
    // production app verifies them with the real verifier.
    platform = await startTestPlatform(db);
    token = await platform.devIdentity!.issueForUser('medewerker.putten');
    const verifier = new TokenVerifier({ serverUrl: platform.url, realm: 'privacyflow', audience: 'privacyflow-api' });
    const { app } = await createHttpApp({
      schema: await buildApiSchema(),
      services: {
        workflow: platform.workflow,
        incidents: new IncidentService(platform.database.dataSource, platform.workflow),
        investigation: new InvestigationService(platform.database.dataSource),
        breaches: new BreachService(platform.database.dataSource),
        dataSubjectRequests: new DataSubjectRequestService(platform.database.dataSource, platform.workflow),
        dpia: new DpiaService(platform.database.dataSource, platform.workflow),
        dataProtection: platform.dataProtection,
        notifications: new NotificationService(platform.database.dataSource),
      },
      production: true,
      authenticate: (h) => verifier.verify(h),
      readiness: {},
      limits: { maxDepth: 3, maxAliases: 15, maxCost: 5000, maxBatch: 5, rateLimitPerMinute: 100 },
    });
    production = http.createServer(app);
    await new Promise<void>((r) => production.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(production.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => production?.close(r));
    await platform?.close();
    await db?.drop();
  });

  const post = (query: string) => request(url).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query });

  it('refuses a query nested deeper than the limit, counting through fragments', async () => {
    expect((await post('{ processInstance(id: "00000000-0000-4000-8000-000000000000") { openTasks { id } } }')).body.errors).toBeUndefined();
    for (const query of ['{ tasks { edges { node { id } } } }', 'fragment N on TaskEdge { node { id } } { tasks { edges { ...N } } }']) {
      const res = await post(query);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_DEEP', limit: 3 } })]);
    }
  });

  it('refuses introspection with INTROSPECTION_DISABLED', async () => {
    const res = await post('{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('INTROSPECTION_DISABLED');
    expect((await post('{ __type(name: "Task") { name } }')).body.errors[0].extensions.code).toBe('INTROSPECTION_DISABLED');
    expect((await post('{ me { userId __typename } }')).body.data.me.__typename).toBe('Me');
  });

  it('serves no sandbox landing page and suggests no field names', async () => {
    const page = await request(url).get('/graphql').set('Authorization', `Bearer ${token}`).set('Accept', 'text/html');
    expect(page.status).toBe(400);
    expect(page.text).not.toMatch(/sandbox|embeddable|<html/i);
    const typo = await post('{ me { userI } }');
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('does offer introspection outside production', async () => {
    const dev = await request(platform.url).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query: '{ __schema { queryType { name } } }' });
    expect(dev.body.data.__schema.queryType.name).toBe('Query');
    const page = await request(platform.url).get('/graphql').set('Authorization', `Bearer ${token}`).set('Accept', 'text/html');
    expect(page.text).toMatch(/sandbox/i);
  });
});
