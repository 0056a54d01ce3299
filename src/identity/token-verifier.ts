// keycloak-connect ships CommonJS with its own typings; we only use its grant manager.
import Keycloak from 'keycloak-connect';
import type { Actor } from './actor';
import { IdentityError, IdentityErrorCode, TokenRefusal } from './identity-error';

export interface TokenVerifierOptions {
  /** Base URL of Keycloak (or of the development identity provider), e.g. http://localhost:8080. */
  serverUrl: string;
  realm: string;
  /** The API's client id: access tokens must name it in `aud`. */
  audience: string;
  /**
   * The realm's key set is fetched again after this many seconds, so a key removed from the
   * realm stops being trusted without a restart. @default 300
   */
  jwksMaxAgeSeconds?: number;
}

/** An unknown key id makes us fetch the key set at most this often (seconds), so forged kids cannot make us hammer Keycloak. */
const MIN_SECONDS_BETWEEN_JWKS_REQUESTS = 5;

/** keycloak-connect's messages → why the token was refused. */
const REFUSALS: [RegExp, TokenRefusal][] = [
  [/\(expired\)/, 'expired'],
  [/\(not signed\)/, 'unsigned'],
  [/\(wrong type\)/, 'type'],
  [/\(stale token\)/, 'stale'],
  [/\(wrong ISS\)/, 'issuer'],
  [/\(wrong audience\)/, 'audience'],
  [/signature\)/, 'signature'],
  [/public key/, 'unknown-key'],
  // keycloak-connect's getJWK returns undefined when a refetch is throttled (rotation.js).
  [/reading 'then'/, 'unknown-key'],
];

/** The parts of keycloak-connect's key cache (auth-utils/rotation.js, pinned 26.1.1) we steer. */
interface KeyRotation {
  jwks: { kid?: string }[];
  /** Seconds since the epoch of the last key-set fetch. */
  lastTimeRequesTime: number;
  clearCache(): void;
}

/**
 * Verifies Keycloak access tokens with keycloak-connect: RS256 signature against the realm's
 * JWKS, expiry, issuer, token type and audience. Returns the actor the token describes.
 *
 * Key rotation without restart: a token with a key id not in the cached key set makes
 * keycloak-connect fetch the set again, at most every MIN_SECONDS_BETWEEN_JWKS_REQUESTS (such a
 * request waits out the rest of that interval); a key id still unknown after the fetch is
 * refused as `unknown-key`.
 * The cached set is also dropped after `jwksMaxAgeSeconds`, so keys removed from the realm stop
 * verifying without a restart.
 */
export class TokenVerifier {
  private readonly grantManager: any;
  private readonly rotation: KeyRotation;
  private readonly jwksMaxAgeSeconds: number;
  readonly issuer: string;

  constructor(options: TokenVerifierOptions) {
    const keycloak = new (Keycloak as any)({}, {
      realm: options.realm,
      'auth-server-url': options.serverUrl.replace(/\/$/, ''),
      resource: options.audience,
      'bearer-only': true,
      'verify-token-audience': true,
      'ssl-required': 'external',
      'confidential-port': 0,
      'min-time-between-jwks-requests': MIN_SECONDS_BETWEEN_JWKS_REQUESTS,
    });
    this.grantManager = keycloak.grantManager;
    this.rotation = this.grantManager.rotation;
    this.jwksMaxAgeSeconds = options.jwksMaxAgeSeconds ?? 300;
    this.issuer = `${options.serverUrl.replace(/\/$/, '')}/realms/${options.realm}`;
  }

  async verify(authorization: string | undefined): Promise<Actor> {
    const match = /^Bearer\s+([A-Za-z0-9\-_.]+)$/.exec(authorization ?? '');
    if (!match) throw new IdentityError(IdentityErrorCode.UNAUTHENTICATED, 'a bearer token is required');
    const header = decodeJwtHeader(match[1]);
    if (!header) throw new IdentityError(IdentityErrorCode.TOKEN_INVALID, 'the token is not a JWT', 'malformed');
    // keycloak-connect verifies RSA-SHA256 whatever the header says; refuse other algorithms
    // (none, HS256 keyed with the public key, …) up front with a reason that says so.
    if (header.alg !== 'RS256') throw new IdentityError(IdentityErrorCode.TOKEN_INVALID, `tokens must be signed with RS256, not ${String(header.alg)}`, 'algorithm');
    this.expireKeyCache();
    await this.awaitKeyFetchAllowed(header.kid);
    let grant: any;
    try {
      grant = await this.grantManager.createGrant({ access_token: match[1] });
    } catch (err) {
      const message = String((err as Error)?.message ?? err);
      const reason = REFUSALS.find(([pattern]) => pattern.test(message))?.[1] ?? 'other';
      if (reason === 'expired') throw new IdentityError(IdentityErrorCode.TOKEN_EXPIRED, 'the token has expired', 'expired');
      if (reason === 'unknown-key') {
        throw new IdentityError(IdentityErrorCode.TOKEN_INVALID, `the token is signed with a key the realm does not list (kid ${String(header.kid)})`, reason);
      }
      throw new IdentityError(IdentityErrorCode.TOKEN_INVALID, `the token was refused: ${message.replace(/^.*Reason: /, '')}`, reason);
    }
    return actorFromClaims(grant.access_token.content);
  }

  /**
   * A key id the cache does not know makes keycloak-connect fetch the realm's keys, but not
   * within MIN_SECONDS_BETWEEN_JWKS_REQUESTS of the last fetch (it would then fail the token).
   * Wait out that interval instead, so a freshly rotated key is accepted on its first use.
   */
  private async awaitKeyFetchAllowed(kid: unknown): Promise<void> {
    if (this.rotation.jwks.some((k) => k.kid === kid)) return;
    const waitMs = (this.rotation.lastTimeRequesTime + MIN_SECONDS_BETWEEN_JWKS_REQUESTS) * 1000 - Date.now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 50));
  }

  /** Drops a stale key set so keys removed from the realm stop verifying. */
  private expireKeyCache(): void {
    const fetchedAt = this.rotation.lastTimeRequesTime;
    if (fetchedAt > 0 && Date.now() / 1000 - fetchedAt > this.jwksMaxAgeSeconds) this.rotation.clearCache();
  }
}

/** The header, when header and payload are JSON objects; keycloak-connect would call garbage "expired". */
function decodeJwtHeader(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const [header, payload] = parts.slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')));
    const isObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);
    return isObject(header) && isObject(payload) ? header : null;
  } catch {
    return null;
  }
}

/** Maps verified Keycloak claims to an actor. A token without a municipality is refused. */
export function actorFromClaims(claims: Record<string, any>): Actor {
  const tenants = Array.isArray(claims.tenants) ? claims.tenants.map((t: unknown) => String(t).replace(/^\//, '')) : [];
  if (tenants.length === 0) throw new IdentityError(IdentityErrorCode.TENANT_MISSING, 'the token names no municipality (tenants claim)');
  const username = String(claims.preferred_username ?? claims.sub);
  return {
    kind: 'user',
    userId: username,
    subject: String(claims.sub),
    displayName: claims.name ? String(claims.name) : undefined,
    roles: Array.isArray(claims.realm_access?.roles) ? claims.realm_access.roles.map(String) : [],
    tenants,
  };
}
