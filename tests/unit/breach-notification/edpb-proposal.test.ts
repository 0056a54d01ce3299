import { BreachAssessmentAnswers, proposeNotification } from '../../../src/breach-notification/edpb-proposal';

const base: BreachAssessmentAnswers = {
  lossOrUnlawfulProcessing: true,
  specialCategories: false,
  sensitiveData: false,
  natureAndScale: '',
  approxDataSubjects: 3,
  vulnerableSubjects: false,
  dataUnintelligible: false,
  likelyConsequences: '',
};

describe('the EDPB-based proposal to the FG', () => {
  it('no breach of personal data: register only', () => {
    expect(proposeNotification({ ...base, lossOrUnlawfulProcessing: false })).toMatchObject({ notifyAp: false, informSubjects: false });
  });

  it('encrypted data with the key safe (EDPB example: stolen encrypted backup): neither', () => {
    const p = proposeNotification({ ...base, sensitiveData: true, dataUnintelligible: true });
    expect(p).toMatchObject({ notifyAp: false, informSubjects: false });
    expect(p.reasons.join(' ')).toContain('art. 34 lid 3 sub a');
  });

  it('unencrypted ordinary data: notify the AP, no high risk', () => {
    expect(proposeNotification(base)).toMatchObject({ notifyAp: true, informSubjects: false });
  });

  it.each([
    ['special categories (para. 102)', { specialCategories: true }, 'punt 102'],
    ['BSN or financial data', { sensitiveData: true }, 'identiteitsfraude'],
    ['children or vulnerable people', { vulnerableSubjects: true }, 'kwetsbare'],
  ])('high risk with %s: notify and inform', (_what, answers, reason) => {
    const p = proposeNotification({ ...base, ...answers });
    expect(p).toMatchObject({ notifyAp: true, informSubjects: true });
    expect(p.reasons.join(' ')).toContain(reason);
  });

  it('names the scale as a factor from 100 data subjects on', () => {
    expect(proposeNotification({ ...base, approxDataSubjects: 1500 }).reasons.join(' ')).toContain('1500 betrokkenen');
    expect(proposeNotification(base).reasons.join(' ')).not.toContain('betrokkenen; het aantal');
  });
});
