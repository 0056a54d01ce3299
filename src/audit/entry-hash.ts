import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** prev_hash of the first entry of every tenant's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * What an audit entry's hash covers: everything it says, plus the previous entry's hash.
 * Not covered: the row id and the per-tenant sequence number, which only index the chain; the
 * order of entries is proven by the prev_hash links, so moving an entry breaks a link.
 */
export interface HashedAuditContent {
  tenantId: string;
  actor: string;
  actorRoles: string[];
  roleUsed: string | null;
  action: string;
  instanceId: string | null;
  taskId: string | null;
  details: Record<string, unknown>;
  at: Date;
  clientAddress: string | null;
  requestId: string | null;
  prevHash: string;
}

/**
 * SHA-256 (hex) over the RFC 8785 canonical JSON of the content. Canonical JSON makes the hash
 * independent of key order, so jsonb (which reorders keys) round-trips to the same hash.
 */
export function auditEntryHash(content: HashedAuditContent): string {
  const canonical = canonicalize({
    v: 1,
    tenantId: content.tenantId,
    actor: content.actor,
    actorRoles: content.actorRoles,
    roleUsed: content.roleUsed,
    action: content.action,
    instanceId: content.instanceId,
    taskId: content.taskId,
    details: content.details,
    at: content.at.toISOString(),
    clientAddress: content.clientAddress,
    requestId: content.requestId,
    prevHash: content.prevHash,
  });
  if (canonical === undefined) throw new Error('audit entry cannot be serialised');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Details as jsonb will give them back (no undefined, no Date objects, no class instances). */
export function asStoredJson(details: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details)) as Record<string, unknown>;
}
