import type { EntityManager } from 'typeorm';
import { closeApNotification, draftApNotification, submitApNotification } from '../breach-notification/ap-notification';
import { recordAdvice, recordDecision, startBreach } from '../breach-notification/breach-records';
import type { Config } from '../config';
import { IncidentEntity } from '../persistence/entities';
import { afterDuration } from '../workflow/calendar';
import { TaskCompletionContext, TaskHookRegistry } from '../workflow/task-hooks';
import { IncidentError, IncidentErrorCode } from './incident-error';
import { INCIDENT_PROCESS_KEY, INCIDENT_TASKS } from './incident-process';
import { requireIncidentOfInstance } from './incident-register';
import { logEvent } from './logbook';

const yesNo = (b: unknown) => (b === true ? 'ja' : 'nee');
const day = (d: Date) => d.toISOString().slice(0, 10);

export type IncidentScheduling = Pick<Config, 'incidentEvaluationDelay' | 'incidentRetentionPeriod'>;


async function update(em: EntityManager, incident: IncidentEntity, changes: Partial<IncidentEntity>) {
  await em.update(IncidentEntity, { id: incident.id }, changes);
}

/** Step 6: the CISO's assessment — confirm, classify (correcting the table with a reason), start the breach clock. */
async function assessReport({ em, instance, values, actor }: TaskCompletionContext) {
  const now = new Date();
  const incident = await requireIncidentOfInstance(em, instance.id);
  const impact = values.impact as IncidentEntity['impact'];
  const reason = typeof values.impactCorrectionReason === 'string' ? values.impactCorrectionReason.trim() : '';
  if (incident.proposedImpact && impact !== incident.proposedImpact && !reason) {
    throw new IncidentError(IncidentErrorCode.CORRECTION_REASON_REQUIRED, `the table proposes ${incident.proposedImpact}: say why you chose ${impact}`, [
      { field: 'impactCorrectionReason', message: 'verplicht bij afwijken van de voorgestelde impact' },
    ]);
  }
  const confirmed = values.incidentConfirmed === true;
  const personalData = confirmed && values.personalData === true;
  await update(em, incident, {
    impact,
    impactCorrectionReason: reason || null,
    classifiedBy: actor.userId,
    classifiedAt: now,
    personalData,
    status: confirmed ? 'in_progress' : 'not_an_incident',
    ...(confirmed ? {} : { closedAt: now, closedBy: actor.userId }),
  });
  const deviation = incident.proposedImpact && impact !== incident.proposedImpact ? ` (voorstel was ${incident.proposedImpact})` : '';
  await logEvent(em, incident, confirmed ? `Beoordeling CISO: incident bevestigd, impact ${impact}${deviation}, persoonsgegevens ${yesNo(personalData)}` : 'Beoordeling CISO: geen incident', actor, now);
  // The CISO who confirmed the incident handles it: the zaak's behandelaar (step RolBehandelaar).
  const handler = { behandelaar: actor.userId };
  if (!personalData) return { variables: handler };
  const variables = await startBreach(em, incident, values.awarenessAt, actor, now);
  await logEvent(em, incident, `72-uurstermijn gestart; uiterste meldmoment ${variables.breachDeadlineAt}`, actor, now);
  return { variables: { ...variables, ...handler } };
}

async function withIncident(ctx: TaskCompletionContext) {
  return requireIncidentOfInstance(ctx.em, ctx.instance.id);
}

/** Every hook the incident procedure needs, on the given registry. */
export function registerIncidentHooks(registry: TaskHookRegistry, scheduling: IncidentScheduling): TaskHookRegistry {
  const on = (elementId: string, hook: Parameters<TaskHookRegistry['register']>[2]) => registry.register(INCIDENT_PROCESS_KEY, elementId, hook);
  on(INCIDENT_TASKS.assessReport, assessReport);
  on(INCIDENT_TASKS.fgAdvice, async (ctx) => {
    const incident = await withIncident(ctx);
    await recordAdvice(ctx.em, incident, ctx.task.id, ctx.values, ctx.actor, new Date());
    await logEvent(ctx.em, incident, `Advies FG: melden bij de AP ${yesNo(ctx.values.adviceNotifyAp)}, betrokkenen informeren ${yesNo(ctx.values.adviceInformSubjects)}`, ctx.actor);
  });
  on(INCIDENT_TASKS.gsDecision, async (ctx) => {
    const now = new Date();
    const incident = await withIncident(ctx);
    const { breach, advice, decision } = await recordDecision(ctx.em, incident, ctx.task.id, ctx.values, ctx.actor, now);
    if (decision.notifyAp) await draftApNotification(ctx.em, incident, breach, advice, ctx.actor, now);
    const follows = decision.followsAdvice ? 'conform advies FG' : 'afwijkend van advies FG';
    await logEvent(ctx.em, incident, `Besluit GS: melden bij de AP ${yesNo(decision.notifyAp)}, betrokkenen informeren ${yesNo(decision.informSubjects)} (${follows})`, ctx.actor, now);
  });
  on(INCIDENT_TASKS.fileApNotification, async (ctx) => {
    const incident = await withIncident(ctx);
    await submitApNotification(ctx.em, incident, ctx.values, ctx.actor, new Date());
    const late = ctx.values.lateReason ? ', na de 72-uurstermijn met opgave van reden' : '';
    await logEvent(ctx.em, incident, `Voorlopige melding bij de AP ingediend, meldnummer ${String(ctx.values.apNotificationNumber)}${late}`, ctx.actor);
  });
  on(INCIDENT_TASKS.finalizeApNotification, async (ctx) => {
    const outcome = ctx.instance.variables.apOutcome === 'intrekken' ? 'intrekken' : 'definitief';
    const motivation = String(ctx.instance.variables.reassessmentMotivation ?? '');
    const incident = await withIncident(ctx);
    await closeApNotification(ctx.em, incident, outcome, motivation, ctx.values, ctx.actor, new Date());
    await logEvent(ctx.em, incident, outcome === 'intrekken' ? 'Melding bij de AP ingetrokken' : 'Melding bij de AP definitief gemaakt', ctx.actor);
  });
  on(INCIDENT_TASKS.closeIncident, async ({ em, instance, values, actor }) => {
    const now = new Date();
    const incident = await requireIncidentOfInstance(em, instance.id);
    const evaluationDueAt = afterDuration(now, scheduling.incidentEvaluationDelay);
    await update(em, incident, { status: 'closed', closedAt: now, closedBy: actor.userId, closureSummary: String(values.closureSummary ?? ''), evaluationDueAt });
    await logEvent(em, incident, `Incident afgesloten en geregistreerd; evaluatie gepland op ${day(evaluationDueAt)}`, actor, now);
    return { variables: { evaluationAt: evaluationDueAt.toISOString() } };
  });
  on(INCIDENT_TASKS.archiveCaseFile, async ({ em, instance, actor }) => {
    const now = new Date();
    const incident = await requireIncidentOfInstance(em, instance.id);
    const destructionDueAt = afterDuration(now, scheduling.incidentRetentionPeriod);
    await update(em, incident, { archivedAt: now, destructionDueAt });
    await logEvent(em, incident, `Dossier veilig opgeslagen; vernietiging gepland op ${day(destructionDueAt)}`, actor, now);
    return { variables: { destructionAt: destructionDueAt.toISOString() } };
  });
  return registry;
}
