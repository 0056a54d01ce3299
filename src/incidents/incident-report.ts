import { findClassification, proposeImpact } from './classification-table';
import { IncidentError, IncidentErrorCode, IncidentFieldError } from './incident-error';

/**
 * A report of a (suspected) incident: the questions every non-automated report must answer
 * (OISZ policy, Bijlage C, items j–q).
 */
export interface IncidentReport {
  /** j) what happened */
  whatHappened: string;
  /** k) who established the facts */
  noticedBy?: string | null;
  /** l) when it happened, if known */
  occurredAt?: Date | null;
  /** m) when it was discovered */
  discoveredAt: Date;
  /** n) how it was caused, if known */
  cause?: string | null;
  /** o) how it was discovered */
  discoveryMethod: string;
  /** p) what was affected */
  affected: string;
  /** q) the (potential) impact on the municipality's work */
  possibleImpact: string;
  /** Does the reporter think personal data are involved? */
  personalDataSuspected?: boolean | null;
  /** Code from the BLNP table (classification-table.ts), when the reporter or helpdesk chose one. */
  classificationCode?: string | null;
}

const TEXT_MAX = 4000;

/** Checks a report before anything is stored; every problem is listed at once. */
export function checkReport(report: IncidentReport, now: Date): void {
  const errors: IncidentFieldError[] = [];
  const text = (field: keyof IncidentReport, required: boolean) => {
    const value = report[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) errors.push({ field, message: 'required' });
      return;
    }
    if (typeof value !== 'string') errors.push({ field, message: 'must be text' });
    else if (value.length > TEXT_MAX) errors.push({ field, message: `at most ${TEXT_MAX} characters` });
  };
  text('whatHappened', true);
  text('noticedBy', false);
  text('cause', false);
  text('discoveryMethod', true);
  text('affected', true);
  text('possibleImpact', true);
  const discovered = report.discoveredAt instanceof Date ? report.discoveredAt.getTime() : NaN;
  if (Number.isNaN(discovered)) errors.push({ field: 'discoveredAt', message: 'required date-time' });
  else if (discovered > now.getTime()) errors.push({ field: 'discoveredAt', message: 'lies in the future' });
  if (report.occurredAt) {
    if (report.occurredAt.getTime() > now.getTime()) errors.push({ field: 'occurredAt', message: 'lies in the future' });
    else if (!Number.isNaN(discovered) && report.occurredAt.getTime() > discovered) errors.push({ field: 'occurredAt', message: 'lies after the discovery' });
  }
  if (errors.length) throw new IncidentError(IncidentErrorCode.REPORT_INVALID, 'the report is incomplete or inconsistent', errors);
  if (report.classificationCode && !findClassification(report.classificationCode)) {
    throw new IncidentError(IncidentErrorCode.UNKNOWN_CLASSIFICATION, `unknown classification ${report.classificationCode}`, [
      { field: 'classificationCode', message: 'not in the BLNP table' },
    ]);
  }
}

/** The table's proposal for a report, or null when no category was chosen (the CISO classifies). */
export function proposalForReport(report: Pick<IncidentReport, 'classificationCode' | 'personalDataSuspected'>) {
  const entry = report.classificationCode ? findClassification(report.classificationCode) : undefined;
  return entry ? proposeImpact(entry, report.personalDataSuspected ?? null) : null;
}
