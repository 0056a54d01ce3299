import type { EntityManager } from 'typeorm';
import { inSpan } from '../observability/tracing';
import { asStoredJson, auditEntryHash, GENESIS_HASH, HashedAuditContent } from './entry-hash';

/** An entry as the caller gives it: everything its hash covers except the link to the previous one. */
export type NewAuditEntry = Omit<HashedAuditContent, 'prevHash'>;

/**
 * Appends one entry to its tenant's chain inside the caller's transaction.
 *
 * Serialisation: the tenant's row in audit_chain_head is locked FOR UPDATE until the caller
 * commits. Chosen over a per-tenant advisory lock because (a) the row also records the chain's
 * length and last hash, so verification sees entries deleted from the end, (b) advisory lock keys
 * are 32/64-bit hashes of the tenant id that could make two tenants wait on each other, and
 * (c) it behaves the same on PostgreSQL and PGlite. Different tenants lock different rows and
 * never wait on each other; commands already hold their instance lock before appending, so the
 * lock order is always instance → chain head and cannot deadlock.
 */
export function appendToChain(em: EntityManager, entry: NewAuditEntry): Promise<{ seq: number; hash: string }> {
  return inSpan('audit.append', { 'privacyflow.tenant': entry.tenantId, 'privacyflow.action': entry.action }, () => appendLocked(em, entry));
}

async function appendLocked(em: EntityManager, entry: NewAuditEntry): Promise<{ seq: number; hash: string }> {
  // The first entry of a tenant creates its head; a concurrent first append waits on the unique key.
  await em.query(
    `INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING`,
    [entry.tenantId, GENESIS_HASH],
  );
  const [head] = await em.query(`SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = $1 FOR UPDATE`, [entry.tenantId]);
  const details = asStoredJson(entry.details);
  const seq = Number(head.last_seq) + 1;
  const hash = auditEntryHash({ ...entry, details, prevHash: head.last_hash });
  await em.query(
    `INSERT INTO audit_entry (tenant_id, seq, actor, actor_roles, role_used, action, instance_id, task_id, details, at,
                              client_address, request_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      entry.tenantId, seq, entry.actor, entry.actorRoles, entry.roleUsed, entry.action, entry.instanceId, entry.taskId,
      JSON.stringify(details), entry.at, entry.clientAddress, entry.requestId, head.last_hash, hash,
    ],
  );
  await em.query(`UPDATE audit_chain_head SET last_seq = $2, last_hash = $3 WHERE tenant_id = $1`, [entry.tenantId, seq, hash]);
  return { seq, hash };
}
