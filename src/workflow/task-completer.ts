import type { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { isCandidate, roleUsedForTask } from '../identity/access-policy';
import { validateFormValues } from '../inbox/form-validation';
import { UserTaskEntity } from '../persistence/entities';
import { appendAudit } from './audit-trail';
import { InstanceCommands } from './instance-commands';
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
  // Another municipality's task answers exactly like a task that does not exist.
  if (!locked || !task || !isCandidate(actor, task)) throw new WorkflowError(WorkflowErrorCode.TASK_NOT_FOUND, `task ${taskId} not found`);
  if (task.status !== 'open') {
    throw new WorkflowError(WorkflowErrorCode.TASK_ALREADY_COMPLETED, `task ${taskId} is already ${task.status}`);
  }
  return { ...locked, task };
}

/** Completes a task held by the actor (or unassigned, with the actor a candidate). */
export async function completeTask(commands: InstanceCommands, props: CompleteTaskProps): Promise<UserTaskEntity> {
  return commands.transaction(async (em) => {
    const { instance, definition, task } = await loadTaskForUpdate(commands, em, props.taskId, props.actor);
    if (task.assignee && task.assignee !== props.actor.userId) {
      throw new WorkflowError(WorkflowErrorCode.TASK_HELD_BY_OTHER, `task ${task.id} is held by someone else`);
    }
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
      tenantId: instance.tenantId,
      action: 'task.completed',
      instanceId: instance.id,
      taskId: task.id,
      roleUsed: roleUsedForTask(props.actor, task),
      details: { elementId: task.elementId, fields: Object.keys(validation.values) },
    });
    return { ...task, status: 'completed', completedBy: props.actor.userId, completedAt: new Date(), output: validation.values };
  });
}
