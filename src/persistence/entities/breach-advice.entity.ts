import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The FG's advice (BLNP step 15). Immutable: the database refuses UPDATE and DELETE. */
@Entity('breach_advice')
export class BreachAdviceEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'breach_id' }) breachId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'task_id' }) taskId: string;
  @Column('jsonb') answers: Record<string, unknown>;
  /** The platform's EDPB-based proposal the FG saw and answered. */
  @Column('jsonb') proposal: Record<string, unknown>;
  @Column('boolean', { name: 'notify_ap' }) notifyAp: boolean;
  @Column('boolean', { name: 'inform_subjects' }) informSubjects: boolean;
  @Column('text') motivation: string;
  @Column('text', { name: 'advised_by' }) advisedBy: string;
  @Column('timestamptz', { name: 'advised_at' }) advisedAt: Date;
}
