import { DpiaError, DpiaErrorCode } from './dpia-error';

/**
 * The DPIA risk matrix (issue 6 point 4; BLNP Bijlage 4 step 7: risk before and after measures).
 *
 * Four levels on each axis, not three: with three, assessors drift to the middle and a measure that
 * halves a risk often shows no move at all; four levels force a choice between "limited" and
 * "significant" and match the scales of the CNIL PIA method that the EDPB guidelines (WP248) point to.
 * The AVG itself only distinguishes risk from high risk (art. 35, 36), so the sixteen cells map onto
 * three levels, and a high residual risk means prior consultation of the AP (art. 36 lid 1).
 */

export const SCALE_VALUES = [1, 2, 3, 4] as const;
export type ScaleValue = (typeof SCALE_VALUES)[number];

export const LIKELIHOOD_LABELS: Record<ScaleValue, string> = { 1: 'Verwaarloosbaar', 2: 'Beperkt', 3: 'Aanzienlijk', 4: 'Zeer groot' };
export const IMPACT_LABELS: Record<ScaleValue, string> = { 1: 'Verwaarloosbaar', 2: 'Beperkt', 3: 'Aanzienlijk', 4: 'Maximaal' };

export type RiskLevel = 'low' | 'medium' | 'high';
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: 'Laag', medium: 'Midden', high: 'Hoog' };

export interface RiskRating {
  likelihood: ScaleValue;
  impact: ScaleValue;
}

export interface ScoredRating extends RiskRating {
  /** likelihood × impact, 1–16. */
  score: number;
  level: RiskLevel;
}

/**
 * Score bands: 1–3 low, 4–6 medium, 8–16 high. So a maximal impact is at least medium even when unlikely,
 * and limited likelihood with maximal impact (2 × 4) is already high: the matrix errs on the side of the
 * data subject.
 */
export const LEVEL_BANDS: ReadonlyArray<{ level: RiskLevel; minScore: number }> = [
  { level: 'high', minScore: 8 },
  { level: 'medium', minScore: 4 },
  { level: 'low', minScore: 1 },
];

export function scoreRating(rating: RiskRating, field = 'rating'): ScoredRating {
  for (const axis of ['likelihood', 'impact'] as const) {
    const value = rating?.[axis];
    if (!(SCALE_VALUES as readonly unknown[]).includes(value)) {
      throw new DpiaError(DpiaErrorCode.INVALID_SCALE_VALUE, `${field}.${axis} must be 1, 2, 3 or 4`, { field: `${field}.${axis}`, value });
    }
  }
  const score = rating.likelihood * rating.impact;
  const level = LEVEL_BANDS.find((band) => score >= band.minScore)!.level;
  return { likelihood: rating.likelihood, impact: rating.impact, score, level };
}

/** The level of every cell, `[likelihood - 1][impact - 1]`: the matrix as a table for forms and reports. */
export function matrixLevels(): RiskLevel[][] {
  return SCALE_VALUES.map((likelihood) => SCALE_VALUES.map((impact) => scoreRating({ likelihood, impact }).level));
}

export interface RiskAssessment {
  before: ScoredRating;
  /** After measures; the same as before while no measures are determined. */
  after: ScoredRating;
  measuresAssessed: boolean;
  /** Art. 36 lid 1 AVG: a high risk that measures do not bring down means consulting the AP first. */
  priorConsultationRequired: boolean;
}

/** One risk before and (optionally) after its measures. Measures never raise a risk: such input is refused. */
export function assessRisk(input: { before: RiskRating; after?: RiskRating }): RiskAssessment {
  const before = scoreRating(input.before, 'before');
  const after = input.after ? scoreRating(input.after, 'after') : before;
  if (after.likelihood > before.likelihood || after.impact > before.impact) {
    throw new DpiaError(DpiaErrorCode.RESIDUAL_ABOVE_INHERENT, 'a risk after measures cannot be higher than before them', {
      before: input.before,
      after: input.after,
    });
  }
  return { before, after, measuresAssessed: input.after !== undefined, priorConsultationRequired: after.level === 'high' };
}

export interface RiskRegisterSummary {
  /** Number of risks per level, before and after measures. */
  before: Record<RiskLevel, number>;
  after: Record<RiskLevel, number>;
  highestResidual: RiskLevel | undefined;
  priorConsultationRequired: boolean;
}

/** The figures the DPIA report and the FG's assessment (step 10) start from. */
export function summariseRisks(assessments: readonly RiskAssessment[]): RiskRegisterSummary {
  const count = (pick: (assessment: RiskAssessment) => RiskLevel) => {
    const counts: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0 };
    for (const assessment of assessments) counts[pick(assessment)]++;
    return counts;
  };
  const after = count((assessment) => assessment.after.level);
  const highestResidual = after.high > 0 ? 'high' : after.medium > 0 ? 'medium' : after.low > 0 ? 'low' : undefined;
  return { before: count((assessment) => assessment.before.level), after, highestResidual, priorConsultationRequired: after.high > 0 };
}
