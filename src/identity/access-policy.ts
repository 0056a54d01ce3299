import type { Actor } from './actor';

/**
 * Who may do what — the one place these rules live (documented in the README, "Access policy").
 * Services call these predicates; resolvers never decide access themselves.
 */

/** Roles that may deploy BPMN diagrams. */
export const DEPLOYER_ROLES = ['procesbeheerder'] as const;

/** Roles that coordinate work and may assign a task to someone else. */
export const COORDINATOR_ROLES = ['ciso', 'regionale-ciso', 'privacybeheerder', 'afdelingsmanager'] as const;

/** Roles that may read a municipality's audit log: its FG and CISO, and the regional CISO. */
export const AUDIT_READER_ROLES = ['fg', 'ciso', 'regionale-ciso'] as const;

export interface TaskAccessFacts {
  tenantId: string;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee: string | null;
}

export function worksFor(actor: Actor, tenantId: string): boolean {
  return actor.kind === 'system' || actor.tenants.includes(tenantId);
}

export function canDeploy(actor: Actor): boolean {
  return actor.kind === 'system' || actor.roles.some((r) => (DEPLOYER_ROLES as readonly string[]).includes(r));
}

export function canStartIn(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId);
}

/** A candidate may see, claim and (when not held by another) complete the task. */
export function isCandidate(actor: Actor, task: TaskAccessFacts): boolean {
  if (!worksFor(actor, task.tenantId)) return false;
  return (
    task.assignee === actor.userId ||
    task.candidateUsers.includes(actor.userId) ||
    task.candidateGroups.some((g) => actor.roles.includes(g))
  );
}

export function canAssignToOthers(actor: Actor, task: TaskAccessFacts): boolean {
  return isCandidate(actor, task) && actor.roles.some((r) => (COORDINATOR_ROLES as readonly string[]).includes(r));
}

/** The FG and the CISO of a municipality, and the regional CISO, may read its audit log. */
export function canReadAudit(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && actor.roles.some((r) => (AUDIT_READER_ROLES as readonly string[]).includes(r));
}

/**
 * The role that granted the actor access to a task, for the audit trail: the first of their
 * roles that is a candidate group; null when they act as a named candidate or assignee.
 */
export function roleUsedForTask(actor: Actor, task: TaskAccessFacts): string | null {
  return actor.roles.find((r) => task.candidateGroups.includes(r)) ?? null;
}

/** The first of the actor's roles among those a rule allows (for the audit trail). */
export function roleUsedAmong(actor: Actor, allowed: readonly string[]): string | null {
  return actor.roles.find((r) => allowed.includes(r)) ?? null;
}
