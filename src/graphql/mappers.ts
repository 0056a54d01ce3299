import { describeForm } from '../inbox/form-validation';
import type { TaskDetail as TaskDetailModel } from '../inbox/inbox.service';
import type { ProcessDefinitionEntity, UserTaskEntity } from '../persistence/entities';
import type { ProcessDefinition } from './types/process-definition.type';
import type { Task, TaskDetail, TaskStatus } from './types/task.type';

export function toDefinition(d: ProcessDefinitionEntity): ProcessDefinition {
  return { id: d.id, key: d.processKey, name: d.name, version: d.version, deployedBy: d.deployedBy, deployedAt: d.deployedAt, bpmnXml: d.xml };
}

export function toTask(t: UserTaskEntity): Task {
  return {
    id: t.id,
    name: t.name,
    elementId: t.elementId,
    instanceId: t.instanceId,
    processKey: t.processKey,
    businessKey: t.businessKey,
    tenantId: t.tenantId,
    status: t.status as TaskStatus,
    candidateGroups: t.candidateGroups,
    candidateUsers: t.candidateUsers,
    assignee: t.assignee,
    dueAt: t.dueAt,
    followUpAt: t.followUpAt,
    createdAt: t.createdAt,
    completedAt: t.completedAt,
    completedBy: t.completedBy,
  };
}

export function toTaskDetail({ task, instance, definition }: TaskDetailModel): TaskDetail {
  const model = definition.model.userTasks[task.elementId];
  return {
    ...toTask(task),
    formKey: model?.formKey ?? null,
    form: describeForm(model?.formFields ?? []) as TaskDetail['form'],
    caseData: { ...instance.variables, ...task.localVariables },
    output: task.output,
  };
}
