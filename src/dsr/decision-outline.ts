import { DsrError, DsrErrorCode } from './dsr-error';
import { DECISION_ELEMENTS, DataSubjectRight, isDataSubjectRight, NOT_PROCESSED_GROUNDS, refusalGroundsFor, RIGHT_RULES } from './request-rights';

/** How a request ends (issue 5 point 5). Only a withdrawal ends without a besluit (BLNP Bijlage 5 "Besluit"). */
export const DECISION_OUTCOMES = ['granted', 'partly_granted', 'refused', 'not_processed', 'withdrawn'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface DecisionOutline {
  right: DataSubjectRight;
  outcome: DecisionOutcome;
  /** Ids from `refusalGroundsFor(right)`, or from `NOT_PROCESSED_GROUNDS` for `not_processed`. */
  groundIds: readonly string[];
  /** Ids of the elements the drafted decision contains (`DECISION_ELEMENTS` and the right's `answerMustContain`). */
  elementIds: readonly string[];
}

export enum DecisionProblemCode {
  UNKNOWN_OUTCOME = 'UNKNOWN_OUTCOME',
  GROUND_MISSING = 'GROUND_MISSING',
  GROUND_NOT_APPLICABLE = 'GROUND_NOT_APPLICABLE',
  GROUND_WITHOUT_REFUSAL = 'GROUND_WITHOUT_REFUSAL',
  ELEMENT_MISSING = 'ELEMENT_MISSING',
}

export interface DecisionProblem {
  code: DecisionProblemCode;
  /** The ground or element concerned. */
  id?: string;
  message: string;
}

/**
 * Checks a drafted decision against the rules of its right before it can be signed: a refusal names an
 * applicable ground, a grant names none, and the letter contains what the law requires for that outcome.
 * Elements that are required only in some situations (`onlyWhen`) are left to the drafter.
 */
export function checkDecisionOutline(outline: DecisionOutline): DecisionProblem[] {
  if (!isDataSubjectRight(outline.right)) {
    throw new DsrError(DsrErrorCode.UNKNOWN_RIGHT, `unknown right ${String(outline.right)}`, { right: outline.right });
  }
  const problems: DecisionProblem[] = [];
  const grounds = [...new Set(outline.groundIds)];
  const elements = new Set(outline.elementIds);

  switch (outline.outcome) {
    case 'withdrawn':
      return problems;
    case 'granted':
      for (const id of grounds) {
        problems.push({ code: DecisionProblemCode.GROUND_WITHOUT_REFUSAL, id, message: 'a granted request needs no refusal ground' });
      }
      break;
    case 'partly_granted':
    case 'refused':
      checkGrounds(grounds, refusalGroundsFor(outline.right).map((ground) => ground.id), 'refusal', problems);
      break;
    case 'not_processed':
      checkGrounds(grounds, NOT_PROCESSED_GROUNDS.map((ground) => ground.id), 'not-processed', problems);
      break;
    default:
      return [{ code: DecisionProblemCode.UNKNOWN_OUTCOME, message: `unknown outcome ${String(outline.outcome)}` }];
  }

  const required = DECISION_ELEMENTS.map((element) => element.id);
  if (outline.outcome === 'granted' || outline.outcome === 'partly_granted') {
    required.push(...RIGHT_RULES[outline.right].answerMustContain.filter((element) => !element.onlyWhen).map((element) => element.id));
  }
  for (const id of new Set(required)) {
    if (!elements.has(id)) problems.push({ code: DecisionProblemCode.ELEMENT_MISSING, id, message: `the decision lacks "${id}"` });
  }
  return problems;
}

function checkGrounds(grounds: string[], allowed: string[], kind: string, problems: DecisionProblem[]): void {
  if (grounds.length === 0) {
    problems.push({ code: DecisionProblemCode.GROUND_MISSING, message: `a ${kind} decision names its ground` });
  }
  for (const id of grounds) {
    if (!allowed.includes(id)) {
      problems.push({ code: DecisionProblemCode.GROUND_NOT_APPLICABLE, id, message: `"${id}" is not a ${kind} ground for this right` });
    }
  }
}
