import { generateKeyPair, SignJWT } from 'jose';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { readFixture, startTestPlatform } from '../support/test-platform';
import { DEPLOY, INBOX, START } from '../support/operations';

/**
 * Real tokens from the identity provider's token endpoint: a real Keycloak when KEYCLOAK_URL is
 * set (.ci/run starts one), otherwise the development identity provider of the platform itself.
 */
const keycloakUrl = process.env.KEYCLOAK_URL;
const realm = process.env.KEYCLOAK_REALM ?? 'privacyflow';
const password = process.env.KEYCLOAK_DEMO_PASSWORD ?? 'demo';

describe(`tokens from ${keycloakUrl ? 'Keycloak' : 'the development identity provider'}`, () => {
  let db: TestDatabase;
  let platform: Platform;
  const idp = () => keycloakUrl ?? platform.url;

  async function login(username: string): Promise<string> {
    const res = await request(idp())
      .post(`/realms/${realm}/protocol/openid-connect/token`)
      .type('form')
      .send({ grant_type: 'password', client_id: 'privacyflow-web', username, password, scope: 'openid' });
    expect(res.status).toBe(200);
    return res.body.access_token;
  }

  const gql = (token: string | undefined, query: string, variables: object = {}) => {
    const req = request(platform.url).post('/graphql').set('Content-Type', 'application/json');
    if (token !== undefined) req.set('Authorization', `Bearer ${token}`);
    return req.send({ query, variables });
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { keycloakUrl });
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('lets each person work exactly the tasks of their role and municipality', async () => {
    const deployer = await login('procesbeheerder.bunschoten');
    expect((await gql(deployer, DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'demo' })).body.errors).toBeUndefined();
    const employee = await login('medewerker.bunschoten');
    const started = await gql(employee, START, { key: 'runtime-demo', variables: { approvalTimeout: 'P1D' } });
    expect(started.body.data.startProcess.tenantId).toBe('bunschoten');

    const count = async (token: string) => (await gql(token, INBOX)).body.data.tasks.totalCount;
    expect(await count(employee)).toBe(1);
    expect(await count(await login('medewerker2.bunschoten'))).toBe(1);
    expect(await count(await login('medewerker.leusden'))).toBe(0);
    expect(await count(await login('ciso.bunschoten'))).toBe(0);
  });

  it('refuses a request without a token, or with garbage, with 401 and a typed error', async () => {
    const none = await gql(undefined, INBOX);
    expect(none.status).toBe(401);
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const garbage = await gql('not.a.token', INBOX);
    expect(garbage.status).toBe(401);
    expect(garbage.body.errors[0].extensions.code).toBe('TOKEN_INVALID');
  });

  it('refuses forged tokens: unsigned, signed with another key, HS256 with the public key', async () => {
    const genuine = await login('ciso.bunschoten');
    const [headerB64, payloadB64] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payloadB64, 'base64url').toString());
    const header = JSON.parse(Buffer.from(headerB64, 'base64url').toString());

    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payloadB64}.`;
    const { privateKey } = await generateKeyPair('RS256');
    const otherKey = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: header.kid }).sign(privateKey);
    const jwks = (await request(idp()).get(`/realms/${realm}/protocol/openid-connect/certs`)).body;
    const publicJwk = jwks.keys.find((k: any) => k.kid === header.kid);
    const hsHeader = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: header.kid })).toString('base64url');
    const hsSignature = createHmac('sha256', JSON.stringify(publicJwk)).update(`${hsHeader}.${payloadB64}`).digest('base64url');
    const hs256 = `${hsHeader}.${payloadB64}.${hsSignature}`;

    for (const forged of [unsigned, otherKey, hs256]) {
      const res = await gql(forged, INBOX);
      expect(res.status).toBe(401);
      expect(res.body.errors[0].extensions.code).toBe('TOKEN_INVALID');
    }
    expect((await gql(genuine, INBOX)).status).toBe(200);
  });
});
