/** Stable codes for invalid use of the DPIA rules; transport maps them to `extensions.code`. */
export enum DpiaErrorCode {
  QUICKSCAN_INCOMPLETE = 'DPIA_QUICKSCAN_INCOMPLETE',
  QUICKSCAN_UNKNOWN_ITEM = 'DPIA_QUICKSCAN_UNKNOWN_ITEM',
  QUICKSCAN_NOT_A_BOOLEAN = 'DPIA_QUICKSCAN_NOT_A_BOOLEAN',
  FULL_DPIA_REQUIRED = 'DPIA_FULL_DPIA_REQUIRED',
  ROUTE_MOTIVATION_MISSING = 'DPIA_ROUTE_MOTIVATION_MISSING',
  PROCESSING_REQUIRED = 'DPIA_PROCESSING_REQUIRED',
  INVALID_SCALE_VALUE = 'DPIA_INVALID_SCALE_VALUE',
  RESIDUAL_ABOVE_INHERENT = 'DPIA_RESIDUAL_ABOVE_INHERENT',
  HEAT_MAP_INVALID_RISK = 'DPIA_HEAT_MAP_INVALID_RISK',
}

/** Invalid use of a DPIA rule. Never retryable: the same input fails the same way. */
export class DpiaError extends Error {
  readonly retryable = false;

  constructor(
    readonly code: DpiaErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DpiaError';
  }
}
