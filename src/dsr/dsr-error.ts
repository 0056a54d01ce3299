/** Stable codes for invalid use of the data-subject-request rules; transport maps them to `extensions.code`. */
export enum DsrErrorCode {
  INVALID_MOMENT = 'DSR_INVALID_MOMENT',
  INVALID_DATE = 'DSR_INVALID_DATE',
  YEAR_NOT_SUPPORTED = 'DSR_YEAR_NOT_SUPPORTED',
  EXTENSION_AFTER_FIRST_MONTH = 'DSR_EXTENSION_AFTER_FIRST_MONTH',
  EXTENSION_BEFORE_RECEIPT = 'DSR_EXTENSION_BEFORE_RECEIPT',
  EXTENSION_TOO_LONG = 'DSR_EXTENSION_TOO_LONG',
  EXTENSION_INVALID_DURATION = 'DSR_EXTENSION_INVALID_DURATION',
  EXTENSION_REASON_MISSING = 'DSR_EXTENSION_REASON_MISSING',
  EXTENSION_REASON_INVALID = 'DSR_EXTENSION_REASON_INVALID',
  EXTENSION_MOTIVATION_MISSING = 'DSR_EXTENSION_MOTIVATION_MISSING',
  SUSPENSION_NEGATIVE = 'DSR_SUSPENSION_NEGATIVE',
  SUSPENSION_NOT_WHOLE_DAYS = 'DSR_SUSPENSION_NOT_WHOLE_DAYS',
  SUSPENSION_PERIOD_REVERSED = 'DSR_SUSPENSION_PERIOD_REVERSED',
  SUSPENSION_BEFORE_RECEIPT = 'DSR_SUSPENSION_BEFORE_RECEIPT',
  SUSPENSION_OVERLAP = 'DSR_SUSPENSION_OVERLAP',
  SUSPENSION_AFTER_DEADLINE = 'DSR_SUSPENSION_AFTER_DEADLINE',
  REMINDER_INVALID_OFFSET = 'DSR_REMINDER_INVALID_OFFSET',
  REMINDER_INVALID_TIME = 'DSR_REMINDER_INVALID_TIME',
  UNKNOWN_RIGHT = 'DSR_UNKNOWN_RIGHT',
}

/**
 * Invalid use of a data-subject-request rule (not a validation result of user input, which the
 * validators return as lists). Never retryable: the same input fails the same way.
 */
export class DsrError extends Error {
  readonly retryable = false;

  constructor(
    readonly code: DsrErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DsrError';
  }
}
