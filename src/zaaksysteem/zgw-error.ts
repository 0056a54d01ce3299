/** Stable codes for everything that can go wrong between the platform and the zaaksysteem. */
export enum ZgwErrorCode {
  CONFIG_UNREADABLE = 'ZGW_CONFIG_UNREADABLE',
  CONFIG_INVALID = 'ZGW_CONFIG_INVALID',
  SECRET_MISSING = 'ZGW_SECRET_MISSING',
  CATALOGUE_ITEM_UNKNOWN = 'ZGW_CATALOGUE_ITEM_UNKNOWN',
  /** A diagram's zaaksysteem steps and the configuration do not match (a status step without statustype, …). */
  DIAGRAM_MISMATCH = 'ZGW_DIAGRAM_MISMATCH',
  NOT_CONFIGURED = 'ZGW_NOT_CONFIGURED',
  REQUEST_FAILED = 'ZGW_REQUEST_FAILED',
  /** The zaaksysteem answered 2xx with a body its OpenAPI specification does not allow. */
  RESPONSE_INVALID = 'ZGW_RESPONSE_INVALID',
  /** A step that must wait: the case's zaak is not created yet (an earlier call is still being retried). */
  ZAAK_NOT_YET_CREATED = 'ZGW_ZAAK_NOT_YET_CREATED',
  DOCUMENT_MISSING = 'ZGW_DOCUMENT_MISSING',
  /** A step that links to the zaak's besluit found none (the besluit step was skipped, failed for good, or it was removed there). */
  BESLUIT_MISSING = 'ZGW_BESLUIT_MISSING',
  /** A zaak from the zaaksysteem lacks what a case here needs (no initiator, unknown kind of request, …). */
  INTAKE_REFUSED = 'ZGW_INTAKE_REFUSED',
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

  /**
   * Whether trying again later can succeed: network errors, timeouts, 5xx, 408, 409, 425 and 429
   * can; a refusal (other 4xx), an invalid response or a missing document needs a person first.
   * The outbox relay reads this: a call that cannot succeed goes dead at once instead of retrying.
   */
  get retryable(): boolean {
    if (typeof this.details.retryable === 'boolean') return this.details.retryable;
    return this.code === ZgwErrorCode.ZAAK_NOT_YET_CREATED;
  }
}

/** Several configuration problems at once, so an integrator fixes the file in one pass. */
export class ZgwConfigError extends ZgwError {
  constructor(readonly problems: { code: ZgwErrorCode; path: string; message: string }[]) {
    super(problems[0]?.code ?? ZgwErrorCode.CONFIG_INVALID, `zaaksysteem configuration: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { problems });
    this.name = 'ZgwConfigError';
  }
}
