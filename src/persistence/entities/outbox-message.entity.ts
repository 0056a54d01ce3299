import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'done' | 'dead';

/** A side effect recorded by a service task, performed after the command committed. */
@Entity('outbox_message')
export class OutboxMessageEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'instance_id' }) instanceId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text') service: string;
  @Column('jsonb') payload: Record<string, any>;
  /** instanceId:executionId — a re-run service task after a crash does not enqueue twice. */
  @Column('text', { name: 'dedupe_key', unique: true }) dedupeKey: string;
  @Column('text') status: OutboxStatus;
  @Column('int') attempts: number;
  @Column('timestamptz', { name: 'available_at' }) availableAt: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'processed_at', nullable: true }) processedAt: Date | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  /** Why the handler did nothing (e.g. no zaaksysteem configured for the municipality); null when it acted. */
  @Column('text', { name: 'skip_reason', nullable: true }) skipReason: string | null;
}
