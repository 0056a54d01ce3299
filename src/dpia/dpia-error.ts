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

/** What staff see for each code (Dutch); the English `message` is for logs. */
export const DPIA_ERROR_TEXTS: Record<DpiaErrorCode, string> = {
  [DpiaErrorCode.QUICKSCAN_INCOMPLETE]: 'Beantwoord alle vragen van de quickscan.',
  [DpiaErrorCode.QUICKSCAN_UNKNOWN_ITEM]: 'De quickscan bevat een onbekende vraag.',
  [DpiaErrorCode.QUICKSCAN_NOT_A_BOOLEAN]: 'Beantwoord elke vraag van de quickscan met ja of nee.',
  [DpiaErrorCode.FULL_DPIA_REQUIRED]: 'Een DPIA is verplicht; een compliance check is dan niet voldoende.',
  [DpiaErrorCode.ROUTE_MOTIVATION_MISSING]: 'Motiveer de keuze voor een volledige DPIA.',
  [DpiaErrorCode.PROCESSING_REQUIRED]: 'Kies de verwerking waarover de quickscan gaat.',
  [DpiaErrorCode.INVALID_SCALE_VALUE]: 'Kans en impact hebben een waarde van 1 tot en met 4.',
  [DpiaErrorCode.RESIDUAL_ABOVE_INHERENT]: 'Het risico na maatregelen kan niet hoger zijn dan ervoor.',
  [DpiaErrorCode.HEAT_MAP_INVALID_RISK]: 'Elk risico heeft een unieke code van hoogstens vier tekens en een omschrijving.',
};

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
