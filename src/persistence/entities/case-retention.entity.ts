import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The case types retention rules are set for; `other` = a process without a `caseType`. */
export type RetentionCaseType = 'incident' | 'data-subject-request' | 'dpia' | 'other';
export type RemovalReason = 'retention' | 'erasure';

/**
 * A case that ended: the retention timer's schedule while its personal data are kept, and the
 * minimal register entry (case number, type, dates, end event) once they were removed.
 */
@Entity('case_retention')
export class CaseRetentionEntity {
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text', { name: 'case_type' }) caseType: RetentionCaseType;
  @Column('text', { name: 'process_key' }) processKey: string;
  /** The business key: the case number people know (AVG-2026-00012, INC-2026-00003). */
  @Column('text', { nullable: true }) reference: string | null;
  @Column('timestamptz', { name: 'closed_at' }) closedAt: Date;
  /** The end event the case reached: its outcome as the diagram names it. */
  @Column('text', { name: 'end_event_id', nullable: true }) endEventId: string | null;
  @Column('timestamptz', { name: 'personal_data_removed_at', nullable: true }) personalDataRemovedAt: Date | null;
  @Column('text', { name: 'removal_reason', nullable: true }) removalReason: RemovalReason | null;
}
