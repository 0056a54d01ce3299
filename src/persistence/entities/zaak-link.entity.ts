import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which zaak in the municipality's zaaksysteem mirrors which case here. */
@Entity('zaak_link')
export class ZaakLinkEntity {
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text', { name: 'process_key' }) processKey: string;
  @Column('text', { name: 'zaak_url', unique: true }) zaakUrl: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
