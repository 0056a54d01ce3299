import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config';
import type { Actor } from '../identity/actor';
import { ProcessDefinitionEntity, ProcessInstanceEntity } from '../persistence/entities';
import { inSpan } from '../observability/tracing';
import { RuntimeError, runEngineStep, StepAction, StepResult } from '../process-runtime';
import type { DefinitionStore } from './definition-store';
import type { ServiceRegistry } from './service-registry';
import { TaskHookRegistry } from './task-hooks';
import { WorkflowError, WorkflowErrorCode } from './workflow-error';

export interface LockedInstance {
  instance: ProcessInstanceEntity;
  definition: ProcessDefinitionEntity;
}

/**
 * The mechanics every command on an existing instance shares: one transaction, the instance
 * row locked first (always first, so task API and timer poller never deadlock), a fresh
 * engine recovered from the stored state, the action applied, the result returned for
 * persisting in the same transaction.
 */
export class InstanceCommands {
  constructor(
    readonly dataSource: DataSource,
    readonly definitions: DefinitionStore,
    readonly services: ServiceRegistry,
    private readonly config: Pick<Config, 'engineStepTimeoutMs'>,
    /** Domain work run inside task completions (see task-hooks.ts). */
    readonly taskHooks: TaskHookRegistry = new TaskHookRegistry(),
  ) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return inSpan('workflow.transaction', { 'db.system': 'postgresql' }, () => this.dataSource.transaction('READ COMMITTED', work));
  }

  /**
   * Locks the instance row. With `skipLocked` a busy instance yields null instead of waiting
   * (used by the timer poller, which simply retries on its next round).
   */
  async lock(em: EntityManager, instanceId: string, options: { skipLocked?: boolean } = {}): Promise<LockedInstance | null> {
    const qb = em
      .getRepository(ProcessInstanceEntity)
      .createQueryBuilder('i')
      .where('i.id = :id', { id: instanceId })
      .setLock('pessimistic_write');
    if (options.skipLocked) qb.setOnLocked('skip_locked');
    const instance = await qb.getOne();
    if (!instance) return null;
    const definition = await this.definitions.byId(instance.definitionId, em);
    if (!definition) throw new Error(`definition ${instance.definitionId} of instance ${instance.id} is missing`);
    return { instance, definition };
  }

  /** Runs one engine step on a locked instance (or starts a new one when `state` is absent). */
  async step(definition: ProcessDefinitionEntity, state: unknown, action: StepAction): Promise<StepResult> {
    return inSpan('engine.step', { 'bpmn.process_key': definition.processKey, 'bpmn.version': definition.version, 'bpmn.action': action.kind }, (span) =>
      this.runStep(definition, state, action).then((result) => {
        span.setAttribute('bpmn.status', result.status);
        return result;
      }),
    );
  }

  private async runStep(definition: ProcessDefinitionEntity, state: unknown, action: StepAction): Promise<StepResult> {
    try {
      return await runEngineStep({
        sourceContext: await this.definitions.source(definition),
        state,
        action,
        knownServices: this.services.names(),
        timeoutMs: this.config.engineStepTimeoutMs,
      });
    } catch (err) {
      if (err instanceof RuntimeError) throw new WorkflowError(WorkflowErrorCode.STEP_FAILED, err.message, { cause: err.code });
      throw err;
    }
  }

  /** A person's command must not leave the instance failed: refuse it and roll back instead. */
  static refuseFailedStep(step: StepResult, actor: Actor): void {
    if (step.status === 'failed' && actor.kind === 'user') {
      throw new WorkflowError(WorkflowErrorCode.STEP_FAILED, `the process could not continue: ${step.failure}`);
    }
  }
}
