/** Stable codes for refused commands on a data-subject request; transport maps them to `extensions.code`. */
export enum DsrRequestErrorCode {
  /** The registration breaks the request-record rules; `fieldErrors` lists every invalid field. */
  REQUEST_INVALID = 'DSR_REQUEST_INVALID',
  REQUEST_NOT_FOUND = 'DSR_REQUEST_NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  /** A form answer breaks a rule of the procedure; `fieldErrors` says which. */
  ANSWER_INVALID = 'DSR_ANSWER_INVALID',
  /** The drafted decision lacks what the law requires or names a wrong ground; `fieldErrors` lists the problems. */
  DECISION_INVALID = 'DSR_DECISION_INVALID',
  /** "Buiten behandeling" only after a repair term ran out unused (art. 4:5 Awb). */
  NOT_PROCESSED_WITHOUT_REPAIR_TERM = 'DSR_NOT_PROCESSED_WITHOUT_REPAIR_TERM',
  /** There is no sent decision to object to. */
  NO_DECISION_SENT = 'DSR_NO_DECISION_SENT',
  /** The objection came after the six weeks (art. 6:7–6:9 Awb). */
  OBJECTION_LATE = 'DSR_OBJECTION_LATE',
  OBJECTION_ALREADY_RECEIVED = 'DSR_OBJECTION_ALREADY_RECEIVED',
  /** A letter is signed with the signer's name, and the signer's account has none (token claim `name`). */
  SIGNER_UNNAMED = 'DSR_SIGNER_UNNAMED',
}

export interface DsrFieldError {
  field: string;
  code?: string;
  message: string;
}

/** A refusal of a data-subject request command; nothing was changed when this is thrown. */
export class DsrRequestError extends Error {
  constructor(
    readonly code: DsrRequestErrorCode,
    message: string,
    readonly fieldErrors?: DsrFieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DsrRequestError';
  }
}
