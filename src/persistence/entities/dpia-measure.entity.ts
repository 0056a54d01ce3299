import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DpiaMeasureStatus = 'planned' | 'in_progress' | 'implemented';

/** A measure of a DPIA (step 7), tracked to implementation (step 9). */
@Entity('dpia_measure')
export class DpiaMeasureEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'dpia_id' }) dpiaId: string;
  @Column('text', { name: 'risk_code', nullable: true }) riskCode: string | null;
  @Column('text') description: string;
  @Column('text') owner: string;
  /** YYYY-MM-DD */
  @Column('date', { name: 'due_date' }) dueDate: string;
  @Column('text') status: DpiaMeasureStatus;
  @Column('text', { name: 'updated_by' }) updatedBy: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
