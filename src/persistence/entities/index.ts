import { CaseRetentionEntity } from './case-retention.entity';
import { ProcessingEntity } from './processing.entity';
import { DpiaEntity } from './dpia.entity';
import { DpiaAnswersEntity } from './dpia-answers.entity';
import { DpiaRiskEntity } from './dpia-risk.entity';
import { DpiaMeasureEntity } from './dpia-measure.entity';
import { DpiaReportEntity } from './dpia-report.entity';
import { DpiaFgAdviceEntity } from './dpia-fg-advice.entity';
import { AuditChainHeadEntity } from './audit-chain-head.entity';
import { ApNotificationEventEntity } from './ap-notification-event.entity';
import { ApNotificationEntity } from './ap-notification.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { BreachAdviceEntity } from './breach-advice.entity';
import { BreachDecisionEntity } from './breach-decision.entity';
import { BreachEntity } from './breach.entity';
import { DsrLetterEntity } from './dsr-letter.entity';
import { DsrRequestEntity } from './dsr-request.entity';
import { EvidenceCustodyEventEntity } from './evidence-custody-event.entity';
import { EvidenceItemEntity } from './evidence-item.entity';
import { IncidentLogEntryEntity } from './incident-log-entry.entity';
import { IncidentTimeEntryEntity } from './incident-time-entry.entity';
import { IncidentEntity } from './incident.entity';
import { ImprovementMeasureEntity } from './improvement-measure.entity';
import { InstanceEventEntity } from './instance-event.entity';
import { NotificationEntity } from './notification.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { ProcessInstanceEntity } from './process-instance.entity';
import { TimerJobEntity } from './timer-job.entity';
import { TimerStartJobEntity } from './timer-start-job.entity';
import { UserTaskEntity } from './user-task.entity';
import { ZaakLinkEntity } from './zaak-link.entity';
import { ZgwNotificationEntity } from './zgw-notification.entity';
import { EvidenceContentEntity } from './evidence-content.entity';

export {
  CaseRetentionEntity,
  DsrLetterEntity,
  DsrRequestEntity,
  ProcessingEntity,
  DpiaEntity,
  DpiaAnswersEntity,
  DpiaRiskEntity,
  DpiaMeasureEntity,
  DpiaReportEntity,
  DpiaFgAdviceEntity,
  AuditChainHeadEntity,
  ApNotificationEntity,
  ImprovementMeasureEntity,
  EvidenceCustodyEventEntity,
  EvidenceItemEntity,
  IncidentLogEntryEntity,
  IncidentTimeEntryEntity,
  ApNotificationEventEntity,
  AuditEntryEntity,
  BreachAdviceEntity,
  BreachDecisionEntity,
  BreachEntity,
  IncidentEntity,
  InstanceEventEntity,
  NotificationEntity,
  OutboxMessageEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TimerJobEntity,
  TimerStartJobEntity,
  UserTaskEntity,
  ZaakLinkEntity,
  ZgwNotificationEntity,
  EvidenceContentEntity,
};

export const allEntities = [
  CaseRetentionEntity,
  DsrLetterEntity,
  DsrRequestEntity,
  ProcessingEntity,
  DpiaEntity,
  DpiaAnswersEntity,
  DpiaRiskEntity,
  DpiaMeasureEntity,
  DpiaReportEntity,
  DpiaFgAdviceEntity,
  AuditChainHeadEntity,
  ApNotificationEntity,
  ImprovementMeasureEntity,
  EvidenceCustodyEventEntity,
  EvidenceItemEntity,
  IncidentLogEntryEntity,
  IncidentTimeEntryEntity,
  ApNotificationEventEntity,
  AuditEntryEntity,
  BreachAdviceEntity,
  BreachDecisionEntity,
  BreachEntity,
  IncidentEntity,
  InstanceEventEntity,
  NotificationEntity,
  OutboxMessageEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TimerJobEntity,
  TimerStartJobEntity,
  UserTaskEntity,
  ZaakLinkEntity,
  ZgwNotificationEntity,
  EvidenceContentEntity,
];
