import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One link in an evidence item's chain of custody. Immutable. */
@Entity('evidence_custody_event')
export class EvidenceCustodyEventEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'item_id' }) itemId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text') kind: 'captured' | 'handed-over' | 'received';
  @Column('text', { name: 'from_person', nullable: true }) fromPerson: string | null;
  @Column('text', { name: 'to_person' }) toPerson: string;
  /** Why the item was handled (BLNP step 18: who needed it and why). */
  @Column('text') reason: string;
  @Column('text', { name: 'storage_location' }) storageLocation: string;
  @Column('timestamptz') at: Date;
}
