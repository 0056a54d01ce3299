import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TaskStatus = 'open' | 'completed' | 'cancelled';

/** Projection of a waiting bpmn:UserTask, rebuilt after every command from the engine state. */
@Entity('user_task')
export class UserTaskEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'instance_id' }) instanceId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text', { name: 'process_key' }) processKey: string;
  @Column('text', { name: 'business_key', nullable: true }) businessKey: string | null;
  @Column('text', { name: 'element_id' }) elementId: string;
  @Column('text', { name: 'execution_id', unique: true }) executionId: string;
  @Column('text') name: string;
  @Column('text', { name: 'candidate_groups', array: true }) candidateGroups: string[];
  @Column('text', { name: 'candidate_users', array: true }) candidateUsers: string[];
  @Column('text', { nullable: true }) assignee: string | null;
  @Column('text') status: TaskStatus;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt: Date | null;
  @Column('timestamptz', { name: 'follow_up_at', nullable: true }) followUpAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  @Column('text', { name: 'completed_by', nullable: true }) completedBy: string | null;
  @Column('jsonb', { nullable: true }) output: Record<string, any> | null;
  /** Variables of this task only (a multi-instance iteration's element variable and loopCounter). */
  @Column('jsonb', { name: 'local_variables', nullable: true }) localVariables: Record<string, unknown> | null;
  /** Separation of duties (copied from the diagram for the inbox): element ids whose performer may not do this task. */
  @Column('text', { name: 'separate_from', array: true, default: () => "'{}'" }) separateFrom: string[];
  /** Separation of duties: the case's initiator (or reporter) may not do this task. */
  @Column('boolean', { name: 'not_initiator', default: false }) notInitiator: boolean;
}
