import { DateTime } from 'luxon';
import type { UserTaskModel } from '../deployment/diagram-model';
import { evaluateFeel, expressionBody, isPropertyPath, resolvePropertyPath } from '../process-runtime';

/**
 * Resolves a Camunda attribute value that may be a literal or `${…}` against the process
 * variables. Returns undefined when it resolves to nothing.
 */
function resolveAttribute(value: string | undefined, variables: Record<string, unknown>): unknown {
  if (value === undefined || value === '') return undefined;
  const body = expressionBody(value);
  if (body === undefined) return value;
  if (isPropertyPath(body)) return resolvePropertyPath(variables, body);
  return evaluateFeel(body, variables);
}

function toDate(value: unknown): Date | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value;
  const parsed = DateTime.fromISO(String(value), { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : null;
}

export interface ProjectedTaskFields {
  name: string;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee: string | null;
  dueAt: Date | null;
  followUpAt: Date | null;
}

/** Fields of a new task row, from the diagram's task model and the current variables. */
export function projectTask(model: UserTaskModel, variables: Record<string, unknown>): ProjectedTaskFields {
  const assignee = resolveAttribute(model.assignee, variables);
  return {
    name: model.name || model.id,
    candidateGroups: model.candidateGroups,
    candidateUsers: model.candidateUsers,
    assignee: typeof assignee === 'string' && assignee !== '' ? assignee : null,
    dueAt: toDate(resolveAttribute(model.dueDate, variables)),
    followUpAt: toDate(resolveAttribute(model.followUpDate, variables)),
  };
}
