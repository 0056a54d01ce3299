import { Column, Entity, PrimaryColumn } from 'typeorm';

/** in_assessment: DPIA running; prior_consultation: waiting for the AP (may not start); allowed / not_allowed: outcome; in_use: started. */
export type ProcessingStatus = 'in_assessment' | 'prior_consultation' | 'allowed' | 'not_allowed' | 'in_use';

/** One processing activity in the verwerkingsregister, with the fields of art. 30 lid 1 AVG. */
@Entity('processing')
export class ProcessingEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text') name: string;
  @Column('text') controller: string;
  @Column('text') purposes: string;
  @Column('text', { name: 'legal_basis' }) legalBasis: string;
  @Column('text', { name: 'data_subject_categories', array: true }) dataSubjectCategories: string[];
  @Column('text', { name: 'data_categories', array: true }) dataCategories: string[];
  @Column('text', { name: 'special_categories', array: true }) specialCategories: string[];
  @Column('text', { array: true }) recipients: string[];
  @Column('text', { nullable: true }) transfers: string | null;
  @Column('text') retention: string;
  @Column('text', { name: 'security_measures' }) securityMeasures: string;
  @Column('text', { array: true }) processors: string[];
  @Column('text', { name: 'process_owner' }) processOwner: string;
  @Column('text') status: ProcessingStatus;
  @Column('timestamptz', { name: 'next_reassessment_at', nullable: true }) nextReassessmentAt: Date | null;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'in_use_since', nullable: true }) inUseSince: Date | null;
}
