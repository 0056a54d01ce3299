import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The bytes of an uploaded digital evidence item, kept as captured. Immutable. */
@Entity('evidence_content')
export class EvidenceContentEntity {
  @PrimaryColumn('uuid', { name: 'item_id' }) itemId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  /** The "captured" link of the chain of custody this content came with. */
  @Column('uuid', { name: 'custody_event_id' }) custodyEventId: string;
  @Column('text', { name: 'file_name', nullable: true }) fileName: string | null;
  @Column('text', { name: 'media_type', nullable: true }) mediaType: string | null;
  @Column('int', { name: 'size_bytes' }) sizeBytes: number;
  /** Loaded only to verify: listings select the other columns. */
  @Column('bytea', { select: false }) content: Buffer;
  @Column('timestamptz', { name: 'stored_at' }) storedAt: Date;
}
