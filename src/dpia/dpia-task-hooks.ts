import type { EntityManager } from 'typeorm';
import type { Config } from '../config';
import { DpiaAnswersEntity, DpiaEntity, DpiaFgAdviceEntity, DpiaReportEntity, ProcessingEntity } from '../persistence/entities';
import { afterDuration } from '../workflow/calendar';
import { TaskCompletionContext, TaskHookRegistry } from '../workflow/task-hooks';
import { AP_MANDATORY_TYPES, ART35_3_CASES, EDPB_CRITERIA } from './dpia-criteria';
import { DpiaError, DpiaErrorCode } from './dpia-error';
import { AP_TERM, AP_TERM_EXTENSION, DPIA_PROCESS_KEY, DPIA_TASKS, DPIA_TEAM_VARIABLE } from './dpia-process';
import { DpiaReportRenderer, QUESTIONNAIRE } from './dpia-report';
import { setProcessingStatus } from './processing-register';
import { DpiaRoute, evaluateQuickscan, QuickscanAnswers } from './quickscan';
import { measuresOf, risksOf } from './risk-register';

export type DpiaScheduling = Pick<Config, 'dpiaReassessmentInterval'>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export async function requireDpiaOfInstance(em: EntityManager, instanceId: string): Promise<DpiaEntity> {
  const dpia = await em.findOne(DpiaEntity, { where: { instanceId }, lock: { mode: 'pessimistic_write' } });
  if (!dpia) throw new Error(`case ${instanceId} has no DPIA record`);
  return dpia;
}

async function update(em: EntityManager, dpia: DpiaEntity, changes: Partial<DpiaEntity>) {
  await em.update(DpiaEntity, { id: dpia.id }, changes);
}

/** Who gave FG advice in this DPIA: the advice to the process owner and every assessment. */
async function fgAdvisers(em: EntityManager, dpia: DpiaEntity): Promise<Set<string>> {
  const assessments = await em.find(DpiaFgAdviceEntity, { where: { dpiaId: dpia.id } });
  return new Set([dpia.ownerAdvisedBy, ...assessments.map((a) => a.advisedBy)].filter((u): u is string => !!u));
}

/** Step 4: the quickscan form's yes/no answers, grouped as the rules in quickscan.ts expect them. */
export function quickscanAnswersOf(processingId: string, values: Record<string, unknown>): QuickscanAnswers {
  const group = <Id extends string>(prefix: string, ids: readonly Id[]) => Object.fromEntries(ids.map((id) => [id, values[`${prefix}${id}`]])) as Record<Id, boolean>;
  const route = values.pbRoute as DpiaRoute | undefined;
  return {
    processingId,
    art35Cases: group('art35_', ART35_3_CASES.map((c) => c.id)),
    apListTypes: group('ap_', AP_MANDATORY_TYPES.map((t) => t.id)),
    edpbCriteria: group('edpb_', EDPB_CRITERIA.map((c) => c.id)),
    ...(route ? { pbChoice: { route, motivation: text(values.pbMotivation) } } : {}),
  };
}

async function quickscan({ em, instance, values, actor }: TaskCompletionContext) {
  const dpia = await requireDpiaOfInstance(em, instance.id);
  const answers = quickscanAnswersOf(dpia.processingId, values);
  const outcome = evaluateQuickscan(answers);
  await update(em, dpia, {
    quickscan: { answers, outcome, by: actor.userId, at: new Date().toISOString() },
    route: outcome.route,
    status: outcome.route === 'full_dpia' ? 'assessment' : 'compliance_check',
  });
  return { variables: { dpiaRoute: outcome.route, dpiaRequired: outcome.dpiaRequired } };
}

/** Step 6. The FG is the DPIA's independent adviser, so the FG who advised is never on its team. */
async function formTeam({ em, instance, values }: TaskCompletionContext) {
  const dpia = await requireDpiaOfInstance(em, instance.id);
  const team = [...new Set(text(values.teamMembers).split(/[,;\s]+/).filter((u) => u !== ''))];
  if (team.length < 2) throw new DpiaError(DpiaErrorCode.TEAM_INVALID, 'a DPIA team has at least two members', { team });
  const advisers = await fgAdvisers(em, dpia);
  const conflict = team.filter((member) => advisers.has(member));
  if (conflict.length) {
    throw new DpiaError(DpiaErrorCode.FG_IN_TEAM, `the FG who advises on ${dpia.reference} cannot be on its team`, { members: conflict });
  }
  await update(em, dpia, { team });
  // The team's tasks (assessment, report, measures) are offered to its members: candidateUsers="${dpiaTeam}".
  return { variables: { [DPIA_TEAM_VARIABLE]: team } };
}

