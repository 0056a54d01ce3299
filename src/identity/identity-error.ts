export enum IdentityErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  TOKEN_INVALID = 'TOKEN_INVALID',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  TENANT_MISSING = 'TENANT_MISSING',
}

/** A request whose identity cannot be established. Answered with HTTP 401. */
export class IdentityError extends Error {
  constructor(readonly code: IdentityErrorCode, message: string) {
    super(message);
    this.name = 'IdentityError';
  }
}
