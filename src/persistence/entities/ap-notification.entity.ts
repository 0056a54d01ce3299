import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ApNotificationStatus = 'concept' | 'provisional' | 'final' | 'withdrawn';

/** The notification to the Autoriteit Persoonsgegevens, modelled on the AP's web form. */
@Entity('ap_notification')
export class ApNotificationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'breach_id' }) breachId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text') status: ApNotificationStatus;
  /** The AP form's answers (see breach-notification/ap-form.ts). */
  @Column('jsonb') form: Record<string, any>;
  @Column('text', { name: 'ap_number', nullable: true }) apNumber: string | null;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Column('text', { name: 'submitted_by', nullable: true }) submittedBy: string | null;
  @Column('text', { name: 'late_reason', nullable: true }) lateReason: string | null;
  @Column('text', { nullable: true }) acknowledgement: string | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('text', { name: 'closed_by', nullable: true }) closedBy: string | null;
  @Column('text', { name: 'withdrawal_reason', nullable: true }) withdrawalReason: string | null;
  @Column('int') revision: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
