import type { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import type { ProcessInstanceEntity, UserTaskEntity } from '../persistence/entities';

/** What a domain module sees when one of its tasks is completed. */
export interface TaskCompletionContext {
  /** The completion's transaction: domain rows written here commit (or roll back) with the engine state. */
  em: EntityManager;
  /** The case, locked for this command; `variables` are those before this completion. */
  instance: ProcessInstanceEntity;
  task: UserTaskEntity;
  /** The submitted form values, already validated against the task's form. */
  values: Record<string, unknown>;
  actor: Actor;
}

export interface TaskCompletionOutcome {
  /** Variables the domain derived (deadlines, dates); passed to the engine with the form values. */
  variables?: Record<string, unknown>;
}

/**
 * Domain work that belongs to completing a task: record the advice, start the breach clock,
 * refuse a late filing without a reason. Runs inside the completion transaction after the form
 * is validated and before the engine moves on; a thrown error rolls everything back.
 */
export type TaskCompletionHook = (context: TaskCompletionContext) => Promise<TaskCompletionOutcome | void>;

/** Hooks by (process key, user task id). A diagram without hooks runs exactly as modelled. */
export class TaskHookRegistry {
  private readonly hooks = new Map<string, TaskCompletionHook>();

  register(processKey: string, elementId: string, hook: TaskCompletionHook): this {
    const key = `${processKey}#${elementId}`;
    if (this.hooks.has(key)) throw new Error(`task hook ${key} registered twice`);
    this.hooks.set(key, hook);
    return this;
  }

  find(processKey: string, elementId: string): TaskCompletionHook | undefined {
    return this.hooks.get(`${processKey}#${elementId}`);
  }
}