/** Step 7: one new version of the art. 35 lid 7 answers; the risk register must not be empty. */
async function assessImpact({ em, instance, values, actor }: TaskCompletionContext) {
  const dpia = await requireDpiaOfInstance(em, instance.id);
  if ((await risksOf(em, dpia.id)).length === 0) throw new DpiaError(DpiaErrorCode.RISKS_MISSING, `record the risks of ${dpia.reference} first`);
  const version = dpia.questionnaireVersion + 1;
  const answers = Object.fromEntries(QUESTIONNAIRE.map((q) => [q.id, text(values[q.id])]));
  await em.insert(DpiaAnswersEntity, { dpiaId: dpia.id, version, answers, answeredBy: actor.userId, answeredAt: new Date() });
  await update(em, dpia, { questionnaireVersion: version });
}

/** Step 8: the report of the current version, with the heat map, also as PDF; its residual risk steers the rest. */
async function writeReport(reports: DpiaReportRenderer, { em, instance, values, actor }: TaskCompletionContext) {
  const now = new Date();
  const dpia = await requireDpiaOfInstance(em, instance.id);
  const processing = await em.findOneByOrFail(ProcessingEntity, { id: dpia.processingId });
  const answers = await em.findOneByOrFail(DpiaAnswersEntity, { dpiaId: dpia.id, version: dpia.questionnaireVersion });
  const input = {
    processing,
    dpia,
    version: dpia.questionnaireVersion,
    answers: answers.answers,
    risks: await risksOf(em, dpia.id),
    measures: await measuresOf(em, dpia.id),
    summary: text(values.reportSummary),
    writtenAt: now,
  };
  const report = reports.render(input);
  const pdf = await reports.renderPdf(report, input);
  await em.delete(DpiaReportEntity, { dpiaId: dpia.id, version: dpia.questionnaireVersion });
  await em.insert(DpiaReportEntity, {
    dpiaId: dpia.id,
    version: dpia.questionnaireVersion,
    markdown: report.markdown,
    html: report.html,
    heatMapSvg: report.heatMapSvg,
    pdf: pdf.bytes,
    pdfSha256: pdf.sha256,
    writtenBy: actor.userId,
    writtenAt: now,
  });
  // What the FG assesses is this report: from here on the risk register of this version stands still.
  await update(em, dpia, { residualLevel: report.residualLevel, status: 'reported' });
  return { variables: { residualRisk: report.residualLevel } };
}

/** Step 10: the FG's advice on this version; a member of the DPIA team cannot give it. */
async function fgAssessment({ em, instance, values, actor }: TaskCompletionContext) {
  const dpia = await requireDpiaOfInstance(em, instance.id);
  if (dpia.team.includes(actor.userId)) {
    throw new DpiaError(DpiaErrorCode.FG_IN_TEAM, `${actor.userId} is on the team of ${dpia.reference} and cannot advise on it`, { members: [actor.userId] });
  }
  await em.delete(DpiaFgAdviceEntity, { dpiaId: dpia.id, version: dpia.questionnaireVersion });
  await em.insert(DpiaFgAdviceEntity, {
    dpiaId: dpia.id,
    version: dpia.questionnaireVersion,
    opinion: String(values.fgOpinion),
    advice: text(values.fgAdvice),
    advisedBy: actor.userId,
    advisedAt: new Date(),
    followed: null,
    notFollowedReason: null,
    revisionRequest: null,
    decidedBy: null,
    decidedAt: null,
  });
  await update(em, dpia, { status: 'fg_assessment' });
}

/**
 * MT/B&W decide on the FG's advice; not following it needs a reason. They may send the DPIA back to the
 * team for a new round (a new version of answers and report, on which the FG advises again). Otherwise a
 * high residual risk blocks the processing until the AP has answered.
 */
async function decideOnAdvice({ em, instance, values, actor }: TaskCompletionContext) {
  const now = new Date();
  const dpia = await requireDpiaOfInstance(em, instance.id);
  const followed = values.adviceFollowed === true;
  const reason = text(values.notFollowedReason);
  const revise = values.reviseDpia === true;
  const revisionRequest = text(values.revisionRequest);
  if (!followed && !reason) throw new DpiaError(DpiaErrorCode.ADVICE_REASON_REQUIRED, 'say why the FG advice is not followed', { field: 'notFollowedReason' });
  if (revise && !revisionRequest) throw new DpiaError(DpiaErrorCode.REVISION_REQUEST_REQUIRED, 'say what the team is to revise', { field: 'revisionRequest' });
  await em.update(DpiaFgAdviceEntity, { dpiaId: dpia.id, version: dpia.questionnaireVersion }, {
    followed,
    notFollowedReason: followed ? null : reason,
    revisionRequest: revise ? revisionRequest : null,
    decidedBy: actor.userId,
    decidedAt: now,
  });
  // The variable is always set: a form without the field must not replay an earlier round's choice.
  if (revise) {
    await update(em, dpia, { status: 'assessment' });
    return { variables: { reviseDpia: true } };
  }
  await closeAssessment(em, dpia, now);
  return { variables: { reviseDpia: false } };
}

