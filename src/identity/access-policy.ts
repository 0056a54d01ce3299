import type { Actor } from './actor';

/**
 * Who may do what — the one place these rules live (documented in the README, "Access policy").
 * Services call these predicates; resolvers never decide access themselves.
 */

/** Roles that may deploy BPMN diagrams. */
export const DEPLOYER_ROLES = ['procesbeheerder'] as const;

/** Roles that coordinate work and may assign a task to someone else. */
export const COORDINATOR_ROLES = ['ciso', 'regionale-ciso', 'privacybeheerder', 'afdelingsmanager'] as const;

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

/** Any employee may report a (suspected) incident (BLNP step 1–3). */
export const INCIDENT_REPORTER_ROLES = ['medewerker'] as const;
/** System integrations (zaaksysteem, web form) report on behalf of others or anonymous reporters. */
export const INTEGRATION_ROLES = ['integratie'] as const;
/** Who keeps or reads the incident register and the breach file of their municipality. */
export const INCIDENT_OFFICER_ROLES = ['ciso', 'regionale-ciso', 'fg', 'privacybeheerder', 'gemeentesecretaris', 'irt'] as const;
/** The PB prepares, files, supplements and closes the AP notification (BLNP steps 16, 26). */
export const AP_NOTIFICATION_EDITOR_ROLES = ['privacybeheerder'] as const;

const hasRole = (actor: Actor, roles: readonly string[]) => actor.roles.some((r) => roles.includes(r));

export function canReportIncident(actor: Actor, tenantId: string): boolean {
  return actor.kind === 'user' && worksFor(actor, tenantId) && hasRole(actor, INCIDENT_REPORTER_ROLES);
}

export function canReportViaIntegration(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && hasRole(actor, INTEGRATION_ROLES);
}

export function canReadIncidentRegister(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && (actor.kind === 'system' || hasRole(actor, INCIDENT_OFFICER_ROLES));
}

export function canReadBreach(actor: Actor, tenantId: string): boolean {
  return canReadIncidentRegister(actor, tenantId);
}

export function canEditApNotification(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && hasRole(actor, AP_NOTIFICATION_EDITOR_ROLES);
}

/** Everyone who may work on an incident and write their hours (BLNP step 37). */
export const INCIDENT_WORKER_ROLES = [...INCIDENT_OFFICER_ROLES, 'systeembeheer', 'helpdesk', 'afdelingsmanager', 'communicatie', 'jurist'] as const;
/** Who may register evidence (BLNP steps 17–18: the IRT, with system administration for digital traces). */
export const EVIDENCE_ROLES = ['ciso', 'regionale-ciso', 'irt', 'systeembeheer'] as const;

/** Notes in the logbook: the people who keep the register and handle the incident. */
export function canKeepLogbook(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && hasRole(actor, INCIDENT_OFFICER_ROLES);
}

export function canRecordHours(actor: Actor, tenantId: string): boolean {
  return actor.kind === 'user' && worksFor(actor, tenantId) && hasRole(actor, INCIDENT_WORKER_ROLES);
}

export function canRegisterEvidence(actor: Actor, tenantId: string): boolean {
  return actor.kind === 'user' && worksFor(actor, tenantId) && hasRole(actor, EVIDENCE_ROLES);
}

/** The evidence register is read by those who keep the incident register and those who handle evidence. */
export function canReadEvidence(actor: Actor, tenantId: string): boolean {
  return canReadIncidentRegister(actor, tenantId) || canRegisterEvidence(actor, tenantId);
}

/** Who plans improvement measures and checks their effect (BLNP steps 39–40: department, CISO, PB). */
export const MEASURE_COORDINATOR_ROLES = ['ciso', 'regionale-ciso', 'privacybeheerder', 'afdelingsmanager'] as const;

export function canCoordinateMeasures(actor: Actor, tenantId: string): boolean {
  return actor.kind === 'user' && worksFor(actor, tenantId) && hasRole(actor, MEASURE_COORDINATOR_ROLES);
}

/** Who signals a new or changed processing and so starts a DPIA (BLNP Bijlage 4 step 1). */
export const DPIA_STARTER_ROLES = ['proceseigenaar', 'privacybeheerder'] as const;

/** Who reads the verwerkingsregister and DPIA files of a municipality. */
export const DPIA_READER_ROLES = ['proceseigenaar', 'privacybeheerder', 'fg', 'ciso', 'regionale-ciso', 'gemeentesecretaris'] as const;

/** Who keeps the risk register and the measures of a DPIA (the PB leads the DPIA team). */
export const DPIA_EDITOR_ROLES = ['privacybeheerder'] as const;

export function canStartDpia(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && (actor.kind === 'system' || hasRole(actor, DPIA_STARTER_ROLES));
}

export function canReadDpia(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && (actor.kind === 'system' || hasRole(actor, DPIA_READER_ROLES));
}

export function canEditDpia(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && hasRole(actor, DPIA_EDITOR_ROLES);
}

/** Taking a processing into use is the process owner's call, after the DPIA allows it. */
export function canStartProcessing(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && hasRole(actor, ['proceseigenaar']);
}
