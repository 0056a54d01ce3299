import type { EntityManager } from 'typeorm';
import { DsrRequestEntity, DsrStatus } from '../persistence/entities/dsr-request.entity';

/** The request register's filters (all optional, combined with AND). */
export interface RequestRegisterFilter {
  tenantIds: string[];
  status?: DsrStatus[];
  rights?: string[];
  /** A department asked to answer (by name). */
  department?: string;
  /** true: only open requests whose deadline has passed. */
  overdue?: boolean;
  receivedFrom?: Date;
  receivedTo?: Date;
}

const OPEN: DsrStatus[] = ['open', 'suspended'];

/** A readable, unique case number: AVG-<year>-<sequence>; also the business key. Gaps are harmless. */
export async function nextRequestReference(em: EntityManager, now: Date): Promise<string> {
  const [{ n }] = await em.query(`SELECT nextval('dsr_reference_seq')::int AS n`);
  return `AVG-${now.getUTCFullYear()}-${String(n).padStart(5, '0')}`;
}

/** Open requests first, those with the nearest (or most overdue) deadline on top; then the rest, newest first. */
export async function listRequests(em: EntityManager, filter: RequestRegisterFilter, now: Date, first: number, offset: number) {
  const qb = em.getRepository(DsrRequestEntity).createQueryBuilder('r').where('r.tenant_id IN (:...tenants)', { tenants: filter.tenantIds });
  if (filter.status?.length) qb.andWhere('r.status IN (:...status)', { status: filter.status });
  if (filter.rights?.length) qb.andWhere('r.right IN (:...rights)', { rights: filter.rights });
  if (filter.department) qb.andWhere(`r.departments @> :dept::jsonb`, { dept: JSON.stringify([{ name: filter.department }]) });
  if (filter.overdue === true) qb.andWhere('r.status IN (:...open) AND r.deadline_at < :now', { open: OPEN, now });
  if (filter.receivedFrom) qb.andWhere('r.received_at >= :from', { from: filter.receivedFrom });
  if (filter.receivedTo) qb.andWhere('r.received_at < :to', { to: filter.receivedTo });
  qb.orderBy(`CASE WHEN r.status IN ('open', 'suspended') THEN 0 ELSE 1 END`, 'ASC')
    .addOrderBy(`CASE WHEN r.status IN ('open', 'suspended') THEN r.deadline_at END`, 'ASC', 'NULLS LAST')
    .addOrderBy('r.received_at', 'DESC')
    .skip(offset)
    .take(first);
  const [nodes, totalCount] = await qb.getManyAndCount();
  return { nodes, totalCount };
}

const CSV_COLUMNS = ['reference', 'tenant', 'right', 'channel', 'received_at', 'deadline', 'status', 'outcome', 'sent_at', 'sent_on_time', 'extended', 'objection'] as const;

const cell = (value: unknown) => {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The register as CSV (RFC 4180): codes, dates and outcomes; no names or request texts. */
export function requestsCsv(requests: DsrRequestEntity[]): string {
  const rows = requests.map((r) => [
    r.reference,
    r.tenantId,
    r.right,
    r.channel,
    r.receivedAt.toISOString(),
    r.legalDeadline.deadline.date,
    r.status,
    r.outcome,
    r.sentAt?.toISOString(),
    r.sentOnTime === null ? '' : r.sentOnTime ? 'ja' : 'nee',
    r.extension ? 'ja' : 'nee',
    r.objection ? (r.objection.outcome ?? 'in behandeling') : '',
  ]);
  return [CSV_COLUMNS.join(','), ...rows.map((row) => row.map(cell).join(','))].join('\r\n') + '\r\n';
}

/** Figures the FG's annual report needs, for requests received in one year. */
export interface RequestYearFigures {
  year: number;
  received: number;
  perRight: { right: string; count: number }[];
  decided: number;
  decidedOnTime: number;
  extended: number;
  /** Median calendar days from receipt to sending the decision; null when none was sent. */
  medianHandlingDays: number | null;
}

export async function yearFigures(em: EntityManager, tenantIds: string[], year: number): Promise<RequestYearFigures> {
  const where = `tenant_id = ANY($1) AND extract(year FROM received_at AT TIME ZONE 'Europe/Amsterdam') = $2`;
  const perRight: { right: string; count: number }[] = await em.query(
    `SELECT "right", count(*)::int AS count FROM dsr_request WHERE ${where} GROUP BY "right" ORDER BY "right"`,
    [tenantIds, year],
  );
  const [totals] = await em.query(
    `SELECT count(*)::int AS received,
            count(sent_at)::int AS decided,
            count(*) FILTER (WHERE sent_on_time)::int AS on_time,
            count(extension)::int AS extended,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - received_at) / 86400) AS median_days
       FROM dsr_request WHERE ${where}`,
    [tenantIds, year],
  );
  return {
    year,
    received: totals.received,
    perRight,
    decided: totals.decided,
    decidedOnTime: totals.on_time,
    extended: totals.extended,
    medianHandlingDays: totals.median_days === null ? null : Math.round(Number(totals.median_days) * 10) / 10,
  };
}
