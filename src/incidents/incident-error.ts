export enum IncidentErrorCode {
  /** The report or a form answer breaks a rule of the procedure; `fieldErrors` says which. */
  REPORT_INVALID = 'INCIDENT_REPORT_INVALID',
  UNKNOWN_CLASSIFICATION = 'UNKNOWN_INCIDENT_CLASSIFICATION',
  /** The CISO chose another impact than the table proposes without saying why. */
  CORRECTION_REASON_REQUIRED = 'IMPACT_CORRECTION_REASON_REQUIRED',
  INCIDENT_NOT_FOUND = 'INCIDENT_NOT_FOUND',
  /** Whoever reported an incident does not assess or close it. */
  SEPARATION_OF_DUTIES = 'SEPARATION_OF_DUTIES',
  FORBIDDEN = 'FORBIDDEN',
  /** A logbook note, hours or an evidence item breaks a rule; `fieldErrors` says which. */
  ENTRY_INVALID = 'INCIDENT_ENTRY_INVALID',
  EVIDENCE_NOT_FOUND = 'EVIDENCE_NOT_FOUND',
  MEASURE_NOT_FOUND = 'IMPROVEMENT_MEASURE_NOT_FOUND',
  /** Only the holder hands an item over, only the named recipient signs for it. */
  CUSTODY_REFUSED = 'EVIDENCE_CUSTODY_REFUSED',
  /** An uploaded evidence file is larger than EVIDENCE_MAX_BYTES; `limit` says how large it may be. */
  EVIDENCE_TOO_LARGE = 'EVIDENCE_TOO_LARGE',
  /** The platform holds no copy of this item (physical, or kept elsewhere with a declared SHA-256). */
  EVIDENCE_NOT_HELD = 'EVIDENCE_NOT_HELD',
}

export interface IncidentFieldError {
  field: string;
  message: string;
}

/** A refusal of an incident command; nothing was changed when this is thrown. */
export class IncidentError extends Error {
  constructor(
    readonly code: IncidentErrorCode,
    message: string,
    readonly fieldErrors?: IncidentFieldError[],
    /** Further machine-readable facts (e.g. `limit`), passed on as GraphQL extensions. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'IncidentError';
  }
}
