export enum IdentityErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  TOKEN_INVALID = 'TOKEN_INVALID',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  TENANT_MISSING = 'TENANT_MISSING',
}

/** Why a token was refused (extensions.reason of a TOKEN_INVALID answer). */
export type TokenRefusal =
  | 'malformed'
  | 'algorithm'
  | 'unsigned'
  | 'signature'
  | 'unknown-key'
  | 'issuer'
  | 'audience'
  | 'type'
  | 'stale'
  | 'expired'
  | 'other';

/** A request whose identity cannot be established. Answered with HTTP 401. */
export class IdentityError extends Error {
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
    readonly reason?: TokenRefusal,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}
