import type { CaseType } from '../deployment/diagram-model';
import type { Actor } from './actor';

/**
 * Who may do what — the one place these rules live (documented in the README, "Access policy").
 * Services call these predicates; resolvers never decide access themselves. Everything is
 * bounded by the municipalities (tenants) in the actor's token: nothing here ever reaches into
 * a municipality the actor does not work for, and services answer such ids like missing ones.
 * Separation of duties (who may not perform a task because of what they did in the case) is a
 * rule of the diagram, enforced by src/workflow/separation-of-duties.ts.
 */

/** Roles that may deploy BPMN diagrams. */
export const DEPLOYER_ROLES = ['procesbeheerder'] as const;

/** Roles that coordinate work and may assign a task to someone else. */
export const COORDINATOR_ROLES = ['ciso', 'regionale-ciso', 'privacybeheerder', 'afdelingsmanager'] as const;

/**
 * Supervisory read rights (read-only): the FG supervises every case of its municipalities;
 * a (regional) CISO supervises the incidents of its municipalities.
 */
export const SUPERVISOR_ROLES: Readonly<Record<string, 'all' | readonly CaseType[]>> = {
  fg: 'all',
  ciso: ['incident'],
  'regionale-ciso': ['incident'],
};

/**
 * A case shared with the actor's municipality by another (one supplier incident affecting several
 * municipalities) is read by that municipality's FG, CISO and PB, who handle its side of it;
 * its other staff only through a task of their own municipality.
 */
export const PARTICIPANT_READER_ROLES = ['fg', 'ciso', 'regionale-ciso', 'privacybeheerder'] as const;

/** Roles of integrations (the zaaksysteem) that may report a case on someone's behalf (`reportedBy`). */
export const INTEGRATION_ROLES = ['integratie'] as const;

/** Roles that may read a municipality's audit log: its FG and CISO, and the regional CISO. */
export const AUDIT_READER_ROLES = ['fg', 'ciso', 'regionale-ciso'] as const;

export interface TaskAccessFacts {
  tenantId: string;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee: string | null;
  completedBy?: string | null;
}

export interface CaseAccessFacts {
  tenantId: string;
  /** Municipalities the case is shared with besides its owner (see src/workflow/participating-tenants.ts). */
  participatingTenants?: readonly string[];
  startedBy: string;
  /** Process variable `reportedBy`: the person on whose behalf an integration reported the case. */
  reportedBy?: unknown;
  caseType?: CaseType;
}

const hasAnyRole = (actor: Actor, roles: readonly string[]) => actor.roles.some((r) => roles.includes(r));

export function worksFor(actor: Actor, tenantId: string): boolean {
  return actor.kind === 'system' || actor.tenants.includes(tenantId);
}

export function canDeploy(actor: Actor): boolean {
  return actor.kind === 'system' || hasAnyRole(actor, DEPLOYER_ROLES);
}

export function canStartIn(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId);
}

/**
 * Starting a process: in a municipality the actor works for, and — when the diagram names
 * roles in its process property `startableBy` — holding one of them.
 */
export function canStartProcess(actor: Actor, tenantId: string, process: { startableBy?: string[] }): boolean {
  if (!canStartIn(actor, tenantId)) return false;
  if (actor.kind === 'system' || !process.startableBy?.length) return true;
  return hasAnyRole(actor, process.startableBy);
}

/** Case types the actor supervises (read-only) in its municipalities: 'all', or a list (maybe empty). */
export function supervisedCaseTypes(actor: Actor): 'all' | CaseType[] {
  const types = new Set<CaseType>();
  for (const role of actor.roles) {
    const right = SUPERVISOR_ROLES[role];
    if (right === 'all') return 'all';
    right?.forEach((t) => types.add(t));
  }
  return [...types];
}

