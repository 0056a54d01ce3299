import { AuditChainHeadEntity } from './audit-chain-head.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { InstanceEventEntity } from './instance-event.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { ProcessInstanceEntity } from './process-instance.entity';
import { TimerJobEntity } from './timer-job.entity';
import { UserTaskEntity } from './user-task.entity';

export {
  AuditChainHeadEntity,
  AuditEntryEntity,
  InstanceEventEntity,
  OutboxMessageEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TimerJobEntity,
  UserTaskEntity,
};

export const allEntities = [
  AuditChainHeadEntity,
  AuditEntryEntity,
  InstanceEventEntity,
  OutboxMessageEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TimerJobEntity,
  UserTaskEntity,
];
