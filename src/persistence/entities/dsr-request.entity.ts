import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LegalDeadline } from '../../dsr/legal-deadline';
import type { Representative, Requester } from '../../dsr/request-record';

export type DsrStatus = 'open' | 'suspended' | 'withdrawn' | 'decided' | 'not_processed';
export type IdentityMethod = 'digid' | 'balie' | 'afgeschermde_kopie' | 'eherkenning';

export interface DepartmentAsked {
  name: string;
  /** Candidate group whose members answer for the department. */
  candidateGroup: string;
}

export interface RecordedSuspension {
  repairRequestedOn: string;
  resumedOn: string;
}

export interface RecordedObjection {
  receivedAt: string;
  postedAt: string | null;
  basis: string;
  deadline: string;
  decisionDueOn: string;
  outcome: string | null;
  motivation: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** A data-subject request (AVG art. 15–22) and where its procedure stands. */
@Entity('dsr_request')
export class DsrRequestEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  /** AVG-<year>-<number>; also the business key of the case. */
  @Column('text') reference: string;
  @Column('uuid', { name: 'instance_id' }) instanceId: string;
  @Column('text') status: DsrStatus;
  @Column('text', { name: 'right' }) right: string;
  @Column('text') channel: string;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  @Column('text', { name: 'verbatim_text' }) verbatimText: string;
  @Column('jsonb') requester: Requester;
  @Column('jsonb', { nullable: true }) representative: Representative | null;
  @Column('jsonb') processings: string[];
  @Column('jsonb') departments: DepartmentAsked[];
  @Column('text', { name: 'registered_by' }) registeredBy: string;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
  /** The fact of the identity check; an ID copy itself is never stored. */
  @Column('boolean', { name: 'identity_verified', nullable: true }) identityVerified: boolean | null;
  @Column('text', { name: 'identity_method', nullable: true }) identityMethod: IdentityMethod | null;
  @Column('text', { name: 'identity_checked_by', nullable: true }) identityCheckedBy: string | null;
  @Column('timestamptz', { name: 'identity_checked_at', nullable: true }) identityCheckedAt: Date | null;
  @Column('date', { name: 'repair_requested_on', nullable: true }) repairRequestedOn: string | null;
  @Column('timestamptz', { name: 'repair_due_at', nullable: true }) repairDueAt: Date | null;
  @Column('jsonb') suspensions: RecordedSuspension[];
  @Column('jsonb', { nullable: true }) extension: LegalDeadline['extension'] & { motivation: string } | null;
  @Column('jsonb', { name: 'legal_deadline' }) legalDeadline: LegalDeadline;
  @Column('timestamptz', { name: 'deadline_at' }) deadlineAt: Date;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('jsonb') grounds: string[];
  @Column('text', { nullable: true }) motivation: string | null;
  /** What the decision letter states beyond the motivation (for access: the data, purposes, recipients…). */
  @Column('jsonb', { name: 'decision_content', nullable: true }) decisionContent: Record<string, string> | null;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('text', { name: 'signed_by', nullable: true }) signedBy: string | null;
  /** The signer's name and function as the decision letter shows them ("in mandaat"). */
  @Column('text', { name: 'signer_name', nullable: true }) signerName: string | null;
  @Column('text', { name: 'signer_function', nullable: true }) signerFunction: string | null;
  @Column('timestamptz', { name: 'signed_at', nullable: true }) signedAt: Date | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Column('boolean', { name: 'sent_on_time', nullable: true }) sentOnTime: boolean | null;
  @Column('date', { name: 'objection_deadline', nullable: true }) objectionDeadline: string | null;
  @Column('jsonb', { nullable: true }) objection: RecordedObjection | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
}
