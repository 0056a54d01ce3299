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
  FORBIDDEN = 'DPIA_FORBIDDEN',
  NOT_FOUND = 'DPIA_NOT_FOUND',
  PROCESSING_INVALID = 'DPIA_PROCESSING_INVALID',
  FG_IN_TEAM = 'DPIA_FG_IN_TEAM',
  TEAM_INVALID = 'DPIA_TEAM_INVALID',
  RISKS_MISSING = 'DPIA_RISKS_MISSING',
  RISK_INVALID = 'DPIA_RISK_INVALID',
  MEASURE_INVALID = 'DPIA_MEASURE_INVALID',
  NOT_IN_ASSESSMENT = 'DPIA_NOT_IN_ASSESSMENT',
  ADVICE_REASON_REQUIRED = 'DPIA_ADVICE_REASON_REQUIRED',
  AP_SUBMISSION_IN_FUTURE = 'DPIA_AP_SUBMISSION_IN_FUTURE',
  AP_TERM_ALREADY_EXTENDED = 'DPIA_AP_TERM_ALREADY_EXTENDED',
  PRIOR_CONSULTATION_PENDING = 'DPIA_PRIOR_CONSULTATION_PENDING',
  PROCESSING_NOT_ALLOWED = 'DPIA_PROCESSING_NOT_ALLOWED',
  INCIDENT_NOT_CLOSED = 'DPIA_INCIDENT_NOT_CLOSED',
  ALREADY_OPEN = 'DPIA_ALREADY_OPEN',
  REVISION_REQUEST_REQUIRED = 'DPIA_REVISION_REQUEST_REQUIRED',
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
  [DpiaErrorCode.FORBIDDEN]: 'U mag dit niet doen voor deze verwerking of DPIA.',
  [DpiaErrorCode.NOT_FOUND]: 'Deze verwerking of DPIA bestaat niet.',
  [DpiaErrorCode.PROCESSING_INVALID]: 'Vul alle verplichte velden van het verwerkingsregister in.',
  [DpiaErrorCode.FG_IN_TEAM]: 'De FG die adviseert is geen lid van het DPIA-team van die DPIA.',
  [DpiaErrorCode.TEAM_INVALID]: 'Het DPIA-team bestaat uit ten minste twee verschillende personen.',
  [DpiaErrorCode.RISKS_MISSING]: 'Leg eerst de risico’s vast in het risicoregister.',
  [DpiaErrorCode.RISK_INVALID]: 'Elk risico heeft een unieke code, een omschrijving en kans en impact.',
  [DpiaErrorCode.MEASURE_INVALID]: 'Een maatregel heeft een omschrijving, een eigenaar, een datum en een bekend risico.',
  [DpiaErrorCode.NOT_IN_ASSESSMENT]: 'Risico’s en maatregelen worden vastgelegd tijdens de beoordeling van een volledige DPIA; na het rapport liggen ze vast tot er een nieuwe beoordelingsronde is.',
  [DpiaErrorCode.ADVICE_REASON_REQUIRED]: 'Geef aan waarom het advies van de FG niet wordt gevolgd.',
  [DpiaErrorCode.AP_SUBMISSION_IN_FUTURE]: 'De datum van indiening bij de AP ligt niet in de toekomst.',
  [DpiaErrorCode.AP_TERM_ALREADY_EXTENDED]: 'De AP kan de termijn eenmaal met zes weken verlengen.',
  [DpiaErrorCode.REVISION_REQUEST_REQUIRED]: 'Geef aan wat het DPIA-team in de nieuwe ronde moet aanvullen of herzien.',
  [DpiaErrorCode.PRIOR_CONSULTATION_PENDING]: 'De verwerking mag niet starten voordat de AP heeft geantwoord.',
  [DpiaErrorCode.PROCESSING_NOT_ALLOWED]: 'De verwerking mag (nog) niet starten.',
  [DpiaErrorCode.INCIDENT_NOT_CLOSED]: 'Een DPIA heropenen kan bij de evaluatie, dus nadat het incident is afgesloten.',
  [DpiaErrorCode.ALREADY_OPEN]: 'Voor deze verwerking loopt al een DPIA.',
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
