import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ApNotificationEventKind = 'drafted' | 'edited' | 'submitted' | 'supplemented' | 'finalized' | 'withdrawn';

/** One step in the life of an AP notification, with the form as it stood. Append-only. */
@Entity('ap_notification_event')
export class ApNotificationEventEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'notification_id' }) notificationId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text') kind: ApNotificationEventKind;
  @Column('int') revision: number;
  @Column('jsonb') form: Record<string, any>;
  @Column('text', { nullable: true }) note: string | null;
  @Column('text') actor: string;
  @Column('timestamptz') at: Date;
}
