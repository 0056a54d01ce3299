import { dueThresholds, removalDueAt, retentionRules, ruleFor } from '../../../src/data-protection/retention-policy';

const rules = retentionRules({ incidentRetentionPeriod: 'P5Y', dsrRetentionPeriod: 'P1Y', caseRetentionPeriod: 'P6M' });

describe('retention periods per case type', () => {
  it('keeps a data-subject request one year after its case ended, an incident five, another case its own period', () => {
    const closed = new Date('2026-03-31T10:00:00Z');
    expect(removalDueAt(ruleFor(rules, 'data-subject-request'), closed)?.toISOString()).toBe('2027-03-31T10:00:00.000Z');
    expect(removalDueAt(ruleFor(rules, 'incident'), closed)?.toISOString()).toBe('2031-03-31T10:00:00.000Z');
    expect(removalDueAt(ruleFor(rules, 'other'), closed)?.toISOString()).toBe('2026-09-30T10:00:00.000Z');
  });

  it('sets no timer for a DPIA: it is kept while the processing is in the register', () => {
    expect(ruleFor(rules, 'dpia').period).toBeNull();
    expect(removalDueAt(ruleFor(rules, 'dpia'), new Date())).toBeNull();
    expect(dueThresholds(rules, new Date()).map((t) => t.caseType).sort()).toEqual(['data-subject-request', 'incident', 'other']);
  });

  it('makes a case due exactly when its period has passed', () => {
    const closed = new Date('2025-06-01T08:00:00Z');
    const threshold = (now: Date) => dueThresholds(rules, now).find((t) => t.caseType === 'data-subject-request')!.closedAtOrBefore;
    expect(closed <= threshold(new Date('2026-06-01T07:59:59Z'))).toBe(false);
    expect(closed <= threshold(new Date('2026-06-01T08:00:00Z'))).toBe(true);
  });

  it('names for every rule the setting that changes it and the reasoning', () => {
    for (const rule of rules) {
      expect(rule.trigger.length).toBeGreaterThan(20);
      expect(rule.basis.length).toBeGreaterThan(20);
      expect(rule.setting === null).toBe(rule.period === null);
    }
  });
});
