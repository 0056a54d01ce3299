import { AuditEntryEntity } from './audit-entry.entity';
import { InstanceEventEntity } from './instance-event.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { ProcessInstanceEntity } from './process-instance.entity';
import { TimerJobEntity } from './timer-job.entity';
import { TimerStartJobEntity } from './timer-start-job.entity';
import { UserTaskEntity } from './user-task.entity';

export {
  AuditEntryEntity,
  InstanceEventEntity,
  OutboxMessageEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TimerJobEntity,
  TimerStartJobEntity,
  UserTaskEntity,
};

export const allEntities = [
  AuditEntryEntity,
  InstanceEventEntity,
  OutboxMessageEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TimerJobEntity,
  TimerStartJobEntity,
  UserTaskEntity,
];
