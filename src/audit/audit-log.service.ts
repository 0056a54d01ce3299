import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { AUDIT_READER_ROLES, canReadAudit, roleUsedAmong } from '../identity/access-policy';
import { AuditEntryEntity } from '../persistence/entities';
import { appendAudit } from '../workflow/audit-trail';
import { isUuid } from '../workflow/ids';
import { AuditError, AuditErrorCode } from './audit-error';

export interface AuditLogFilter {
  /** Required for people who work for several municipalities. */
  tenantId?: string | null;
  instanceId?: string | null;
  actor?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditLogPage {
  tenantId: string;
  nodes: AuditEntryEntity[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export const MAX_AUDIT_PAGE = 200;

export const encodeAuditCursor = (seq: string) => Buffer.from(`seq:${seq}`).toString('base64url');

function decodeCursor(cursor: string): string {
  const match = /^seq:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new AuditError(AuditErrorCode.INVALID_FILTER, 'the cursor is not one this API gave out');
  return match[1];
}

function resolveTenant(actor: Actor, tenantId?: string | null): string {
  if (tenantId) return tenantId;
  if (actor.tenants.length === 1) return actor.tenants[0];
  throw new AuditError(AuditErrorCode.TENANT_REQUIRED, 'you work for several municipalities: say whose audit log');
}

/**
 * One municipality's audit log, newest first, for its FG and CISO (and the regional CISO).
 * Reading it is itself recorded, in the same transaction.
 */
export async function readAuditLog(
  dataSource: DataSource,
  actor: Actor,
  filter: AuditLogFilter,
  first = 50,
  after?: string | null,
): Promise<AuditLogPage> {
  const tenantId = resolveTenant(actor, filter.tenantId);
  if (!canReadAudit(actor, tenantId)) {
    throw new AuditError(AuditErrorCode.FORBIDDEN, `you may not read the audit log of ${tenantId}`);
  }
  if (filter.instanceId && !isUuid(filter.instanceId)) throw new AuditError(AuditErrorCode.INVALID_FILTER, 'instanceId is not a case id');
  const limit = Math.max(1, Math.min(first, MAX_AUDIT_PAGE));
  const beforeSeq = after ? decodeCursor(after) : null;

  return dataSource.transaction(async (em) => {
    const qb = em.getRepository(AuditEntryEntity).createQueryBuilder('a').where('a.tenant_id = :tenantId', { tenantId });
    if (filter.instanceId) qb.andWhere('a.instance_id = :instanceId', { instanceId: filter.instanceId });
    if (filter.actor) qb.andWhere('a.actor = :actor', { actor: filter.actor });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at < :to', { to: filter.to });
    if (beforeSeq) qb.andWhere('a.seq < :beforeSeq', { beforeSeq });
    const rows = await qb.orderBy('a.seq', 'DESC').limit(limit + 1).getMany();
    const nodes = rows.slice(0, limit);
    await appendAudit(em, actor, {
      tenantId,
      action: 'audit.read',
      roleUsed: roleUsedAmong(actor, AUDIT_READER_ROLES),
      details: { filter: Object.keys(filter).filter((k) => (filter as Record<string, unknown>)[k] != null), entries: nodes.length },
    });
    return { tenantId, nodes, hasNextPage: rows.length > limit, endCursor: nodes.length ? encodeAuditCursor(nodes[nodes.length - 1].seq) : null };
  });
}

/**
 * A municipality's entries about some cases or about pseudonymised people (details.subject), in
 * chain order; for the export of everything held on one person. At most `limit` entries.
 */
export async function auditEntriesAbout(
  em: EntityManager,
  tenantId: string,
  about: { instanceIds: string[]; subjects: string[] },
  limit: number,
): Promise<AuditEntryEntity[]> {
  if (about.instanceIds.length === 0 && about.subjects.length === 0) return [];
  return em
    .getRepository(AuditEntryEntity)
    .createQueryBuilder('a')
    .where('a.tenant_id = :tenantId', { tenantId })
    .andWhere(`(a.instance_id = ANY(CAST(:ids AS uuid[])) OR a.details->>'subject' = ANY(CAST(:subjects AS text[])))`, { ids: about.instanceIds, subjects: about.subjects })
    .orderBy('a.seq', 'ASC')
    .limit(limit)
    .getMany();
}