/** Read-only supervision of a case of this type in this municipality. */
export function supervises(actor: Actor, tenantId: string, caseType: CaseType | undefined): boolean {
  if (actor.kind === 'system') return true;
  if (!worksFor(actor, tenantId)) return false;
  const types = supervisedCaseTypes(actor);
  return types === 'all' || (caseType !== undefined && types.includes(caseType));
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

/** Reading a task (with its form and case data): candidates, whoever completed it, supervisors. */
export function canReadTask(actor: Actor, task: TaskAccessFacts, caseType: CaseType | undefined): boolean {
  if (!worksFor(actor, task.tenantId)) return false;
  return isCandidate(actor, task) || (!!task.completedBy && task.completedBy === actor.userId) || supervises(actor, task.tenantId, caseType);
}

/**
 * Reading a case: whoever started it or on whose behalf it was reported, whoever is or was
 * involved in one of its tasks (`involved`, established by the caller), and supervisors.
 */
export function canReadCase(actor: Actor, facts: CaseAccessFacts, involved: boolean): boolean {
  if (!worksFor(actor, facts.tenantId)) return participatesIn(actor, facts) && (involved || hasAnyRole(actor, PARTICIPANT_READER_ROLES));
  return facts.startedBy === actor.userId || facts.reportedBy === actor.userId || involved || supervises(actor, facts.tenantId, facts.caseType);
}

/** The municipalities through which the actor shares in a case owned by another. */
export function participatingTenantsOf(actor: Actor, facts: Pick<CaseAccessFacts, 'participatingTenants'>): string[] {
  return (facts.participatingTenants ?? []).filter((t) => actor.tenants.includes(t));
}

function participatesIn(actor: Actor, facts: Pick<CaseAccessFacts, 'participatingTenants'>): boolean {
  return participatingTenantsOf(actor, facts).length > 0;
}

/** May the actor look at this case at all (owner's staff, or staff of a participating municipality)? */
export function worksForCase(actor: Actor, facts: Pick<CaseAccessFacts, 'tenantId' | 'participatingTenants'>): boolean {
  return worksFor(actor, facts.tenantId) || participatesIn(actor, facts);
}

/**
 * Whose audit chain records the actor's reading of a case: the owner's when the actor works for
 * it, else that of the participating municipality through which the actor reads it, so each
 * municipality's FG sees in its own audit log who of its people looked at a shared case.
 */
export function auditTenantForCaseRead(actor: Actor, facts: Pick<CaseAccessFacts, 'tenantId' | 'participatingTenants'>): string {
  if (worksFor(actor, facts.tenantId)) return facts.tenantId;
  return participatingTenantsOf(actor, facts)[0] ?? facts.tenantId;
}

/**
 * Naming the person a case is reported for (start variable `reportedBy`) is for integrations:
 * anyone else could use it to bar a colleague from the case's notInitiator tasks.
 */
export function canReportOnBehalf(actor: Actor): boolean {
  return actor.kind === 'system' || hasAnyRole(actor, INTEGRATION_ROLES);
}

export function canAssignToOthers(actor: Actor, task: TaskAccessFacts): boolean {
  return isCandidate(actor, task) && hasAnyRole(actor, COORDINATOR_ROLES);
}

/** The audit log of one municipality: its FG and CISO, and the regional CISO. */
export function canReadAudit(actor: Actor, tenantId: string): boolean {
  return actor.kind === 'system' || (worksFor(actor, tenantId) && hasAnyRole(actor, AUDIT_READER_ROLES));
}

/** Any employee may report a (suspected) incident (BLNP step 1–3). */
export const INCIDENT_REPORTER_ROLES = ['medewerker'] as const;
/** Who keeps or reads the incident register and the breach file of their municipality. */
export const INCIDENT_OFFICER_ROLES = ['ciso', 'regionale-ciso', 'fg', 'privacybeheerder', 'gemeentesecretaris', 'irt'] as const;
/** The PB prepares, files, supplements and closes the AP notification (BLNP steps 16, 26). */
export const AP_NOTIFICATION_EDITOR_ROLES = ['privacybeheerder'] as const;

const hasRole = hasAnyRole;

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

/** Who registers a data-subject request: DIV/front office, the PB, and the zaaksysteem integration (BLNP Bijlage 5). */
export const DSR_REGISTRAR_ROLES = ['privacybeheerder', 'medewerker', 'integratie'] as const;
/** Who reads the register of data-subject requests of their municipality (the FG for the annual report). */
export const DSR_OFFICER_ROLES = ['privacybeheerder', 'fg', 'jurist', 'afdelingsmanager', 'gemeentesecretaris'] as const;
/** Who records an incoming objection (bezwaar) against a decision. */
export const DSR_OBJECTION_ROLES = ['privacybeheerder', 'jurist', 'integratie'] as const;

export function canRegisterDataSubjectRequest(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && hasRole(actor, DSR_REGISTRAR_ROLES);
}

export function canReadDataSubjectRequests(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && (actor.kind === 'system' || hasRole(actor, DSR_OFFICER_ROLES));
}

export function canRegisterObjection(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && hasRole(actor, DSR_OBJECTION_ROLES);
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

/**
 * Everything the platform holds on one person (for an access request about the platform itself):
 * the FG, who supervises all cases, and the PB, who coordinates data-subject requests.
 */
export const PERSONAL_DATA_EXPORT_ROLES = ['fg', 'privacybeheerder'] as const;
/**
 * Erasing a person's data from closed cases carries out a decision on an erasure request: the PB's
 * work. Not the FG: it supervises read-only and never decides (BLNP Bijlage 1; art. 38(6) AVG).
 */
export const PERSONAL_DATA_ERASURE_ROLES = ['privacybeheerder'] as const;
/** The retention schedule of a municipality's cases: the FG and the PB. */
export const RETENTION_READER_ROLES = ['fg', 'privacybeheerder'] as const;

export function canExportPersonalData(actor: Actor, tenantId: string): boolean {
  return actor.kind === 'user' && worksFor(actor, tenantId) && hasRole(actor, PERSONAL_DATA_EXPORT_ROLES);
}

export function canErasePersonalData(actor: Actor, tenantId: string): boolean {
  return actor.kind === 'user' && worksFor(actor, tenantId) && hasRole(actor, PERSONAL_DATA_ERASURE_ROLES);
}

export function canReadRetention(actor: Actor, tenantId: string): boolean {
  return worksFor(actor, tenantId) && (actor.kind === 'system' || hasRole(actor, RETENTION_READER_ROLES));
}
