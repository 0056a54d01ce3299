import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An item of the evidence register (BLNP step 18): what it is, where and how it is kept, who holds it. */
@Entity('evidence_item')
export class EvidenceItemEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'incident_id' }) incidentId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  /** Sequence number within the incident's inventory. */
  @Column('int') number: number;
  @Column('text') description: string;
  @Column('text') kind: 'digital' | 'physical';
  /** SHA-256 of a digital item, taken at capture (lowercase hex). */
  @Column('text', { nullable: true }) sha256: string | null;
  @Column('text', { name: 'storage_location' }) storageLocation: string;
  @Column('text', { name: 'storage_method' }) storageMethod: string;
  /** Who is responsible for the item now. */
  @Column('text') holder: string;
  /** Handed over to, until they sign for receipt. */
  @Column('text', { name: 'pending_holder', nullable: true }) pendingHolder: string | null;
  @Column('text', { name: 'captured_by' }) capturedBy: string;
  @Column('timestamptz', { name: 'captured_at' }) capturedAt: Date;
}
