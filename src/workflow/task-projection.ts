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

/**
 * Candidate groups/users may be `${…}` (e.g. `${afdeling.rol}` in a multi-instance task, one
 * role per iteration); an expression yields a name or a list of names, anything else nothing.
 */
function resolveNames(entries: string[], variables: Record<string, unknown>): string[] {
  return entries.flatMap((entry) => {
    if (!entry.includes('${')) return [entry];
    const value = resolveAttribute(entry, variables);
    const names = Array.isArray(value) ? value : [value];
    return names.filter((n): n is string => typeof n === 'string' && n !== '');
  });
}

/** Fields of a new task row, from the diagram's task model and the current variables. */
export function projectTask(model: UserTaskModel, variables: Record<string, unknown>): ProjectedTaskFields {
  const assignee = resolveAttribute(model.assignee, variables);
  return {
    name: model.name || model.id,
    candidateGroups: resolveNames(model.candidateGroups, variables),
    candidateUsers: resolveNames(model.candidateUsers, variables),
    assignee: typeof assignee === 'string' && assignee !== '' ? assignee : null,
    dueAt: toDate(resolveAttribute(model.dueDate, variables)),
    followUpAt: toDate(resolveAttribute(model.followUpDate, variables)),
  };
}
