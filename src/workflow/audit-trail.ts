import type { EntityManager } from 'typeorm';
import { appendToChain } from '../audit/audit-chain.repository';
import type { Actor } from '../identity/actor';

export interface AuditInput {
  tenantId: string;
  action: string;
  instanceId?: string | null;
  taskId?: string | null;
  /** The role that granted this access (see access-policy); omit when no role was needed. */
  roleUsed?: string | null;
  /** Ids, codes and field names only: never form values or other personal data. */
  details?: Record<string, unknown>;
}

/**
 * Appends an audit entry inside the caller's transaction: who (actor and roles), the role used,
 * what, which case, when, and from where (the HTTP request's client address and request id).
 */
export async function appendAudit(em: EntityManager, actor: Actor, entry: AuditInput): Promise<void> {
  await appendToChain(em, {
    tenantId: entry.tenantId,
    actor: actor.userId,
    actorRoles: actor.roles,
    roleUsed: entry.roleUsed ?? null,
    action: entry.action,
    instanceId: entry.instanceId ?? null,
    taskId: entry.taskId ?? null,
    details: entry.details ?? {},
    at: new Date(),
    clientAddress: actor.origin?.clientAddress ?? null,
    requestId: actor.origin?.requestId ?? null,
  });
}

/** A variable or field name as programs write them; anything else might be a person's name or address. */
const IDENTIFIER_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Variable names for an entry's details. Callers choose the names of start and message variables
 * freely, and the hashed content of an entry can never be erased: a name like "Jan de Vries" or an
 * e-mail address used as a key would stay in the audit trail forever. Only identifier-shaped names
 * are recorded; the others are counted.
 */
export function auditableNames(names: string[]): { variableNames: string[]; otherVariables?: number } {
  const variableNames = names.filter((n) => IDENTIFIER_NAME.test(n));
  const other = names.length - variableNames.length;
  return other ? { variableNames, otherVariables: other } : { variableNames };
}
