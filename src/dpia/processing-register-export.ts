import type { EntityManager } from 'typeorm';
import { csvCell } from '../incidents/register-export';
import { listProcessings, ProcessingFilter } from './processing-register';

/** The most rows one export holds. */
export const MAX_EXPORT_ROWS = 10000;

const COLUMNS = [
  'verwerking',
  'gemeente',
  'verwerkingsverantwoordelijke',
  'doeleinden',
  'grondslag',
  'categorieen_betrokkenen',
  'categorieen_persoonsgegevens',
  'bijzondere_persoonsgegevens',
  'ontvangers',
  'doorgifte_derde_landen',
  'bewaartermijn',
  'beveiligingsmaatregelen',
  'verwerkers',
  'proceseigenaar',
  'status',
  'laatste_dpia',
  'laatste_dpia_uitkomst',
  'volgende_herbeoordeling',
] as const;

const list = (items: string[]) => items.join('; ');

/** The verwerkingsregister as CSV (RFC 4180, formula-safe cells): the art. 30 fields with the latest DPIA. */
export async function exportProcessingRegisterCsv(em: EntityManager, filter: ProcessingFilter): Promise<string> {
  const { nodes } = await listProcessings(em, filter, MAX_EXPORT_ROWS, 0);
  const latest: { processing_id: string; reference: string; route: string | null; residual_level: string | null }[] = nodes.length
    ? await em.query(
        `SELECT DISTINCT ON (processing_id) processing_id, reference, route, residual_level FROM dpia
          WHERE processing_id = ANY($1::uuid[]) ORDER BY processing_id, started_at DESC`,
        [nodes.map((n) => n.id)],
      )
    : [];
  const byProcessing = new Map(latest.map((d) => [d.processing_id, d]));
  const lines = [COLUMNS.join(',')];
  for (const p of nodes) {
    const d = byProcessing.get(p.id);
    const outcome = d?.route === 'compliance_check' ? 'compliance check' : d?.residual_level ? `restrisico ${d.residual_level}` : null;
    lines.push(
      [
        p.name,
        p.tenantId,
        p.controller,
        p.purposes,
        p.legalBasis,
        list(p.dataSubjectCategories),
        list(p.dataCategories),
        list(p.specialCategories),
        list(p.recipients),
        p.transfers,
        p.retention,
        p.securityMeasures,
        list(p.processors),
        p.processOwner,
        p.status,
        d?.reference,
        outcome,
        p.nextReassessmentAt,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
