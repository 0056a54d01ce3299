import request from 'supertest';
import type { Platform } from '../../src/platform';

/**
 * Where e2e tests get their tokens: a real Keycloak when KEYCLOAK_URL is set (.ci/run starts one
 * with .ci/keycloak.sh and exports .ci/.keycloak.env), otherwise the development identity
 * provider the platform itself serves. Both are asked through their token endpoint over HTTP.
 */
export const keycloakUrl = process.env.KEYCLOAK_URL || undefined;
export const realm = process.env.KEYCLOAK_REALM ?? 'privacyflow';
export const demoPassword = process.env.KEYCLOAK_DEMO_PASSWORD ?? 'demo';
/** The dev identity provider accepts the shared demo password as the zaaksysteem's secret. */
export const zaaksysteemSecret = process.env.KEYCLOAK_ZAAKSYSTEEM_SECRET ?? demoPassword;
export const identityProviderName = keycloakUrl ? 'Keycloak' : 'the development identity provider';

/** `it` when a real Keycloak runs; otherwise a skipped test whose name says why. */
export function itWithKeycloak(name: string, fn: () => Promise<void>, timeout?: number): void {
  if (keycloakUrl) it(name, fn, timeout);
  else it.skip(`${name} [skipped: needs a real Keycloak (admin API); KEYCLOAK_URL is not set]`, fn);
}

export const decodeJwt = (token: string) => ({
  header: JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()),
  claims: JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()),
});

export class IdentityProviderClient {
  constructor(private readonly platform: Platform) {}

  get url(): string {
    return keycloakUrl ?? this.platform.url;
  }

  private tokenEndpoint(realmName = realm) {
    return `/realms/${realmName}/protocol/openid-connect/token`;
  }

  /** Password grant for a demo user (client privacyflow-web unless told otherwise). */
  async login(username: string, clientId = 'privacyflow-web'): Promise<string> {
    const res = await request(this.url)
      .post(this.tokenEndpoint())
      .type('form')
      .send({ grant_type: 'password', client_id: clientId, username, password: demoPassword, scope: 'openid' });
    if (res.status !== 200) throw new Error(`login of ${username} at ${clientId} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.access_token;
  }

  /** Client credentials grant of the zaaksysteem's service account. */
  async zaaksysteem(): Promise<string> {
    const res = await request(this.url)
      .post(this.tokenEndpoint())
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: 'zaaksysteem', client_secret: zaaksysteemSecret });
    if (res.status !== 200) throw new Error(`client credentials of the zaaksysteem failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.access_token;
  }

  async jwks(): Promise<{ keys: any[] }> {
    return (await request(this.url).get(`/realms/${realm}/protocol/openid-connect/certs`)).body;
  }
}

/** The admin REST API of the real Keycloak (KEYCLOAK_ADMIN_USER/PASSWORD from .ci/.keycloak.env). */
export class KeycloakAdmin {
  private token?: { value: string; until: number };

  constructor(private readonly baseUrl = keycloakUrl!) {}

  /** An access token of the master realm (also the "wrong issuer" token of the forged-token tests). */
  async masterToken(): Promise<string> {
    const res = await request(this.baseUrl)
      .post('/realms/master/protocol/openid-connect/token')
      .type('form')
      .send({ grant_type: 'password', client_id: 'admin-cli', username: process.env.KEYCLOAK_ADMIN_USER, password: process.env.KEYCLOAK_ADMIN_PASSWORD });
    if (res.status !== 200) throw new Error(`admin login failed: ${res.status}`);
    return res.body.access_token;
  }

  private async auth(): Promise<string> {
    if (!this.token || this.token.until < Date.now()) this.token = { value: await this.masterToken(), until: Date.now() + 30_000 };
    return this.token.value;
  }

  async call(method: 'get' | 'post' | 'put' | 'delete', path: string, body?: unknown) {
    const req = request(this.baseUrl)[method](`/admin/realms/${realm}${path}`).set('Authorization', `Bearer ${await this.auth()}`);
    const res = body === undefined ? await req : await req.send(body as object);
    if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  /** Creates a client shaped like privacyflow-web (same mappers), changed by `change`; returns its id. */
  async cloneWebClient(clientId: string, change: (rep: any) => void): Promise<string> {
    const [web] = (await this.call('get', '/clients?clientId=privacyflow-web')).body;
    const rep = { ...web, clientId, name: clientId, protocolMappers: (web.protocolMappers ?? []).map(({ id: _id, ...m }: any) => m) };
    delete rep.id;
    change(rep);
    const res = await this.call('post', '/clients', rep);
    return String(res.headers.location).split('/').pop()!;
  }

  async deleteClient(id: string) {
    await this.call('delete', `/clients/${id}`);
  }

  /** Adds an RSA signing key provider to the realm; returns the component id. */
  async addRsaKeyProvider(name: string, priority: number): Promise<string> {
    const realmId = (await this.call('get', '')).body.id;
    const res = await this.call('post', '/components', {
      name,
      providerId: 'rsa-generated',
      providerType: 'org.keycloak.keys.KeyProvider',
      parentId: realmId,
      config: { priority: [String(priority)], enabled: ['true'], active: ['true'], keySize: ['2048'], algorithm: ['RS256'] },
    });
    return String(res.headers.location).split('/').pop()!;
  }

  async deleteComponent(id: string) {
    await this.call('delete', `/components/${id}`);
  }
}
