import { Column, Entity, PrimaryColumn } from 'typeorm';

export type IncidentStatus = 'reported' | 'in_progress' | 'not_an_incident' | 'closed' | 'destroyed';
export type ImpactLevel = 'laag' | 'midden' | 'hoog';

/**
 * One entry of the incident register (BLNP step 9: every incident, breach or not). The report
 * answers items j–q of the OISZ policy; the free texts are removed when the case file is
 * destroyed (step 41), the classification and dates stay.
 */
@Entity('incident')
export class IncidentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text') reference: string;
  @Column('uuid', { name: 'instance_id' }) instanceId: string;
  @Column('text') status: IncidentStatus;
  @Column('text', { name: 'reported_via' }) reportedVia: 'employee' | 'integration';
  @Column('text', { name: 'reported_by', nullable: true }) reportedBy: string | null;
  @Column('text', { name: 'reporter_name', nullable: true }) reporterName: string | null;
  @Column('text', { name: 'reporter_contact', nullable: true }) reporterContact: string | null;
  @Column('boolean') anonymous: boolean;
  /** j) what happened */
  @Column('text', { name: 'what_happened', nullable: true }) whatHappened: string | null;
  /** k) who established the facts */
  @Column('text', { name: 'noticed_by', nullable: true }) noticedBy: string | null;
  /** l) when it happened (may be unknown) */
  @Column('timestamptz', { name: 'occurred_at', nullable: true }) occurredAt: Date | null;
  /** m) when it was discovered */
  @Column('timestamptz', { name: 'discovered_at' }) discoveredAt: Date;
  /** n) how it was caused */
  @Column('text', { nullable: true }) cause: string | null;
  /** o) how it was discovered */
  @Column('text', { name: 'discovery_method', nullable: true }) discoveryMethod: string | null;
  /** p) what was affected */
  @Column('text', { nullable: true }) affected: string | null;
  /** q) the (potential) impact on the organisation */
  @Column('text', { name: 'possible_impact', nullable: true }) possibleImpact: string | null;
  @Column('boolean', { name: 'personal_data_suspected', nullable: true }) personalDataSuspected: boolean | null;
  @Column('text', { name: 'classification_table', nullable: true }) classificationTable: string | null;
  @Column('text', { name: 'classification_code', nullable: true }) classificationCode: string | null;
  @Column('text', { name: 'proposed_impact', nullable: true }) proposedImpact: ImpactLevel | null;
  @Column('text', { nullable: true }) impact: ImpactLevel | null;
  @Column('text', { name: 'impact_correction_reason', nullable: true }) impactCorrectionReason: string | null;
  @Column('text', { name: 'classified_by', nullable: true }) classifiedBy: string | null;
  @Column('timestamptz', { name: 'classified_at', nullable: true }) classifiedAt: Date | null;
  @Column('boolean', { name: 'personal_data', nullable: true }) personalData: boolean | null;
  @Column('text', { name: 'closure_summary', nullable: true }) closureSummary: string | null;
  @Column('text', { name: 'closed_by', nullable: true }) closedBy: string | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('timestamptz', { name: 'evaluation_due_at', nullable: true }) evaluationDueAt: Date | null;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt: Date | null;
  @Column('timestamptz', { name: 'destruction_due_at', nullable: true }) destructionDueAt: Date | null;
  @Column('timestamptz', { name: 'destroyed_at', nullable: true }) destroyedAt: Date | null;
  @Column('timestamptz', { name: 'reported_at' }) reportedAt: Date;
}
