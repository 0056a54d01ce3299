import { describeForm } from '../inbox/form-validation';
import type { TaskDetail as TaskDetailModel } from '../inbox/inbox.service';
import type { AuditEntryEntity, ProcessDefinitionEntity, UserTaskEntity } from '../persistence/entities';
import type { NamedPdf } from '../documents/pdf-renderer';
import type { AuditEntry } from './types/audit-entry.type';
import type { PdfDocument } from './types/pdf-document.type';
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

export function toAuditEntry(e: AuditEntryEntity): AuditEntry {
  return {
    id: e.id,
    tenantId: e.tenantId,
    seq: Number(e.seq),
    at: e.at,
    actor: e.actor,
    actorRoles: e.actorRoles,
    roleUsed: e.roleUsed,
    action: e.action,
    instanceId: e.instanceId,
    taskId: e.taskId,
    details: e.details,
    clientAddress: e.clientAddress,
    requestId: e.requestId,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

export function toPdfDocument(pdf: NamedPdf): PdfDocument {
  return { fileName: pdf.fileName, contentType: 'application/pdf', sha256: pdf.sha256, sizeBytes: pdf.bytes.length, base64: pdf.bytes.toString('base64') };
}
