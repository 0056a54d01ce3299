import { checkDecisionOutline, DecisionProblemCode } from '../../../src/dsr/decision-outline';
import { DSR_ERROR_TEXTS, DsrErrorCode } from '../../../src/dsr/dsr-error';
import { REQUEST_FIELD_ERROR_TEXTS, RequestFieldErrorCode } from '../../../src/dsr/request-record';
import {
  CHANNEL_LABELS,
  DATA_SUBJECT_RIGHTS,
  DECISION_ELEMENTS,
  GENERAL_REFUSAL_GROUNDS,
  refusalGroundsFor,
  REQUEST_CHANNELS,
  RIGHT_RULES,
} from '../../../src/dsr/request-rights';

const letterElements = DECISION_ELEMENTS.map((element) => element.id);
const accessElements = ['personal_data', 'purposes', 'categories', 'recipients', 'retention', 'other_rights', 'complaint_ap'];

describe('the seven rights of data subjects', () => {
  it('covers articles 15 to 22 except 19, each with its BLNP name', () => {
    expect(DATA_SUBJECT_RIGHTS.map((right) => RIGHT_RULES[right].article)).toEqual([
      'art. 15 AVG',
      'art. 16 AVG',
      'art. 17 AVG',
      'art. 18 AVG',
      'art. 20 AVG',
      'art. 21 AVG',
      'art. 22 AVG',
    ]);
    expect(RIGHT_RULES.erasure.name).toBe('Recht op vergetelheid (gegevenswissing)');
    for (const right of DATA_SUBJECT_RIGHTS) expect(RIGHT_RULES[right].right).toBe(right);
  });

  it('gives every rule an id unique within its list, a Dutch label and a source', () => {
    for (const right of DATA_SUBJECT_RIGHTS) {
      const rules = RIGHT_RULES[right];
      for (const list of [rules.appliesWhen, rules.answerMustContain, refusalGroundsFor(right), rules.obligations]) {
        expect(new Set(list.map((item) => item.id)).size).toBe(list.length);
        for (const item of list) {
          expect(item.label.length).toBeGreaterThan(5);
          expect(item.source).toMatch(/AVG|Awb|BLNP|UAVG/);
        }
      }
    }
  });

  it('lists for access what the BLNP model letter and art. 15 require, origin only when not collected from the person', () => {
    const elements = RIGHT_RULES.access.answerMustContain;
    expect(elements.map((element) => element.id)).toEqual(expect.arrayContaining([...accessElements, 'origin']));
    expect(elements.find((element) => element.id === 'origin')?.onlyWhen).toMatch(/niet bij de betrokkene/);
  });

  it('refuses erasure for archiving under the Archiefwet and for a public task, not for portability reasons', () => {
    const ids = refusalGroundsFor('erasure').map((ground) => ground.id);
    expect(ids).toEqual(expect.arrayContaining(['archiving', 'legal_obligation_or_public_task', 'legal_claims']));
    expect(ids).not.toContain('not_provided_by_data_subject');
  });

  it('limits portability to non-statutory tasks (BLNP) and objection to processing on art. 6(1)(e) or (f)', () => {
    expect(RIGHT_RULES.portability.refusalGrounds.find((ground) => ground.id === 'public_task')?.source).toMatch(/art\. 20 lid 3/);
    expect(RIGHT_RULES.objection.refusalGrounds.map((ground) => ground.id)).toContain('basis_not_e_or_f');
  });

  it('offers the art. 12(5) and art. 23 grounds for every right', () => {
    expect(GENERAL_REFUSAL_GROUNDS.map((ground) => ground.id)).toContain('manifestly_unfounded_or_excessive');
    expect(GENERAL_REFUSAL_GROUNDS.filter((ground) => ground.source.startsWith('art. 23'))).toHaveLength(8);
    for (const right of DATA_SUBJECT_RIGHTS) expect(refusalGroundsFor(right).map((ground) => ground.id)).toContain('art23_criminal_offences');
  });

  it('requires informing recipients after rectification, erasure and restriction (art. 19)', () => {
    for (const right of ['rectification', 'erasure', 'restriction'] as const) {
      expect(RIGHT_RULES[right].obligations.map((item) => item.id)).toContain('recipients_informed');
    }
  });

  it('knows the four channels with Dutch labels', () => {
    expect(REQUEST_CHANNELS).toEqual(['post', 'digid_eform', 'counter', 'zaaksysteem']);
    expect(CHANNEL_LABELS.digid_eform).toBe('E-formulier met DigiD');
  });
});

