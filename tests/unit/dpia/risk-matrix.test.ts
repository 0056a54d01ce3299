import { DpiaErrorCode } from '../../../src/dpia/dpia-error';
import { assessRisk, matrixLevels, RiskRating, scoreRating, summariseRisks } from '../../../src/dpia/risk-matrix';

describe('the 4×4 risk matrix', () => {
  it('maps every cell to low, medium or high (rows: likelihood 1–4, columns: impact 1–4)', () => {
    expect(matrixLevels()).toEqual([
      ['low', 'low', 'low', 'medium'],
      ['low', 'medium', 'medium', 'high'],
      ['low', 'medium', 'high', 'high'],
      ['medium', 'high', 'high', 'high'],
    ]);
  });

  it.each<[RiskRating, number, string]>([
    [{ likelihood: 1, impact: 1 }, 1, 'low'],
    [{ likelihood: 1, impact: 3 }, 3, 'low'],
    [{ likelihood: 1, impact: 4 }, 4, 'medium'],
    [{ likelihood: 2, impact: 3 }, 6, 'medium'],
    [{ likelihood: 2, impact: 4 }, 8, 'high'],
    [{ likelihood: 3, impact: 3 }, 9, 'high'],
    [{ likelihood: 4, impact: 4 }, 16, 'high'],
  ])('scores %o as %i (%s)', (rating, score, level) => {
    expect(scoreRating(rating)).toEqual({ ...rating, score, level });
  });

  it('needs prior consultation of the AP only when the risk stays high after measures', () => {
    const brought_down = assessRisk({ before: { likelihood: 3, impact: 4 }, after: { likelihood: 1, impact: 3 } });
    expect(brought_down).toMatchObject({ before: { level: 'high' }, after: { level: 'low' }, measuresAssessed: true, priorConsultationRequired: false });
    const stays_high = assessRisk({ before: { likelihood: 4, impact: 4 }, after: { likelihood: 2, impact: 4 } });
    expect(stays_high).toMatchObject({ after: { level: 'high', score: 8 }, priorConsultationRequired: true });
  });

  it('treats a risk without assessed measures as unchanged', () => {
    expect(assessRisk({ before: { likelihood: 3, impact: 3 } })).toMatchObject({ after: { level: 'high' }, measuresAssessed: false, priorConsultationRequired: true });
  });

  it.each([
    ['a likelihood of 5', { before: { likelihood: 5, impact: 2 } }, DpiaErrorCode.INVALID_SCALE_VALUE],
    ['an impact of 0', { before: { likelihood: 2, impact: 0 } }, DpiaErrorCode.INVALID_SCALE_VALUE],
    ['a fraction', { before: { likelihood: 2.5, impact: 2 } }, DpiaErrorCode.INVALID_SCALE_VALUE],
    ['a string', { before: { likelihood: '3', impact: 2 } }, DpiaErrorCode.INVALID_SCALE_VALUE],
    ['a missing rating after measures', { before: { likelihood: 2, impact: 2 }, after: { likelihood: 2 } }, DpiaErrorCode.INVALID_SCALE_VALUE],
    ['a higher likelihood after measures', { before: { likelihood: 2, impact: 3 }, after: { likelihood: 3, impact: 1 } }, DpiaErrorCode.RESIDUAL_ABOVE_INHERENT],
    ['a higher impact after measures', { before: { likelihood: 2, impact: 2 }, after: { likelihood: 1, impact: 3 } }, DpiaErrorCode.RESIDUAL_ABOVE_INHERENT],
  ])('refuses %s', (_what, input, code) => {
    expect(() => assessRisk(input as never)).toThrow(expect.objectContaining({ code }));
  });

  it('summarises a risk register: counts per level and whether the AP must be consulted', () => {
    const summary = summariseRisks([
      assessRisk({ before: { likelihood: 3, impact: 4 }, after: { likelihood: 1, impact: 4 } }),
      assessRisk({ before: { likelihood: 4, impact: 2 }, after: { likelihood: 2, impact: 2 } }),
      assessRisk({ before: { likelihood: 1, impact: 1 } }),
    ]);
    expect(summary).toEqual({
      before: { low: 1, medium: 0, high: 2 },
      after: { low: 1, medium: 2, high: 0 },
      highestResidual: 'medium',
      priorConsultationRequired: false,
    });
    expect(summariseRisks([]).highestResidual).toBeUndefined();
  });
});
