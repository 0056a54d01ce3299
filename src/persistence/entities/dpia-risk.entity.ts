import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A risk in the DPIA's risk register, rated on the 4×4 matrix before and after measures. */
@Entity('dpia_risk')
export class DpiaRiskEntity {
  @PrimaryColumn('uuid', { name: 'dpia_id' }) dpiaId: string;
  @PrimaryColumn('text') code: string;
  @Column('text') title: string;
  @Column('smallint', { name: 'likelihood_before' }) likelihoodBefore: number;
  @Column('smallint', { name: 'impact_before' }) impactBefore: number;
  @Column('smallint', { name: 'likelihood_after', nullable: true }) likelihoodAfter: number | null;
  @Column('smallint', { name: 'impact_after', nullable: true }) impactAfter: number | null;
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
