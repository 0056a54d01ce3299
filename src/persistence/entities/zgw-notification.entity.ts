import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A notification from the zaaksysteem that was handled; delivery is at-least-once, so repeats are recognised here. */
@Entity('zgw_notification')
export class ZgwNotificationEntity {
  /** sha256 of kanaal, resourceUrl, actie and aanmaakdatum: the message's identity. */
  @PrimaryColumn('text') id: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text') outcome: string;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
}
