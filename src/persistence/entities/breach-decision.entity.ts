import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The GS's decision on notifying the AP and the data subjects. Immutable like the advice. */
@Entity('breach_decision')
export class BreachDecisionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'breach_id' }) breachId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'task_id' }) taskId: string;
  @Column('boolean', { name: 'notify_ap' }) notifyAp: boolean;
  @Column('boolean', { name: 'inform_subjects' }) informSubjects: boolean;
  /** art. 34(3) ground for not informing data subjects individually. */
  @Column('text', { name: 'subjects_exemption', nullable: true }) subjectsExemption: string | null;
  @Column('text') motivation: string;
  @Column('boolean', { name: 'follows_advice' }) followsAdvice: boolean;
  @Column('text', { name: 'decided_by' }) decidedBy: string;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt: Date;
}
