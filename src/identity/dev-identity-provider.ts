import { randomUUID } from 'node:crypto';
import express, { Router } from 'express';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import type { RealmDirectory, RealmUser } from './realm-directory';

/**
 * DEVELOPMENT ONLY. A stand-in for Keycloak when no KEYCLOAK_URL is configured: it serves the
 * Keycloak endpoints the platform and its clients use (token, JWKS, discovery) for the users of
 * keycloak/realm-export.json, so tokens go through exactly the same verification path. It
 * accepts one shared password for every demo user and refuses to exist in production.
 */
export interface DevIdentityProviderOptions {
  directory: RealmDirectory;
  /** Public base URL of this server, e.g. http://localhost:4000: the token issuer is derived from it. */
  baseUrl: () => string;
  password: string;
  audience: string;
  production: boolean;
  tokenLifetimeSeconds?: number;
}

export interface DevTokenOverrides {
  lifetimeSeconds?: number;
  audience?: string[];
  issuer?: string;
}

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

interface SigningKey {
  kid: string;
  privateKey: PrivateKey;
  publicJwk: JWK;
}

export class DevIdentityProvider {
  private keys: SigningKey[] = [];

  private constructor(private readonly options: DevIdentityProviderOptions) {}

  static async create(options: DevIdentityProviderOptions): Promise<DevIdentityProvider> {
    if (options.production) throw new Error('the development identity provider refuses to run with NODE_ENV=production');
    const provider = new DevIdentityProvider(options);
    await provider.rotateKey();
    return provider;
  }

  get issuer(): string {
    return `${this.options.baseUrl()}/realms/${this.options.directory.realm}`;
  }

  /** Adds a new active signing key; older keys stay in the JWKS so issued tokens keep verifying. */
  async rotateKey(): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    this.keys.unshift({ kid, privateKey, publicJwk });
    return kid;
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }

  /** Issues an access token shaped like Keycloak's for a demo user. */
  async issueForUser(username: string, clientId = 'privacyflow-web'): Promise<string> {
    const user = this.options.directory.users.find((u) => u.username === username);
    if (!user) throw new Error(`unknown demo user ${username}`);
    return this.sign(user, clientId);
  }

  /**
   * Issues a token for an identity that is not in the realm file (benchmarks, tests). Tests may
   * override lifetime, audience or issuer to obtain tokens the platform must refuse.
   */
  async sign(user: RealmUser, clientId: string, overrides: DevTokenOverrides = {}): Promise<string> {
    const key = this.keys[0];
    const lifetime = overrides.lifetimeSeconds ?? this.options.tokenLifetimeSeconds ?? 300;
    return new SignJWT({
      typ: 'Bearer',
      azp: clientId,
      preferred_username: user.username,
      name: [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username,
      email: user.email,
      realm_access: { roles: user.realmRoles },
      tenants: user.tenants,
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(overrides.issuer ?? this.issuer)
      .setSubject(`dev-${user.username}`)
      .setAudience(overrides.audience ?? [this.options.audience, 'account'])
      .setIssuedAt()
      .setExpirationTime(`${lifetime}s`)
      .setJti(randomUUID())
      .sign(key.privateKey);
  }

  router(): Router {
    const realm = this.options.directory.realm;
    const router = Router();
    const base = `/realms/${realm}`;
    router.get(`${base}/.well-known/openid-configuration`, (_req, res) => {
      res.json({
        issuer: this.issuer,
        token_endpoint: `${this.issuer}/protocol/openid-connect/token`,
        jwks_uri: `${this.issuer}/protocol/openid-connect/certs`,
        grant_types_supported: ['password', 'client_credentials'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    });
    router.get(`${base}/protocol/openid-connect/certs`, (_req, res) => {
      res.json(this.jwks());
    });
    router.post(`${base}/protocol/openid-connect/token`, express.urlencoded({ extended: false, limit: '10kb' }), async (req, res) => {
      const body = req.body ?? {};
      let subject: RealmUser | undefined;
      const clientId = String(body.client_id ?? '');
      if (body.grant_type === 'password') {
        subject = this.options.directory.users.find((u) => u.username === body.username);
        if (!subject || body.password !== this.options.password) subject = undefined;
      } else if (body.grant_type === 'client_credentials') {
        const client = this.options.directory.serviceClients.find((c) => c.clientId === clientId);
        if (client && body.client_secret === this.options.password) {
          subject = { username: `service-account-${client.clientId}`, realmRoles: client.serviceAccountRoles, tenants: client.serviceAccountTenants };
        }
      } else {
        res.status(400).json({ error: 'unsupported_grant_type' });
        return;
      }
      if (!subject) {
        res.status(401).json({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
        return;
      }
      const lifetime = this.options.tokenLifetimeSeconds ?? 300;
      res.json({ access_token: await this.sign(subject, clientId || 'privacyflow-web'), token_type: 'Bearer', expires_in: lifetime });
    });
    return router;
  }
}
