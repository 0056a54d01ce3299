// keycloak-connect ships CommonJS with its own typings; we only use its grant manager.
import Keycloak from 'keycloak-connect';
import type { Actor } from './actor';
import { IdentityError, IdentityErrorCode } from './identity-error';

export interface TokenVerifierOptions {
  /** Base URL of Keycloak (or of the development identity provider), e.g. http://localhost:8080. */
  serverUrl: string;
  realm: string;
  /** The API's client id: access tokens must name it in `aud`. */
  audience: string;
}

/**
 * Verifies Keycloak access tokens with keycloak-connect: RS256 signature against the realm's
 * JWKS (fetched by key id, so rotated keys are picked up without a restart), expiry, issuer,
 * token type and audience. Returns the actor the token describes.
 */
export class TokenVerifier {
  private readonly grantManager: any;
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
      // Unknown key ids trigger a JWKS refetch at most this often (seconds).
      'min-time-between-jwks-requests': 5,
    });
    this.grantManager = keycloak.grantManager;
    this.issuer = `${options.serverUrl.replace(/\/$/, '')}/realms/${options.realm}`;
  }

  async verify(authorization: string | undefined): Promise<Actor> {
    const match = /^Bearer\s+([A-Za-z0-9\-_.]+)$/.exec(authorization ?? '');
    if (!match) throw new IdentityError(IdentityErrorCode.UNAUTHENTICATED, 'a bearer token is required');
    if (!isDecodableJwt(match[1])) throw new IdentityError(IdentityErrorCode.TOKEN_INVALID, 'the token is not a JWT');
    let grant: any;
    try {
      grant = await this.grantManager.createGrant({ access_token: match[1] });
    } catch (err) {
      const reason = String((err as Error)?.message ?? err);
      if (reason.includes('expired')) throw new IdentityError(IdentityErrorCode.TOKEN_EXPIRED, 'the token has expired');
      throw new IdentityError(IdentityErrorCode.TOKEN_INVALID, `the token was refused: ${reason}`);
    }
    return actorFromClaims(grant.access_token.content);
  }
}

/** Header and payload must be JSON objects; keycloak-connect would call garbage "expired". */
function isDecodableJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  try {
    return parts.slice(0, 2).every((p) => {
      const value = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
      return value && typeof value === 'object' && !Array.isArray(value);
    });
  } catch {
    return false;
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
