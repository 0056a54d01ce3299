export enum AuditErrorCode {
  FORBIDDEN = 'FORBIDDEN',
  TENANT_REQUIRED = 'TENANT_REQUIRED',
  INVALID_FILTER = 'INVALID_FILTER',
}

/** A refused audit-log query. Nothing was read. */
export class AuditError extends Error {
  constructor(readonly code: AuditErrorCode, message: string) {
    super(message);
    this.name = 'AuditError';
  }
}
