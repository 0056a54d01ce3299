import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MeasureStatus = 'open' | 'done' | 'effective' | 'not_effective';

/** A measure planned after an incident: owned, due, done, and checked for effect by someone else. */
@Entity('improvement_measure')
export class ImprovementMeasureEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'incident_id' }) incidentId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text') description: string;
  @Column('text') owner: string;
  /** YYYY-MM-DD */
  @Column('date', { name: 'due_date' }) dueDate: string;
  @Column('text') status: MeasureStatus;
  @Column('text', { name: 'planned_by' }) plannedBy: string;
  @Column('timestamptz', { name: 'planned_at' }) plannedAt: Date;
  @Column('text', { name: 'done_note', nullable: true }) doneNote: string | null;
  @Column('timestamptz', { name: 'done_at', nullable: true }) doneAt: Date | null;
  @Column('text', { name: 'effect_finding', nullable: true }) effectFinding: string | null;
  @Column('text', { name: 'checked_by', nullable: true }) checkedBy: string | null;
  @Column('timestamptz', { name: 'checked_at', nullable: true }) checkedAt: Date | null;
}
