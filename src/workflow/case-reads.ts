import type { DataSource } from 'typeorm';
import type { Actor } from '../identity/actor';
import { auditTenantForCaseRead, roleUsedForTask, TaskAccessFacts } from '../identity/access-policy';
import { appendAudit } from './audit-trail';

export interface CaseRead {
  /** The case's owner, or for a read through a task the task's municipality. */
  tenantId: string;
  /** A shared case's other municipalities: a read by their staff goes into their audit chain. */
  participatingTenants?: readonly string[];
  instanceId: string;
  /** Set when the data was read through a task (its case data or submitted form). */
  task?: TaskAccessFacts & { id: string };
  /** Which personal data: 'caseData' | 'output' | 'variables'. */
  data: string;
}

/**
 * Reads recorded (or being recorded) while serving one request: one entry per case, task and data
 * kind. Holds the promise, because aliased fields of one query resolve concurrently.
 */
export type CaseReadMemo = Map<string, Promise<void>>;

/**
 * Records that a person read a case's personal data. It commits before the data is returned,
 * so no personal data leaves without a trace in the audit trail.
 */
export async function recordCaseRead(dataSource: DataSource, actor: Actor, read: CaseRead, memo?: CaseReadMemo): Promise<void> {
  const key = `${read.instanceId}:${read.task?.id ?? ''}:${read.data}`;
  const recorded = memo?.get(key);
  if (recorded) return recorded;
  const recording = dataSource.transaction((em) =>
    appendAudit(em, actor, {
      tenantId: auditTenantForCaseRead(actor, read),
      action: 'case.read',
      instanceId: read.instanceId,
      taskId: read.task?.id ?? null,
      roleUsed: read.task ? roleUsedForTask(actor, read.task) : null,
      details: { data: read.data },
    }),
  );
  memo?.set(key, recording);
  return recording;
}