/** The version stands: a high residual risk goes to the AP (art. 36), anything else to the register. */
async function closeAssessment(em: EntityManager, dpia: DpiaEntity, now: Date) {
  if (dpia.residualLevel === 'high') {
    await update(em, dpia, { status: 'prior_consultation' });
    await setProcessingStatus(em, dpia.processingId, { status: 'prior_consultation' }, now);
  } else {
    await update(em, dpia, { status: 'register_update' });
  }
}

/** Art. 36: the consultation is submitted; the AP's eight weeks run from the day of submission. */
async function submitToAp({ em, instance, values }: TaskCompletionContext) {
  const dpia = await requireDpiaOfInstance(em, instance.id);
  const submittedAt = new Date(String(values.apSubmittedAt));
  if (submittedAt.getTime() > Date.now()) throw new DpiaError(DpiaErrorCode.AP_SUBMISSION_IN_FUTURE, 'the submission date lies in the future', { field: 'apSubmittedAt' });
  const apTermEndsAt = afterDuration(submittedAt, AP_TERM);
  await update(em, dpia, { apReference: text(values.apReference), apSubmittedAt: submittedAt, apTermEndsAt });
  return { variables: { apTermEndsAt: apTermEndsAt.toISOString() } };
}

/** The AP extends its term once, by six weeks (art. 36 lid 2 AVG). */
async function recordApExtension({ em, instance }: TaskCompletionContext) {
  const dpia = await requireDpiaOfInstance(em, instance.id);
  if (dpia.apTermExtended || !dpia.apTermEndsAt) throw new DpiaError(DpiaErrorCode.AP_TERM_ALREADY_EXTENDED, `the AP term of ${dpia.reference} was already extended`);
  const apTermEndsAt = afterDuration(dpia.apTermEndsAt, AP_TERM_EXTENSION);
  await update(em, dpia, { apTermEndsAt, apTermExtended: true });
  return { variables: { apTermEndsAt: apTermEndsAt.toISOString() } };
}

async function recordApAdvice({ em, instance, values }: TaskCompletionContext) {
  const now = new Date();
  const dpia = await requireDpiaOfInstance(em, instance.id);
  const allowed = values.processingAllowed === true;
  await update(em, dpia, { apAdvice: text(values.apAdvice), apAnsweredAt: now, processingAllowed: allowed, status: 'register_update' });
  await setProcessingStatus(em, dpia.processingId, { status: allowed ? 'allowed' : 'not_allowed' }, now);
}

/** Step 11: the register shows the outcome and when the processing is to be re-assessed. */
async function updateRegister(scheduling: DpiaScheduling, { em, instance }: TaskCompletionContext) {
  const now = new Date();
  const dpia = await requireDpiaOfInstance(em, instance.id);
  const processing = await em.findOneByOrFail(ProcessingEntity, { id: dpia.processingId });
  const reassessmentAt = afterDuration(now, scheduling.dpiaReassessmentInterval);
  const status = dpia.processingAllowed === false ? 'not_allowed' : processing.status === 'in_use' ? 'in_use' : 'allowed';
  await setProcessingStatus(em, processing.id, { status, nextReassessmentAt: reassessmentAt }, now);
  await update(em, dpia, { status: 'completed', completedAt: now });
  return { variables: { reassessmentAt: reassessmentAt.toISOString() } };
}

/** Every hook the DPIA procedure needs, on the given registry. */
export function registerDpiaHooks(registry: TaskHookRegistry, scheduling: DpiaScheduling, reports: DpiaReportRenderer): TaskHookRegistry {
  const on = (elementId: string, hook: Parameters<TaskHookRegistry['register']>[2]) => registry.register(DPIA_PROCESS_KEY, elementId, hook);
  on(DPIA_TASKS.fgAdviceToOwner, async ({ em, instance, values, actor }) => {
    const dpia = await requireDpiaOfInstance(em, instance.id);
    await update(em, dpia, { ownerAdvice: text(values.ownerAdvice), ownerAdvisedBy: actor.userId, status: 'quickscan' });
  });
  on(DPIA_TASKS.quickscan, quickscan);
  on(DPIA_TASKS.complianceCheck, async ({ em, instance, values }) => {
    const dpia = await requireDpiaOfInstance(em, instance.id);
    await update(em, dpia, { complianceFindings: text(values.complianceFindings), status: 'register_update' });
  });
  on(DPIA_TASKS.formDpiaTeam, formTeam);
  on(DPIA_TASKS.assessImpact, assessImpact);
  on(DPIA_TASKS.writeReport, (ctx) => writeReport(reports, ctx));
  on(DPIA_TASKS.fgAssessment, fgAssessment);
  on(DPIA_TASKS.decideOnAdvice, decideOnAdvice);
  on(DPIA_TASKS.submitToAp, submitToAp);
  on(DPIA_TASKS.recordApExtension, recordApExtension);
  on(DPIA_TASKS.recordApAdvice, recordApAdvice);
  on(DPIA_TASKS.updateRegister, (ctx) => updateRegister(scheduling, ctx));
  return registry;
}
