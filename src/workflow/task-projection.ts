import { DateTime } from 'luxon';
import type { UserTaskModel } from '../deployment/diagram-model';
import { resolveWithVariables } from '../process-runtime';

function resolveAttribute(value: string | undefined, variables: Record<string, unknown>): unknown {
  return value === undefined || value === '' ? undefined : resolveWithVariables(value, variables);
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
