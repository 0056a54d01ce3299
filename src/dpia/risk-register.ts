import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DpiaEntity, DpiaMeasureEntity, DpiaRiskEntity } from '../persistence/entities';
import type { DpiaMeasureStatus } from '../persistence/entities/dpia-measure.entity';
import { isCalendarDate } from '../workflow/calendar';
import { DpiaError, DpiaErrorCode } from './dpia-error';
import { assessRisk, RiskAssessment, RiskRating, ScaleValue } from './risk-matrix';

/** A risk as the DPIA team records it (step 7): rated before and, once measures are chosen, after them. */
export interface RiskInput {
  code: string;
  title: string;
  before: RiskRating;
  after?: RiskRating | null;
}

export interface MeasureInput {
  riskCode?: string | null;
  description: string;
  owner: string;
  /** YYYY-MM-DD */
  dueDate: string;
  status?: DpiaMeasureStatus | null;
}

const MEASURE_STATUSES: readonly DpiaMeasureStatus[] = ['planned', 'in_progress', 'implemented'];

/** Risks and measures are kept while the team assesses; after the report only measure status moves. */
function requireAssessing(dpia: DpiaEntity) {
  if (dpia.route !== 'full_dpia' || !['assessment'].includes(dpia.status)) {
    throw new DpiaError(DpiaErrorCode.NOT_IN_ASSESSMENT, `DPIA ${dpia.reference} is not being assessed`, { status: dpia.status });
  }
}

/** Replaces the risk register of the DPIA with these risks (validated by the risk matrix). */
export async function replaceRisks(em: EntityManager, dpia: DpiaEntity, risks: RiskInput[], by: string, now: Date): Promise<DpiaRiskEntity[]> {
  requireAssessing(dpia);
  const codes = new Set<string>();
  for (const risk of risks) {
    const code = risk.code?.trim() ?? '';
    if (!code || code.length > 4 || codes.has(code) || !risk.title?.trim()) {
      throw new DpiaError(DpiaErrorCode.RISK_INVALID, 'each risk has a unique code of at most four characters and a title', { code });
    }
    codes.add(code);
    assessRisk({ before: risk.before, after: risk.after ?? undefined });
  }
  const measures = await em.find(DpiaMeasureEntity, { where: { dpiaId: dpia.id } });
  const orphaned = measures.filter((m) => m.riskCode && !codes.has(m.riskCode));
  if (orphaned.length) throw new DpiaError(DpiaErrorCode.RISK_INVALID, 'measures still refer to removed risks', { riskCodes: orphaned.map((m) => m.riskCode) });
  await em.delete(DpiaRiskEntity, { dpiaId: dpia.id });
  const rows = risks.map((risk) =>
    em.create(DpiaRiskEntity, {
      dpiaId: dpia.id,
      code: risk.code.trim(),
      title: risk.title.trim(),
      likelihoodBefore: risk.before.likelihood,
      impactBefore: risk.before.impact,
      likelihoodAfter: risk.after?.likelihood ?? null,
      impactAfter: risk.after?.impact ?? null,
      recordedBy: by,
      recordedAt: now,
    }),
  );
  if (rows.length) await em.insert(DpiaRiskEntity, rows);
  return rows;
}

export function risksOf(em: EntityManager, dpiaId: string): Promise<DpiaRiskEntity[]> {
  return em.find(DpiaRiskEntity, { where: { dpiaId }, order: { code: 'ASC' } });
}

export function ratingsOf(risk: DpiaRiskEntity): { before: RiskRating; after?: RiskRating } {
  const before = { likelihood: risk.likelihoodBefore as ScaleValue, impact: risk.impactBefore as ScaleValue };
  const after = risk.likelihoodAfter && risk.impactAfter ? { likelihood: risk.likelihoodAfter as ScaleValue, impact: risk.impactAfter as ScaleValue } : undefined;
  return { before, after };
}

export function assessmentOf(risk: DpiaRiskEntity): RiskAssessment {
  return assessRisk(ratingsOf(risk));
}

function checkMeasure(input: MeasureInput, riskCodes: Set<string>) {
  const fields: string[] = [];
  if (!input.description?.trim()) fields.push('description');
  if (!input.owner?.trim()) fields.push('owner');
  // A calendar day that exists: Date.parse takes 2024-02-30 (the database's date column does not).
  if (!isCalendarDate(input.dueDate)) fields.push('dueDate');
  if (input.riskCode && !riskCodes.has(input.riskCode)) fields.push('riskCode');
  if (input.status && !MEASURE_STATUSES.includes(input.status)) fields.push('status');
  if (fields.length) throw new DpiaError(DpiaErrorCode.MEASURE_INVALID, 'the measure is incomplete or refers to an unknown risk', { fields });
}

export async function planMeasure(em: EntityManager, dpia: DpiaEntity, input: MeasureInput, by: string, now: Date): Promise<DpiaMeasureEntity> {
  requireAssessing(dpia);
  checkMeasure(input, new Set((await risksOf(em, dpia.id)).map((r) => r.code)));
  const measure = em.create(DpiaMeasureEntity, {
    id: randomUUID(),
    dpiaId: dpia.id,
    riskCode: input.riskCode?.trim() || null,
    description: input.description.trim(),
    owner: input.owner.trim(),
    dueDate: input.dueDate,
    status: input.status ?? 'planned',
    updatedBy: by,
    updatedAt: now,
  });
  await em.insert(DpiaMeasureEntity, measure);
  return measure;
}

/** Step 9: the status of a measure moves while the DPIA runs (and after, while the processing lives). */
export async function trackMeasure(em: EntityManager, measure: DpiaMeasureEntity, status: DpiaMeasureStatus, by: string, now: Date): Promise<DpiaMeasureEntity> {
  if (!MEASURE_STATUSES.includes(status)) throw new DpiaError(DpiaErrorCode.MEASURE_INVALID, `unknown status ${status}`, { fields: ['status'] });
  await em.update(DpiaMeasureEntity, { id: measure.id }, { status, updatedBy: by, updatedAt: now });
  return { ...measure, status, updatedBy: by, updatedAt: now };
}

export function measuresOf(em: EntityManager, dpiaId: string): Promise<DpiaMeasureEntity[]> {
  return em.find(DpiaMeasureEntity, { where: { dpiaId }, order: { dueDate: 'ASC', id: 'ASC' } });
}
