import type { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { canReadTask, isCandidate, roleUsedForTask } from '../identity/access-policy';
import { validateFormValues } from '../inbox/form-validation';
import { UserTaskEntity } from '../persistence/entities';
import { appendAudit } from './audit-trail';
import { InstanceCommands, type LockedInstance } from './instance-commands';
import { assertSeparationOfDuties } from './separation-of-duties';
import { persistStep } from './step-persistence';
import { WorkflowError, WorkflowErrorCode } from './workflow-error';

export interface CompleteTaskProps {
  taskId: string;
  /** Form values; validated against the task's form before anything changes. */
  values: unknown;
  actor: Actor;
}

/**
 * Reads the task in a fresh statement after the instance lock is held, so a completion that
 * committed while we waited for the lock is seen (READ COMMITTED re-snapshots per statement).
 */
export async function loadTaskForUpdate(commands: InstanceCommands, em: EntityManager, taskId: string, actor: Actor) {
  const probe = await em.findOne(UserTaskEntity, { where: { id: taskId }, select: { id: true, instanceId: true } });
  if (!probe) throw new WorkflowError(WorkflowErrorCode.TASK_NOT_FOUND, `task ${taskId} not found`);
  const locked = await commands.lock(em, probe.instanceId);
  const task = await em.findOne(UserTaskEntity, { where: { id: taskId } });
  // Another municipality's task, or one the actor may not even read, answers exactly like a task that does not exist.
  if (!locked || !task || !canReadTask(actor, task, locked.definition.model.caseType)) {
    throw new WorkflowError(WorkflowErrorCode.TASK_NOT_FOUND, `task ${taskId} not found`);
  }
  // Supervisors (FG, CISO on incidents) read but do not act.
  if (!isCandidate(actor, task)) throw new WorkflowError(WorkflowErrorCode.NOT_A_CANDIDATE, `you are not a candidate for task ${taskId}`);
  if (task.status !== 'open') {
    throw new WorkflowError(WorkflowErrorCode.TASK_ALREADY_COMPLETED, `task ${taskId} is already ${task.status}`);
  }
  return { ...locked, task };
}

/**
 * Refuses with SEPARATION_OF_DUTIES when the diagram's rules forbid `performer` to do the task.
 * Call with the instance lock held: the participation read here cannot change until commit.
 */
export async function assertMayPerform(em: EntityManager, locked: LockedInstance, task: UserTaskEntity, performer: string): Promise<void> {
  const tasks = await em.find(UserTaskEntity, {
    where: { instanceId: locked.instance.id },
    select: { id: true, elementId: true, status: true, assignee: true, completedBy: true },
  });
  assertSeparationOfDuties(locked.definition.model, task, performer, {
    startedBy: locked.instance.startedBy,
    variables: locked.instance.variables ?? {},
    tasks,
  });
}

/** Completes a task held by the actor (or unassigned, with the actor a candidate). */
export async function completeTask(commands: InstanceCommands, props: CompleteTaskProps): Promise<UserTaskEntity> {
  return commands.transaction(async (em) => {
    const locked = await loadTaskForUpdate(commands, em, props.taskId, props.actor);
    const { instance, definition, task } = locked;
    if (task.assignee && task.assignee !== props.actor.userId) {
      throw new WorkflowError(WorkflowErrorCode.TASK_HELD_BY_OTHER, `task ${task.id} is held by someone else`);
    }
    await assertMayPerform(em, locked, task, props.actor.userId);
    const taskModel = definition.model.userTasks[task.elementId];
    const validation = validateFormValues(taskModel?.formFields ?? [], props.values ?? {});
    if (!validation.ok) {
      throw new WorkflowError(WorkflowErrorCode.FORM_INVALID, 'the form has invalid fields', { fieldErrors: validation.errors });
    }
    // Domain rows written by the hook share this transaction with the engine state and task rows.
    const hook = commands.taskHooks.find(instance.processKey, task.elementId);
    const outcome = hook ? await hook({ em, instance, task, values: validation.values, actor: props.actor }) : undefined;
    const step = await commands.step(definition, instance.state, {
      kind: 'complete',
      elementId: task.elementId,
      executionId: task.executionId,
      values: { ...validation.values, ...(outcome?.variables ?? {}) },
    });
    InstanceCommands.refuseFailedStep(step, props.actor);
    await persistStep(em, instance, definition.model, step, props.actor, { taskId: task.id, output: validation.values });
    await appendAudit(em, props.actor, {
      // The task's municipality: in a shared case, that of the staff the task belongs to.
      tenantId: task.tenantId,
      action: 'task.completed',
      instanceId: instance.id,
      taskId: task.id,
      roleUsed: roleUsedForTask(props.actor, task),
      details: { elementId: task.elementId, fields: Object.keys(validation.values) },
    });
    return { ...task, status: 'completed', completedBy: props.actor.userId, completedAt: new Date(), output: validation.values };
  });
}
