/** Stable codes for everything that can go wrong between the platform and the zaaksysteem. */
export enum ZgwErrorCode {
  CONFIG_UNREADABLE = 'ZGW_CONFIG_UNREADABLE',
  CONFIG_INVALID = 'ZGW_CONFIG_INVALID',
  SECRET_MISSING = 'ZGW_SECRET_MISSING',
  CATALOGUE_ITEM_UNKNOWN = 'ZGW_CATALOGUE_ITEM_UNKNOWN',
  NOT_CONFIGURED = 'ZGW_NOT_CONFIGURED',
  REQUEST_FAILED = 'ZGW_REQUEST_FAILED',
  DOCUMENT_MISSING = 'ZGW_DOCUMENT_MISSING',
}

export class ZgwError extends Error {
  constructor(
    readonly code: ZgwErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ZgwError';
  }
}

/** Several configuration problems at once, so an integrator fixes the file in one pass. */
export class ZgwConfigError extends ZgwError {
  constructor(readonly problems: { code: ZgwErrorCode; path: string; message: string }[]) {
    super(problems[0]?.code ?? ZgwErrorCode.CONFIG_INVALID, `zaaksysteem configuration: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { problems });
    this.name = 'ZgwConfigError';
  }
}
