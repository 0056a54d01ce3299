import { DateTime, Duration } from 'luxon';
import type { Config } from '../config';
import type { RetentionCaseType } from '../persistence/entities/case-retention.entity';
import { afterDuration } from '../workflow/calendar';

/**
 * How long the platform keeps a case's personal data after the case ended, per case type (issue 8
 * point 6). Periods are maxima (AVG art. 5(1)(e), opslagbeperking), not duties to keep: erasure
 * before the period ends is governed by the legal holds in erasure-holds.ts.
 */
export interface RetentionRule {
  caseType: RetentionCaseType;
  /** ISO 8601 duration from the end of the case; null = no destruction timer (see `basis`). */
  period: string | null;
  /** The environment variable that sets the period, if any. */
  setting: string | null;
  /** When the period starts and what happens when it has passed. */
  trigger: string;
  /** Why this period (Archiefwet / selectielijst / AVG reasoning). */
  basis: string;
}

export type RetentionSettings = Pick<Config, 'incidentRetentionPeriod' | 'dsrRetentionPeriod' | 'caseRetentionPeriod'>;

export function retentionRules(settings: RetentionSettings): RetentionRule[] {
  return [
    {
      caseType: 'incident',
      period: settings.incidentRetentionPeriod,
      setting: 'INCIDENT_RETENTION_PERIOD',
      trigger:
        'Het procesmodel vernietigt het dossier na deze termijn vanaf "Dossier veilig opslaan" (BLNP stap 41); een zaak die anders eindigt (geen incident, varianten) na deze termijn vanaf het einde van de zaak.',
      basis:
        'Het incidentregister (art. 33 lid 5 AVG) blijft als minimale registerregel en in de onveranderlijke adviezen en besluiten over melding; het dossier zelf niet langer dan nodig voor evaluatie, verantwoording en eventuele claims.',
    },
    {
      caseType: 'data-subject-request',
      period: settings.dsrRetentionPeriod,
      setting: 'DSR_RETENTION_PERIOD',
      trigger: 'Na deze termijn vanaf het einde van de zaak (besluit onherroepelijk, bezwaar afgehandeld of verzoek ingetrokken).',
      basis:
        'De Selectielijst gemeenten 2020 noemt geen aparte termijn voor AVG-verzoeken; gemeenten hanteren 1 tot 5 jaar. Het register (referentie, recht, data, uitkomst) blijft voor het jaarverslag van de FG en verantwoording aan de AP, dus de persoonsgegevens zelf zijn na een jaar niet meer nodig.',
    },
    {
      caseType: 'dpia',
      period: null,
      setting: null,
      trigger: 'Geen vernietigingstermijn: bewaard zolang de verwerking in het verwerkingsregister staat.',
      basis:
        'De DPIA is de verantwoording van de verwerking (art. 5 lid 2 en 35 AVG); het verwerkingsregister wordt volgens de selectielijst blijvend bewaard. Een DPIA bevat geen gegevens van burgers, alleen van medewerkers in hun functie.',
    },
    {
      caseType: 'other',
      period: settings.caseRetentionPeriod,
      setting: 'CASE_RETENTION_PERIOD',
      trigger: 'Zaken van processen zonder caseType: na deze termijn vanaf het einde van de zaak.',
      basis: 'Opslagbeperking (art. 5 lid 1 onder e AVG): zonder vastgestelde termijn geldt de kortste redelijke.',
    },
  ];
}

export function ruleFor(rules: readonly RetentionRule[], caseType: RetentionCaseType): RetentionRule {
  return rules.find((r) => r.caseType === caseType) ?? rules.find((r) => r.caseType === 'other')!;
}

/** When a case that ended at `closedAt` is due for removal of its personal data; null = never by timer. */
export function removalDueAt(rule: RetentionRule, closedAt: Date): Date | null {
  if (!rule.period) return null;
  return afterDuration(closedAt, rule.period);
}

/**
 * Per case type with a timer: cases that ended at or before this moment are due now. The
 * schedule is derived from the end of the case and the period in force, so a municipality that
 * changes a period moves every pending removal with it.
 */
export function dueThresholds(rules: readonly RetentionRule[], now: Date): { caseType: RetentionCaseType; closedAtOrBefore: Date }[] {
  return rules
    .filter((r) => r.period)
    .map((r) => ({ caseType: r.caseType, closedAtOrBefore: DateTime.fromJSDate(now, { zone: 'utc' }).minus(Duration.fromISO(r.period!)).toJSDate() }));
}
