import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { BreachAdviceEntity, BreachDecisionEntity, BreachEntity, IncidentEntity } from '../persistence/entities';
import { jsonb } from '../persistence/jsonb';
import { BreachError, BreachErrorCode } from './breach-error';
import { breachClock, clockVariables, resolveAwareness } from './breach-clock';
import { BreachAssessmentAnswers, proposeNotification } from './edpb-proposal';

/** art. 34(3) grounds (and "no high risk") the GS may give for not informing data subjects. */
export const SUBJECT_EXEMPTIONS = ['geen-hoog-risico', 'versleuteld', 'risico-weggenomen', 'onevenredige-inspanning'] as const;

export async function breachOfIncident(em: EntityManager, incidentId: string): Promise<BreachEntity | null> {
  return em.findOne(BreachEntity, { where: { incidentId } });
}

async function requireBreach(em: EntityManager, incident: IncidentEntity): Promise<BreachEntity> {
  const breach = await breachOfIncident(em, incident.id);
  if (!breach) throw new BreachError(BreachErrorCode.BREACH_NOT_FOUND, `incident ${incident.reference} has no breach record`);
  return breach;
}

/**
 * Starts the 72-hour clock when the assessment finds personal data involved. Returns the
 * variables the diagram's timers need.
 */
export async function startBreach(em: EntityManager, incident: IncidentEntity, enteredAwareness: unknown, actor: Actor, now: Date) {
  const awareAt = resolveAwareness(enteredAwareness, incident.discoveredAt, now);
  const clock = breachClock(awareAt);
  await em.insert(BreachEntity, {
    id: randomUUID(),
    incidentId: incident.id,
    tenantId: incident.tenantId,
    discoveredAt: incident.discoveredAt,
    awareAt,
    awarenessSetBy: actor.userId,
    deadlineAt: clock.deadlineAt,
    createdAt: now,
  });
  return clockVariables(clock);
}

export function adviceAnswers(values: Record<string, unknown>): BreachAssessmentAnswers {
  return {
    lossOrUnlawfulProcessing: values.lossOrUnlawfulProcessing === true,
    specialCategories: values.specialCategories === true,
    sensitiveData: values.sensitiveData === true,
    natureAndScale: String(values.natureAndScale ?? ''),
    approxDataSubjects: typeof values.approxDataSubjects === 'number' ? values.approxDataSubjects : null,
    vulnerableSubjects: values.vulnerableSubjects === true,
    dataUnintelligible: values.dataUnintelligible === true,
    likelyConsequences: String(values.likelyConsequences ?? ''),
  };
}

/** Records the FG's advice with the proposal it was given (BLNP step 15). Written once. */
export async function recordAdvice(em: EntityManager, incident: IncidentEntity, taskId: string, values: Record<string, unknown>, actor: Actor, now: Date) {
  const breach = await requireBreach(em, incident);
  const answers = adviceAnswers(values);
  await em.insert(BreachAdviceEntity, {
    id: randomUUID(),
    breachId: breach.id,
    tenantId: breach.tenantId,
    taskId,
    answers: jsonb(answers),
    proposal: jsonb(proposeNotification(answers)),
    notifyAp: values.adviceNotifyAp === true,
    informSubjects: values.adviceInformSubjects === true,
    motivation: String(values.adviceMotivation ?? ''),
    advisedBy: actor.userId,
    advisedAt: now,
  });
}

/**
 * Records the GS's decision. The FG advises and the GS decides: never the same person. Not
 * informing data subjects against the advice needs an art. 34(3) ground.
 */
export async function recordDecision(em: EntityManager, incident: IncidentEntity, taskId: string, values: Record<string, unknown>, actor: Actor, now: Date) {
  const breach = await requireBreach(em, incident);
  const advice = await em.findOne(BreachAdviceEntity, { where: { breachId: breach.id } });
  if (!advice) throw new BreachError(BreachErrorCode.ADVICE_MISSING, `the FG has not advised on ${incident.reference}`);
  if (advice.advisedBy === actor.userId) {
    throw new BreachError(BreachErrorCode.SEPARATION_OF_DUTIES, 'who advised on this breach may not also decide on it');
  }
  const notifyAp = values.notifyAp === true;
  const informSubjects = values.informSubjects === true;
  const exemption = typeof values.subjectsExemption === 'string' && values.subjectsExemption !== 'geen' ? values.subjectsExemption : null;
  if (!informSubjects && advice.informSubjects && !exemption) {
    throw new BreachError(BreachErrorCode.EXEMPTION_REQUIRED, 'the FG advised to inform the data subjects: give the ground for not doing so', [
      { field: 'subjectsExemption', message: 'kies een grond uit art. 34 lid 3 AVG of "geen hoog risico"' },
    ]);
  }
  const decision = {
    id: randomUUID(),
    breachId: breach.id,
    tenantId: breach.tenantId,
    taskId,
    notifyAp,
    informSubjects,
    subjectsExemption: informSubjects ? null : exemption,
    motivation: String(values.decisionMotivation ?? ''),
    followsAdvice: notifyAp === advice.notifyAp && informSubjects === advice.informSubjects,
    decidedBy: actor.userId,
    decidedAt: now,
  };
  await em.insert(BreachDecisionEntity, decision);
  return { breach, advice, decision };
}

export async function decisionOf(em: EntityManager, breachId: string): Promise<BreachDecisionEntity | null> {
  return em.findOne(BreachDecisionEntity, { where: { breachId } });
}
