import type { DiagramModel } from '../deployment/diagram-model';
import { WorkflowError, WorkflowErrorCode } from './workflow-error';

/**
 * Separation of duties (functiescheiding), declared per user task in the diagram with Camunda
 * extension properties:
 * - `separateFrom="A,B"`: whoever performed (completed, or holds) task A or B in this case may
 *   not perform this task. The relation is symmetric: if B is separate from A, the performer of
 *   B may not do A either, whichever runs first (parallel branches).
 * - `notInitiator="true"`: whoever started the case, or on whose behalf it was reported
 *   (process variable `reportedBy`, set by integrations), may not perform this task.
 * Rules compare usernames, so a person holding two roles is bound like two people would be.
 */

/** Process variable naming the person on whose behalf a case was reported (e.g. by the zaaksysteem). */
export const REPORTED_BY_VARIABLE = 'reportedBy';

export const SEPARATE_FROM = 'separateFrom';
export const NOT_INITIATOR = 'notInitiator';

export type SeparationRule = typeof SEPARATE_FROM | typeof NOT_INITIATOR;

export interface SeparationRules {
  /** Element ids of user tasks whose performer may not do this one (both directions). */
  separateFrom: string[];
  notInitiator: boolean;
}

export const splitTaskIds = (value: string | undefined): string[] =>
  (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** The rules binding the performer of one user task of a diagram. */
export function separationRulesFor(model: Pick<DiagramModel, 'userTasks'>, elementId: string): SeparationRules {
  const own = model.userTasks[elementId]?.properties ?? {};
  const separateFrom = new Set(splitTaskIds(own[SEPARATE_FROM]));
  for (const other of Object.values(model.userTasks)) {
    if (other.id !== elementId && splitTaskIds(other.properties?.[SEPARATE_FROM]).includes(elementId)) separateFrom.add(other.id);
  }
  separateFrom.delete(elementId);
  return { separateFrom: [...separateFrom].sort(), notInitiator: own[NOT_INITIATOR]?.trim() === 'true' };
}

/** What a case knows about who did what, as far as the rules need it. */
export interface CaseParticipation {
  startedBy: string;
  variables: Record<string, unknown>;
  /** Every task of the case: who completed it, or who holds it while it is open. */
  tasks: { id: string; elementId: string; status: string; assignee: string | null; completedBy: string | null }[];
}

export interface SeparationConflict {
  rule: SeparationRule;
  /** separateFrom: the element id of the task the person performed or holds. */
  conflictingElementId?: string;
  conflictingTaskId?: string;
  /** notInitiator: how the person is tied to the case's start. */
  initiatorVia?: 'startedBy' | typeof REPORTED_BY_VARIABLE;
}

/** The first rule that forbids `performer` to do task `taskId`, or null when none does. */
export function findSeparationConflict(
  rules: SeparationRules,
  performer: string,
  taskId: string,
  participation: CaseParticipation,
): SeparationConflict | null {
  if (rules.notInitiator) {
    if (participation.startedBy === performer) return { rule: NOT_INITIATOR, initiatorVia: 'startedBy' };
    if (participation.variables[REPORTED_BY_VARIABLE] === performer) return { rule: NOT_INITIATOR, initiatorVia: REPORTED_BY_VARIABLE };
  }
  for (const other of participation.tasks) {
    if (other.id === taskId || !rules.separateFrom.includes(other.elementId)) continue;
    const performedBy = other.status === 'completed' ? other.completedBy : other.status === 'open' ? other.assignee : null;
    if (performedBy === performer) return { rule: SEPARATE_FROM, conflictingElementId: other.elementId, conflictingTaskId: other.id };
  }
  return null;
}

/** Refuses with SEPARATION_OF_DUTIES when a rule forbids `performer` to do the task. */
export function assertSeparationOfDuties(
  model: Pick<DiagramModel, 'userTasks'>,
  task: { id: string; elementId: string },
  performer: string,
  participation: CaseParticipation,
): void {
  const conflict = findSeparationConflict(separationRulesFor(model, task.elementId), performer, task.id, participation);
  if (!conflict) return;
  const who = performer;
  const message =
    conflict.rule === NOT_INITIATOR
      ? `${who} ${conflict.initiatorVia === 'startedBy' ? 'started' : 'reported'} this case and may not perform task ${task.elementId}`
      : `${who} performed task ${conflict.conflictingElementId} of this case and may not also perform task ${task.elementId}`;
  throw new WorkflowError(WorkflowErrorCode.SEPARATION_OF_DUTIES, message, {
    rule: conflict.rule,
    taskElementId: task.elementId,
    performer,
    ...(conflict.conflictingElementId ? { conflictingTask: conflict.conflictingElementId, conflictingTaskId: conflict.conflictingTaskId } : {}),
    ...(conflict.initiatorVia ? { initiatorVia: conflict.initiatorVia } : {}),
  });
}
