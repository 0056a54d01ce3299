/** Stable codes of refused data-protection requests (export, erasure, retention status). */
export enum DataProtectionErrorCode {
  FORBIDDEN = 'FORBIDDEN',
  TENANT_REQUIRED = 'TENANT_REQUIRED',
  PERSON_IDENTIFIERS_INVALID = 'PERSON_IDENTIFIERS_INVALID',
  ERASURE_INPUT_INVALID = 'ERASURE_INPUT_INVALID',
  /** A case id that does not exist, belongs to another municipality, or in which the person does not occur. */
  ERASURE_CASE_NOT_FOUND = 'ERASURE_CASE_NOT_FOUND',
  ERASURE_CASE_OPEN = 'ERASURE_CASE_OPEN',
  ERASURE_LEGAL_HOLD = 'ERASURE_LEGAL_HOLD',
}

/** What staff see for each code (Dutch); the English `message` is for logs. */
export const DATA_PROTECTION_ERROR_TEXTS: Record<DataProtectionErrorCode, string> = {
  [DataProtectionErrorCode.FORBIDDEN]: 'U mag dit niet doen voor deze gemeente.',
  [DataProtectionErrorCode.TENANT_REQUIRED]: 'U werkt voor meer gemeenten: geef aan voor welke.',
  [DataProtectionErrorCode.PERSON_IDENTIFIERS_INVALID]: 'Geef een geldig BSN, een volledige naam of een e-mailadres van de persoon.',
  [DataProtectionErrorCode.ERASURE_INPUT_INVALID]: 'Noem de zaken waaruit gewist wordt en eventueel het kenmerk van het verzoek (AVG-jjjj-nnnnn).',
  [DataProtectionErrorCode.ERASURE_CASE_NOT_FOUND]: 'Een of meer zaken bestaan niet of de persoon komt er niet in voor.',
  [DataProtectionErrorCode.ERASURE_CASE_OPEN]: 'Een of meer zaken lopen nog; er is niets gewist.',
  [DataProtectionErrorCode.ERASURE_LEGAL_HOLD]: 'De wet laat wissen uit een of meer zaken (nog) niet toe; er is niets gewist.',
};

/** A refused request: nothing was read or changed. Never retryable as such (a hold may end later). */
export class DataProtectionError extends Error {
  readonly retryable = false;

  constructor(
    readonly code: DataProtectionErrorCode,
    message: string,
    /** Field problems, or the cases that block an erasure with their reason and end. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DataProtectionError';
  }
}
