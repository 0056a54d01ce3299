export enum BreachErrorCode {
  AWARENESS_TIME_INVALID = 'AWARENESS_TIME_INVALID',
  /** Filed after the 72 hours without stating why (art. 33(1) AVG). */
  LATE_REASON_REQUIRED = 'LATE_REASON_REQUIRED',
  /** The same person may not advise and decide, or decide and file (functiescheiding). */
  SEPARATION_OF_DUTIES = 'SEPARATION_OF_DUTIES',
  /** An art. 34(3) ground is needed to not inform data subjects against the advice. */
  EXEMPTION_REQUIRED = 'SUBJECTS_EXEMPTION_REQUIRED',
  ADVICE_MISSING = 'BREACH_ADVICE_MISSING',
  DECISION_MISSING = 'BREACH_DECISION_MISSING',
  BREACH_NOT_FOUND = 'BREACH_NOT_FOUND',
  AP_NOTIFICATION_NOT_FOUND = 'AP_NOTIFICATION_NOT_FOUND',
  /** The AP form misses what art. 33(3) requires, or holds values the form does not know. */
  AP_FORM_INVALID = 'AP_FORM_INVALID',
  /** The notification's state does not allow this step (e.g. supplementing a withdrawn one). */
  AP_NOTIFICATION_STATE = 'AP_NOTIFICATION_WRONG_STATE',
  FORBIDDEN = 'FORBIDDEN',
}

export interface BreachFieldError {
  field: string;
  message: string;
}

/** A refusal in the breach procedure; nothing was changed when this is thrown. */
export class BreachError extends Error {
  constructor(
    readonly code: BreachErrorCode,
    message: string,
    readonly fieldErrors?: BreachFieldError[],
  ) {
    super(message);
    this.name = 'BreachError';
  }
}
