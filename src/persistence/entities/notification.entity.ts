import { Column, Entity, PrimaryColumn } from 'typeorm';

export type NotificationKind = 'reminder' | 'escalation' | 'information';
export type RecipientKind = 'user' | 'role';

/** One recipient's copy of what a `notify` step of a case said. No personal data of the case. */
@Entity('notification')
export class NotificationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'instance_id' }) instanceId: string;
  /** The outbox message of the step; with the recipient it makes a repeated call write nothing. */
  @Column('uuid', { name: 'source_message_id' }) sourceMessageId: string;
  @Column('text', { name: 'case_reference' }) caseReference: string;
  @Column('text', { name: 'process_key' }) processKey: string;
  @Column('text', { name: 'element_id' }) elementId: string;
  @Column('text') kind: NotificationKind;
  /** Dutch, fixed per step: what is due. */
  @Column('text') title: string;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt: Date | null;
  /** A username, or a role when nobody holding it could be resolved (everyone with the role sees it). */
  @Column('text', { name: 'recipient_kind' }) recipientKind: RecipientKind;
  @Column('text') recipient: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
  @Column('text', { name: 'read_by', nullable: true }) readBy: string | null;
}
