import type { EntityManager } from 'typeorm';
import { CaseRetentionEntity, RemovalReason, RetentionCaseType } from '../persistence/entities/case-retention.entity';

/** The SQL of the retention schedule (table case_retention). */

export interface DueThreshold {
  caseType: RetentionCaseType;
  closedAtOrBefore: Date;
}

function dueCondition(thresholds: DueThreshold[], offset: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts = thresholds.map((t) => {
    params.push(t.caseType, t.closedAtOrBefore);
    return `(r.case_type = $${offset + params.length - 1} AND r.closed_at <= $${offset + params.length})`;
  });
  return { sql: parts.length ? `(${parts.join(' OR ')})` : 'false', params };
}

/** Ended cases whose personal data are due for removal, oldest first (not locked: see lockDueCase). */
export async function dueCases(em: EntityManager, thresholds: DueThreshold[], limit: number): Promise<string[]> {
  const due = dueCondition(thresholds, 0);
  const rows: { instance_id: string }[] = await em.query(
    `SELECT r.instance_id FROM case_retention r WHERE r.personal_data_removed_at IS NULL AND ${due.sql} ORDER BY r.closed_at LIMIT ${Math.max(1, Math.floor(limit))}`,
    due.params,
  );
  return rows.map((r) => r.instance_id);
}

/**
 * Takes one due case for removal: its instance row first (the order every command locks in), then
 * its schedule row, both with SKIP LOCKED so two servers never remove the same case and a busy
 * case waits for the next round. Re-checks that it is still pending and due after the lock.
 */
export async function lockDueCase(em: EntityManager, instanceId: string, thresholds: DueThreshold[]): Promise<CaseRetentionEntity | null> {
  const [instance] = await em.query(`SELECT id FROM process_instance WHERE id = $1 AND status <> 'running' FOR UPDATE SKIP LOCKED`, [instanceId]);
  if (!instance) return null;
  const due = dueCondition(thresholds, 1);
  const [row] = await em.query(
    `SELECT r.instance_id FROM case_retention r WHERE r.instance_id = $1 AND r.personal_data_removed_at IS NULL AND ${due.sql} FOR UPDATE SKIP LOCKED`,
    [instanceId, ...due.params],
  );
  return row ? em.findOne(CaseRetentionEntity, { where: { instanceId } }) : null;
}

/** Marks the case's personal data removed; the row stays as its minimal register entry. */
export async function markRemoved(em: EntityManager, instanceId: string, reason: RemovalReason, at: Date): Promise<void> {
  await em.query(
    `UPDATE case_retention SET personal_data_removed_at = $2, removal_reason = $3 WHERE instance_id = $1 AND personal_data_removed_at IS NULL`,
    [instanceId, at, reason],
  );
}

export interface RetentionCounts {
  caseType: RetentionCaseType;
  kept: number;
  removedByRetention: number;
  removedByErasure: number;
  oldestKeptClosedAt: Date | null;
}

export async function retentionCounts(em: EntityManager, tenantId: string): Promise<RetentionCounts[]> {
  const rows: any[] = await em.query(
    `SELECT case_type,
            count(*) FILTER (WHERE personal_data_removed_at IS NULL)::int AS kept,
            count(*) FILTER (WHERE removal_reason = 'retention')::int AS by_retention,
            count(*) FILTER (WHERE removal_reason = 'erasure')::int AS by_erasure,
            min(closed_at) FILTER (WHERE personal_data_removed_at IS NULL) AS oldest
       FROM case_retention WHERE tenant_id = $1 GROUP BY case_type ORDER BY case_type`,
    [tenantId],
  );
  return rows.map((r) => ({
    caseType: r.case_type,
    kept: r.kept,
    removedByRetention: r.by_retention,
    removedByErasure: r.by_erasure,
    oldestKeptClosedAt: r.oldest ? new Date(r.oldest) : null,
  }));
}

/** Ended cases still holding personal data, the longest-ended first. */
export function keptCases(em: EntityManager, tenantId: string, limit: number): Promise<CaseRetentionEntity[]> {
  return em
    .getRepository(CaseRetentionEntity)
    .createQueryBuilder('r')
    .where('r.tenant_id = :tenantId AND r.personal_data_removed_at IS NULL', { tenantId })
    .orderBy('r.closed_at', 'ASC')
    .limit(limit)
    .getMany();
}

/** Archived incident files the incident diagram will destroy, soonest first (their cases still run). */
export async function incidentFilesAwaitingDestruction(em: EntityManager, tenantId: string, limit: number): Promise<{ instanceId: string; reference: string; archivedAt: Date; destructionDueAt: Date }[]> {
  const rows: any[] = await em.query(
    `SELECT instance_id, reference, archived_at, destruction_due_at FROM incident
      WHERE tenant_id = $1 AND status <> 'destroyed' AND destruction_due_at IS NOT NULL
      ORDER BY destruction_due_at LIMIT ${Math.max(1, Math.floor(limit))}`,
    [tenantId],
  );
  return rows.map((r) => ({ instanceId: r.instance_id, reference: r.reference, archivedAt: new Date(r.archived_at), destructionDueAt: new Date(r.destruction_due_at) }));
}
