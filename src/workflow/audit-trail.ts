import type { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { AuditEntryEntity } from '../persistence/entities';
import { jsonb } from '../persistence/jsonb';

export interface AuditInput {
  tenantId: string;
  action: string;
  instanceId?: string | null;
  taskId?: string | null;
  /** Ids, codes and field names only: never form values or other personal data. */
  details?: Record<string, unknown>;
}

/** Appends an audit entry inside the caller's transaction. */
export async function appendAudit(em: EntityManager, actor: Actor, entry: AuditInput): Promise<void> {
  await em.insert(AuditEntryEntity, {
    tenantId: entry.tenantId,
    actor: actor.userId,
    actorRoles: actor.roles,
    action: entry.action,
    instanceId: entry.instanceId ?? null,
    taskId: entry.taskId ?? null,
    details: jsonb(entry.details ?? {}),
    at: new Date(),
  });
}
