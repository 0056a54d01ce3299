import { InitialRuntime1795500000000 } from './1795500000000-initial-runtime';
import { TaskSeparationOfDuties1795600000000 } from './1795600000000-task-separation-of-duties';
import { TaskLocalVariables1795700000000 } from './1795700000000-task-local-variables';
import { TimerStartJobs1795700000001 } from './1795700000001-timer-start-jobs';
import { InboxCandidateUsersIndex1795700000002 } from './1795700000002-inbox-candidate-users-index';
import { IncidentsAndBreaches1795800000000 } from './1795800000000-incidents-and-breaches';
import { IncidentLogbookHoursEvidence1795800000001 } from './1795800000001-incident-logbook-hours-evidence';
import { ImprovementMeasures1795800000002 } from './1795800000002-improvement-measures';
import { EvidenceDestroyable1795800000003 } from './1795800000003-evidence-destroyable';
import { AuditHashChain1795900000000 } from './1795900000000-audit-hash-chain';
import { Zaaksysteem1796200000000 } from './1796200000000-zaaksysteem';
import { DataSubjectRequests1796300000000 } from './1796300000000-data-subject-requests';
import { DpiaAndProcessingRegister1796400000000 } from './1796400000000-dpia-and-processing-register';
import { DocumentPdfs1796500000000 } from './1796500000000-document-pdfs';
import { DataProtection1796600000000 } from './1796600000000-data-protection';
import { ParticipatingTenants1796710000000 } from './1796710000000-participating-tenants';
import { OutboxSkipReason1796800000000 } from './1796800000000-outbox-skip-reason';
import { EvidenceContent1796900000001 } from './1796900000001-evidence-content';
import { Notifications1796910000000 } from './1796910000000-notifications';
import { DpiaSourceIncident1796950000000 } from './1796950000000-dpia-source-incident';
import { DpiaRevisionRounds1797000000000 } from './1797000000000-dpia-revision-rounds';
import { InboxGinWithoutPendingList1797010000000 } from './1797010000000-inbox-gin-without-pending-list';
import { ZaakLinkKind1797300000000 } from './1797300000000-zaak-link-kind';

/** Every migration, in order. Listed explicitly so compiled and ts-jest runs see the same set. */
export const allMigrations = [
  InitialRuntime1795500000000,
  TaskSeparationOfDuties1795600000000,
  TaskLocalVariables1795700000000,
  TimerStartJobs1795700000001,
  InboxCandidateUsersIndex1795700000002,
  IncidentsAndBreaches1795800000000,
  IncidentLogbookHoursEvidence1795800000001,
  ImprovementMeasures1795800000002,
  EvidenceDestroyable1795800000003,
  AuditHashChain1795900000000,
  Zaaksysteem1796200000000,
  DataSubjectRequests1796300000000,
  DpiaAndProcessingRegister1796400000000,
  DocumentPdfs1796500000000,
  DataProtection1796600000000,
  ParticipatingTenants1796710000000,
  OutboxSkipReason1796800000000,
  EvidenceContent1796900000001,
  Notifications1796910000000,
  DpiaSourceIncident1796950000000,
  DpiaRevisionRounds1797000000000,
  InboxGinWithoutPendingList1797010000000,
  ZaakLinkKind1797300000000,
];
