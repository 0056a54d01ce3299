import type { Actor } from '../identity/actor';
import { canAssignToOthers, COORDINATOR_ROLES, roleUsedAmong, roleUsedForTask } from '../identity/access-policy';
import { UserTaskEntity } from '../persistence/entities';
import { appendAudit } from './audit-trail';
import { InstanceCommands } from './instance-commands';
import { MAX_INDEXED_TEXT_LENGTH } from './process-starter';
import { assertMayPerform, loadTaskForUpdate } from './task-completer';
import { WorkflowError, WorkflowErrorCode } from './workflow-error';

type AssignmentKind = 'claim' | 'unclaim' | 'assign';

/**
 * Claim, unclaim and assign change only the task row, but they take the instance lock like
 * every other command so they serialise with completions.
 */
async function changeAssignee(
  commands: InstanceCommands,
  kind: AssignmentKind,
  taskId: string,
  actor: Actor,
  target: string | null,
): Promise<UserTaskEntity> {
  return commands.transaction(async (em) => {
    const locked = await loadTaskForUpdate(commands, em, taskId, actor);
    const { instance, task } = locked;
    if (kind === 'claim' && task.assignee && task.assignee !== actor.userId) {
      throw new WorkflowError(WorkflowErrorCode.TASK_HELD_BY_OTHER, `task ${task.id} is held by someone else`);
    }
    if (kind === 'unclaim' && task.assignee !== actor.userId && !canAssignToOthers(actor, task)) {
      throw new WorkflowError(WorkflowErrorCode.TASK_NOT_CLAIMED_BY_YOU, `task ${task.id} is not held by you`);
    }
    if (kind === 'assign' && target !== actor.userId && !canAssignToOthers(actor, task)) {
      throw new WorkflowError(WorkflowErrorCode.FORBIDDEN, 'only a coordinator may assign a task to someone else');
    }
    // The person who will perform the task must be allowed to: the claimer, or the assignee.
    if (target !== null) await assertMayPerform(em, locked, task, target);
    await em.update(UserTaskEntity, { id: task.id }, { assignee: target });
    // Assigning to someone else or taking a task from someone else needs a coordinator role.
    const actingForOthers = (kind === 'assign' && target !== actor.userId) || (kind === 'unclaim' && task.assignee !== actor.userId);
    await appendAudit(em, actor, {
      // The task's municipality: in a shared case, that of the staff the task belongs to.
      tenantId: task.tenantId,
      action: `task.${kind === 'assign' ? 'assigned' : kind + 'ed'}`,
      instanceId: instance.id,
      taskId: task.id,
      roleUsed: actingForOthers ? roleUsedAmong(actor, COORDINATOR_ROLES) : roleUsedForTask(actor, task),
      details: { elementId: task.elementId, from: task.assignee, to: target },
    });
    return { ...task, assignee: target };
  });
}

export const claimTask = (c: InstanceCommands, taskId: string, actor: Actor) => changeAssignee(c, 'claim', taskId, actor, actor.userId);
export const unclaimTask = (c: InstanceCommands, taskId: string, actor: Actor) => changeAssignee(c, 'unclaim', taskId, actor, null);
export async function assignTask(c: InstanceCommands, taskId: string, actor: Actor, userId: string): Promise<UserTaskEntity> {
  // The assignee column is indexed: a name longer than an index entry can hold is no user anyway.
  if (!userId.trim() || userId.length > MAX_INDEXED_TEXT_LENGTH) {
    throw new WorkflowError(WorkflowErrorCode.INVALID_ASSIGNEE, `a user name has 1 to ${MAX_INDEXED_TEXT_LENGTH} characters`, { limit: MAX_INDEXED_TEXT_LENGTH });
  }
  return changeAssignee(c, 'assign', taskId, actor, userId);
}
