import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { QuickscanAnswers, QuickscanOutcome } from '../../dpia/quickscan';

export type DpiaStatus = 'signalled' | 'quickscan' | 'compliance_check' | 'assessment' | 'reported' | 'fg_assessment' | 'prior_consultation' | 'register_update' | 'completed';

/** One DPIA (or compliance check) of a processing: the case of bpmn/dpia.bpmn. */
@Entity('dpia')
export class DpiaEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'processing_id' }) processingId: string;
  @Column('uuid', { name: 'instance_id' }) instanceId: string;
  @Column('text') reference: string;
  @Column('text') kind: 'initial' | 'reassessment';
  /** The incident whose evaluation reopened this DPIA, if that is how it started. */
  @Column('uuid', { name: 'source_incident_id', nullable: true }) sourceIncidentId: string | null;
  @Column('text') status: DpiaStatus;
  /** What changed or is new (step 1). */
  @Column('text') signal: string;
  @Column('text', { name: 'owner_advice', nullable: true }) ownerAdvice: string | null;
  @Column('text', { name: 'owner_advised_by', nullable: true }) ownerAdvisedBy: string | null;
  @Column('jsonb', { nullable: true }) quickscan: { answers: QuickscanAnswers; outcome: QuickscanOutcome; by: string; at: string } | null;
  @Column('text', { nullable: true }) route: 'full_dpia' | 'compliance_check' | null;
  @Column('text', { name: 'compliance_findings', nullable: true }) complianceFindings: string | null;
  @Column('text', { array: true }) team: string[];
  @Column('int', { name: 'questionnaire_version' }) questionnaireVersion: number;
  @Column('text', { name: 'residual_level', nullable: true }) residualLevel: string | null;
  @Column('text', { name: 'ap_reference', nullable: true }) apReference: string | null;
  @Column('timestamptz', { name: 'ap_submitted_at', nullable: true }) apSubmittedAt: Date | null;
  @Column('timestamptz', { name: 'ap_term_ends_at', nullable: true }) apTermEndsAt: Date | null;
  @Column('boolean', { name: 'ap_term_extended' }) apTermExtended: boolean;
  @Column('text', { name: 'ap_advice', nullable: true }) apAdvice: string | null;
  @Column('timestamptz', { name: 'ap_answered_at', nullable: true }) apAnsweredAt: Date | null;
  @Column('boolean', { name: 'processing_allowed', nullable: true }) processingAllowed: boolean | null;
  @Column('text', { name: 'started_by' }) startedBy: string;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
}
