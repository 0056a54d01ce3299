import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { deployDirectory, deployProcess } from '../deployment/deployment.service';
import type { Actor } from '../identity/actor';
import { findTask, listTasks, openTasksOfCase, TaskFilter } from '../inbox/inbox.service';
import { readAuditLog, AuditLogFilter } from '../audit/audit-log.service';
import { CaseRead, CaseReadMemo, recordCaseRead } from './case-reads';
import { DefinitionStore } from './definition-store';
import { isUuid } from './ids';
import { InstanceCommands } from './instance-commands';
import { findInstance, instanceHistory, listDefinitions } from './instance-queries';
import { correlateMessage, CorrelateMessageProps } from './message-correlator';
import { startProcess, StartProcessProps } from './process-starter';
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
    // A malformed case id matches no case: answer an empty inbox rather than a database error.
    if (filter.instanceId && !isUuid(filter.instanceId)) filter = { ...filter, instanceId: '00000000-0000-0000-0000-000000000000' };
    return listTasks(this.dataSource, actor, filter, first, after);
  }

  task(actor: Actor, id: string) {
    return isUuid(id) ? findTask(this.dataSource, actor, id) : Promise.resolve(null);
  }

  instance(actor: Actor, id: string) {
    return findInstance(this.dataSource, actor, id);
  }

  /** Open tasks of a case the actor may read (empty when the case is not readable). */
  async openTasksOfCase(actor: Actor, instanceId: string) {
    const view = await findInstance(this.dataSource, actor, instanceId);
    return view ? openTasksOfCase(this.dataSource, actor, view.instance, view.definition) : [];
  }

  history(instanceId: string) {
    return instanceHistory(this.dataSource, instanceId);
  }

  /** Records a read of a case's personal data in the audit trail (committed before the data leaves). */
  recordCaseRead(actor: Actor, read: CaseRead, memo?: CaseReadMemo) {
    return recordCaseRead(this.dataSource, actor, read, memo);
  }

  auditLog(actor: Actor, filter: AuditLogFilter, first?: number, after?: string | null) {
    return readAuditLog(this.dataSource, actor, filter, first, after);
  }

  definitions(allVersions = false) {
    return listDefinitions(this.dataSource, allVersions);
  }
}
