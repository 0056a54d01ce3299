import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type InstanceStatus = 'running' | 'completed' | 'failed';

/**
 * A running or ended case. `state` is the bpmn-engine state without the embedded source
 * (the definition's XML is kept in process_definition), `revision` counts committed commands.
 */
@Entity('process_instance')
@Index(['tenantId', 'businessKey'])
export class ProcessInstanceEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  /** Municipalities that share the case besides the owner (diagram property participatingTenants). */
  @Column('text', { name: 'participating_tenants', array: true, default: () => "'{}'" }) participatingTenants: string[];
  @Column('uuid', { name: 'definition_id' }) definitionId: string;
  @Column('text', { name: 'process_key' }) processKey: string;
  @Column('int', { name: 'definition_version' }) definitionVersion: number;
  @Column('text', { name: 'business_key', nullable: true }) businessKey: string | null;
  @Column('text') status: InstanceStatus;
  @Column('jsonb', { nullable: true }) state: any;
  @Column('jsonb') variables: Record<string, any>;
  @Column('text', { name: 'active_element_ids', array: true }) activeElementIds: string[];
  /** Message names the instance currently waits for, so correlation never loads engine state. */
  @Column('text', { name: 'waiting_messages', array: true }) waitingMessages: string[];
  @Column('text', { name: 'engine_version' }) engineVersion: string;
  @Column('int') revision: number;
  @Column('text', { name: 'started_by' }) startedBy: string;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt: Date | null;
  @Column('text', { name: 'failure', nullable: true }) failure: string | null;
}
