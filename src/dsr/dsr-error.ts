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

/** What staff see for each code (Dutch); the English `message` is for logs. */
export const DSR_ERROR_TEXTS: Record<DsrErrorCode, string> = {
  [DsrErrorCode.INVALID_MOMENT]: 'Het tijdstip is ongeldig; geef datum, tijd en tijdzone op.',
  [DsrErrorCode.INVALID_DATE]: 'De datum is ongeldig; gebruik jjjj-mm-dd.',
  [DsrErrorCode.YEAR_NOT_SUPPORTED]: 'Voor dit jaar kunnen de feestdagen van de Algemene termijnenwet niet worden berekend.',
  [DsrErrorCode.EXTENSION_AFTER_FIRST_MONTH]: 'Verdagen kan alleen met een brief die is verzonden vóór het einde van de eerste maand.',
  [DsrErrorCode.EXTENSION_BEFORE_RECEIPT]: 'De verdagingsbrief kan niet vóór de ontvangst van het verzoek zijn verzonden.',
  [DsrErrorCode.EXTENSION_TOO_LONG]: 'De termijn kan met ten hoogste twee maanden worden verlengd.',
  [DsrErrorCode.EXTENSION_INVALID_DURATION]: 'Geef de verlenging op in hele maanden, weken of dagen.',
  [DsrErrorCode.EXTENSION_REASON_MISSING]: 'Geef de reden van verdaging: de complexiteit of het aantal verzoeken.',
  [DsrErrorCode.EXTENSION_REASON_INVALID]: 'Verdagen mag alleen wegens de complexiteit of het aantal verzoeken (art. 12 lid 3 AVG).',
  [DsrErrorCode.EXTENSION_MOTIVATION_MISSING]: 'De verdagingsbrief moet een motivering bevatten.',
  [DsrErrorCode.SUSPENSION_NEGATIVE]: 'Een opschorting kan niet negatief zijn.',
  [DsrErrorCode.SUSPENSION_NOT_WHOLE_DAYS]: 'Een opschorting duurt een heel aantal dagen.',
  [DsrErrorCode.SUSPENSION_PERIOD_REVERSED]: 'De opschorting kan niet eindigen vóór zij begint.',
  [DsrErrorCode.SUSPENSION_BEFORE_RECEIPT]: 'Om herstel kan niet worden gevraagd vóór de ontvangst van het verzoek.',
  [DsrErrorCode.SUSPENSION_OVERLAP]: 'Opschortingen mogen elkaar niet overlappen.',
  [DsrErrorCode.SUSPENSION_AFTER_DEADLINE]: 'De termijn was al verstreken; een hersteltermijn schort haar niet meer op.',
  [DsrErrorCode.REMINDER_INVALID_OFFSET]: 'Herinneringen worden een heel aantal werkdagen (minstens één) vóór de termijn gestuurd.',
  [DsrErrorCode.REMINDER_INVALID_TIME]: 'Het tijdstip van de herinnering is ongeldig; gebruik uu:mm.',
  [DsrErrorCode.UNKNOWN_RIGHT]: 'Onbekend recht van betrokkene.',
};

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
