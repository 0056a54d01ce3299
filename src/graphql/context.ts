import type { Actor } from '../identity/actor';
import type { CaseReadMemo } from '../workflow/case-reads';
import type { WorkflowService } from '../workflow/workflow-service';

/** Per-request context: the verified actor and the domain services. */
export interface RequestContext {
  actor: Actor;
  workflow: WorkflowService;
  /** Case reads already in the audit trail for this request (one entry per case and data kind). */
  caseReads: CaseReadMemo;
}
