import type { EntityManager } from 'typeorm';
import { listRegister, RegisterFilter } from './incident-register';

/** The most rows one export holds; a larger register is exported per period with the filter. */
export const MAX_EXPORT_ROWS = 10000;

const COLUMNS = [
  'kenmerk',
  'gemeente',
  'status',
  'gemeld_op',
  'gemeld_via',
  'ontdekt_op',
  'tabel',
  'classificatie',
  'voorgestelde_impact',
  'impact',
  'persoonsgegevens',
  'kennisname',
  'uiterste_meldmoment',
  'melding_ap',
  'meldnummer_ap',
  'gemeld_bij_ap_op',
  'afgesloten_op',
  'vernietigd_op',
] as const;

/**
 * One CSV cell (RFC 4180). A cell that a spreadsheet would read as a formula gets a leading
 * apostrophe, so an exported register cannot run anything when opened.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? (value ? 'ja' : 'nee') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The incident register as CSV: codes, dates and outcomes only — no report texts, so the file
 * holds no personal data and may be shared with the management and the FG.
 */
export async function exportRegisterCsv(em: EntityManager, filter: RegisterFilter): Promise<string> {
  const { nodes } = await listRegister(em, filter, MAX_EXPORT_ROWS, 0);
  const ids = nodes.map((n) => n.id);
  const breaches: { incident_id: string; aware_at: Date; deadline_at: Date; status: string | null; ap_number: string | null; submitted_at: Date | null }[] = ids.length
    ? await em.query(
        `SELECT b.incident_id, b.aware_at, b.deadline_at, n.status, n.ap_number, n.submitted_at
           FROM breach b LEFT JOIN ap_notification n ON n.breach_id = b.id WHERE b.incident_id = ANY($1::uuid[])`,
        [ids],
      )
    : [];
  const byIncident = new Map(breaches.map((b) => [b.incident_id, b]));
  const lines = [COLUMNS.join(',')];
  for (const i of nodes) {
    const b = byIncident.get(i.id);
    lines.push(
      [
        i.reference,
        i.tenantId,
        i.status,
        i.reportedAt,
        i.reportedVia,
        i.discoveredAt,
        i.classificationTable,
        i.classificationCode,
        i.proposedImpact,
        i.impact,
        i.personalData,
        b?.aware_at,
        b?.deadline_at,
        b ? (b.status ?? 'geen') : null,
        b?.ap_number,
        b?.submitted_at,
        i.closedAt,
        i.destroyedAt,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
