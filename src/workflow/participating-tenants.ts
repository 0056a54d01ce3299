import { DiagramModel, TASK_TENANT_PROPERTY, UserTaskModel } from '../deployment/diagram-model';
import { resolveWithVariables } from '../process-runtime';
import { WorkflowError, WorkflowErrorCode } from './workflow-error';

/**
 * A case shared with several municipalities: one municipality (tenant) owns it, the diagram's
 * `participatingTenants` expression names the others (e.g. the municipalities a supplier's
 * incident affects), and a task's `tenant` property gives it to one of them. The access policy
 * reads the stored list (process_instance.participating_tenants); see README "Shared cases".
 */

/** The shape of a tenant id in tokens and the realm (lower-case municipality names). */
const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** More would be a mistake in the form, not a real incident. */
export const MAX_PARTICIPATING_TENANTS = 100;

function invalid(message: string): WorkflowError {
  return new WorkflowError(WorkflowErrorCode.PARTICIPATING_TENANTS_INVALID, message);
}

/**
 * The tenants the case is shared with after a step: those it already had plus those the
 * expression names now. Participation only grows: a municipality that was given a task keeps
 * sight of it even when the list is corrected later. Nothing yet (variable not set) is no one.
 */
export function participatingTenantsAfterStep(
  model: Pick<DiagramModel, 'participatingTenants'>,
  variables: Record<string, unknown>,
  owner: string,
  current: readonly string[],
): string[] {
  if (!model.participatingTenants) return [...current];
  const value = resolveWithVariables(model.participatingTenants, variables);
  if (value === undefined || value === null || value === '') return [...current];
  const named = Array.isArray(value) ? value : [value];
  const wrong = named.filter((t) => typeof t !== 'string' || !TENANT_ID.test(t));
  if (wrong.length) throw invalid(`participating tenants must be tenant ids (lower-case letters, digits, hyphens); ${wrong.length} entries are not`);
  const tenants = [...new Set([...current, ...(named as string[])])].filter((t) => t !== owner);
  if (tenants.length > MAX_PARTICIPATING_TENANTS) throw invalid(`a case can be shared with at most ${MAX_PARTICIPATING_TENANTS} tenants`);
  return tenants;
}

/** The municipality a new task belongs to: its `tenant` property when set, else the case's owner. */
export function taskTenant(task: UserTaskModel, variables: Record<string, unknown>, owner: string, participating: readonly string[]): string {
  const expression = task.properties[TASK_TENANT_PROPERTY];
  if (!expression) return owner;
  const tenant = resolveWithVariables(expression, variables);
  if (tenant === owner || (typeof tenant === 'string' && participating.includes(tenant))) return tenant as string;
  throw new WorkflowError(
    WorkflowErrorCode.TASK_TENANT_NOT_PARTICIPATING,
    `task ${task.id} is for a municipality that does not participate in this case`,
    { elementId: task.id },
  );
}
