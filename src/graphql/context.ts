import type { BreachService } from '../breach-notification/breach.service';
import type { DataSubjectRequestService } from '../dsr/data-subject-request.service';
import type { DataProtectionService } from '../data-protection/data-protection.service';
import type { DpiaService } from '../dpia/dpia.service';
import type { Actor } from '../identity/actor';
import type { IncidentService } from '../incidents/incident.service';
import type { InvestigationService } from '../incidents/investigation.service';
import type { NotificationService } from '../notifications/notification.service';
import type { CaseReadMemo } from '../workflow/case-reads';
import type { WorkflowService } from '../workflow/workflow-service';

/** Per-request context: the verified actor and the domain services. */
export interface RequestContext {
  actor: Actor;
  workflow: WorkflowService;
  incidents: IncidentService;
  investigation: InvestigationService;
  breaches: BreachService;
  dataSubjectRequests: DataSubjectRequestService;
  dpia: DpiaService;
  dataProtection: DataProtectionService;
  notifications: NotificationService;
  /** Case reads already in the audit trail for this request (one entry per case and data kind). */
  caseReads: CaseReadMemo;
}

/** The domain services every request gets (built once in platform.ts). */
export type DomainServices = Omit<RequestContext, 'actor' | 'caseReads'>;
