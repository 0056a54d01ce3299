import type { EntityManager } from 'typeorm';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { deployDirectory, deployProcess } from '../deployment/deployment.service';
import type { Actor } from '../identity/actor';
import { findTask, listTasks, TaskFilter } from '../inbox/inbox.service';
import { DefinitionStore } from './definition-store';
import { isUuid } from './ids';
import { InstanceCommands } from './instance-commands';
import { findInstance, instanceHistory, listDefinitions } from './instance-queries';
import { correlateMessage, CorrelateMessageProps } from './message-correlator';
import { startProcess, StartProcessProps, startProcessWithin } from './process-starter';
import type { ServiceRegistry } from './service-registry';
import { assignTask, claimTask, unclaimTask } from './task-assignment';
import { completeTask } from './task-completer';
import { TaskHookRegistry } from './task-hooks';
import { WorkflowError, WorkflowErrorCode } from './workflow-error';

const notFound = (id: string) => new WorkflowError(WorkflowErrorCode.TASK_NOT_FOUND, `task ${id} not found`);

/**
 * The workflow domain as the transport layer sees it: every operation takes the actor and
 * applies the access policy; resolvers stay thin and never touch the engine or SQL.
 */
export class WorkflowService {
  readonly commands: InstanceCommands;

  constructor(
    readonly dataSource: DataSource,
    readonly services: ServiceRegistry,
    private readonly config: Pick<Config, 'engineStepTimeoutMs' | 'maxDiagramBytes'>,
    taskHooks: TaskHookRegistry = new TaskHookRegistry(),
  ) {
    this.commands = new InstanceCommands(dataSource, new DefinitionStore(dataSource), services, config, taskHooks);
  }

  private get deploymentOptions() {
    return { knownServices: this.services.names(), maxDiagramBytes: this.config.maxDiagramBytes };
  }

  deploy(xml: string, name: string, actor: Actor) {
    return deployProcess(this.dataSource, this.deploymentOptions, xml, name, actor);
  }

  deployDirectory(dir: string, actor: Actor) {
    return deployDirectory(this.dataSource, this.deploymentOptions, dir, actor);
  }

  start(props: StartProcessProps) {
    return startProcess(this.commands, props);
  }

  /** Starts a case inside the caller's transaction (a service handler's); see startProcessWithin. */
  startWithin(em: EntityManager, props: StartProcessProps) {
    return startProcessWithin(this.commands, em, props);
  }

  complete(taskId: string, values: unknown, actor: Actor) {
    if (!isUuid(taskId)) throw notFound(taskId);
    return completeTask(this.commands, { taskId, values, actor });
  }

  claim(taskId: string, actor: Actor) {
    if (!isUuid(taskId)) throw notFound(taskId);
    return claimTask(this.commands, taskId, actor);
  }

  unclaim(taskId: string, actor: Actor) {
    if (!isUuid(taskId)) throw notFound(taskId);
    return unclaimTask(this.commands, taskId, actor);
  }

  assign(taskId: string, userId: string, actor: Actor) {
    if (!isUuid(taskId)) throw notFound(taskId);
    return assignTask(this.commands, taskId, actor, userId);
  }

  correlate(props: CorrelateMessageProps) {
    return correlateMessage(this.commands, props);
  }

  tasks(actor: Actor, filter: TaskFilter, first?: number, after?: string | null) {
    return listTasks(this.dataSource, actor, filter, first, after);
  }

  task(actor: Actor, id: string) {
    return isUuid(id) ? findTask(this.dataSource, actor, id) : Promise.resolve(null);
  }

  instance(actor: Actor, id: string) {
    return findInstance(this.dataSource, actor, id);
  }

  history(instanceId: string) {
    return instanceHistory(this.dataSource, instanceId);
  }

  definitions(allVersions = false) {
    return listDefinitions(this.dataSource, allVersions);
  }
}