describe('checking a drafted decision against the rules of its right', () => {
  it('accepts a granted access request whose letter has every required element', () => {
    expect(checkDecisionOutline({ right: 'access', outcome: 'granted', groundIds: [], elementIds: [...letterElements, ...accessElements] })).toEqual([]);
  });

  it('names each missing element of a granted access decision', () => {
    const problems = checkDecisionOutline({ right: 'access', outcome: 'granted', groundIds: [], elementIds: letterElements.filter((id) => id !== 'objection_clause') });
    expect(problems.map((problem) => [problem.code, problem.id])).toEqual([
      [DecisionProblemCode.ELEMENT_MISSING, 'objection_clause'],
      ...accessElements.filter((id) => id !== 'complaint_ap').map((id) => [DecisionProblemCode.ELEMENT_MISSING, id]),
    ]);
  });

  it('accepts an erasure request partly refused for archiving, with the grounds and the erased data named', () => {
    expect(
      checkDecisionOutline({
        right: 'erasure',
        outcome: 'partly_granted',
        groundIds: ['archiving'],
        elementIds: [...letterElements, 'data_erased', 'recipients_informed'],
      }),
    ).toEqual([]);
  });

  it.each([
    ['a refusal without a ground', { right: 'erasure', outcome: 'refused', groundIds: [] }, [DecisionProblemCode.GROUND_MISSING]],
    ['a refusal on a ground of another right', { right: 'erasure', outcome: 'refused', groundIds: ['public_task'] }, [DecisionProblemCode.GROUND_NOT_APPLICABLE]],
    ['a grant that names a refusal ground', { right: 'access', outcome: 'granted', groundIds: ['copy_harms_others'] }, [DecisionProblemCode.GROUND_WITHOUT_REFUSAL]],
    ['not processed for a reason that is a refusal ground', { right: 'access', outcome: 'not_processed', groundIds: ['art23_civil_claims'] }, [DecisionProblemCode.GROUND_NOT_APPLICABLE]],
  ] as const)('finds %s', (_what, outline, codes) => {
    const problems = checkDecisionOutline({ ...outline, elementIds: [...letterElements, ...accessElements, 'data_erased', 'recipients_informed'] });
    expect(problems.map((problem) => problem.code)).toEqual(codes);
  });

  it('accepts a refusal of portability for a public task with only the general letter elements', () => {
    expect(checkDecisionOutline({ right: 'portability', outcome: 'refused', groundIds: ['public_task'], elementIds: letterElements })).toEqual([]);
  });

  it('accepts "buiten behandeling" when identity was not established, still as a besluit with an objection clause', () => {
    expect(checkDecisionOutline({ right: 'access', outcome: 'not_processed', groundIds: ['identity_not_established'], elementIds: letterElements })).toEqual([]);
    expect(
      checkDecisionOutline({ right: 'access', outcome: 'not_processed', groundIds: ['identity_not_established'], elementIds: [] }).map((problem) => problem.id),
    ).toEqual(letterElements);
  });

  it('needs nothing for a withdrawn request: it ends without a besluit', () => {
    expect(checkDecisionOutline({ right: 'objection', outcome: 'withdrawn', groundIds: [], elementIds: [] })).toEqual([]);
  });

  it('reports an unknown outcome and refuses an unknown right with a stable code', () => {
    expect(checkDecisionOutline({ right: 'access', outcome: 'approved' as never, groundIds: [], elementIds: [] })[0].code).toBe(DecisionProblemCode.UNKNOWN_OUTCOME);
    expect(() => checkDecisionOutline({ right: 'forgetting' as never, outcome: 'granted', groundIds: [], elementIds: [] })).toThrow(
      expect.objectContaining({ code: DsrErrorCode.UNKNOWN_RIGHT }),
    );
  });
});

describe('Dutch texts for every error code', () => {
  it('has a Dutch text for every code of the rules and of the registration form', () => {
    // Record<Code, string> makes a missing entry a compile error; this guards against empty ones.
    for (const code of Object.values(DsrErrorCode)) expect(DSR_ERROR_TEXTS[code]).toMatch(/\S.{10,}/);
    for (const code of Object.values(RequestFieldErrorCode)) expect(REQUEST_FIELD_ERROR_TEXTS[code]).toMatch(/\S.{5,}/);
  });
});
