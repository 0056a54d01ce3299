import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which zaak a link is: the case's own zaak, or the bezwaar zaak an objection against the case's
 * decision is handled in (a zaak of its own in municipal practice, related to the case's zaak).
 */
export type ZaakLinkKind = 'case' | 'objection';

/** Which zaak in the municipality's zaaksysteem mirrors which case here; a case has at most one of each kind. */
@Entity('zaak_link')
export class ZaakLinkEntity {
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId: string;
  /** @default 'case' */
  @PrimaryColumn('text', { name: 'kind', default: 'case' }) kind: ZaakLinkKind;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text', { name: 'process_key' }) processKey: string;
  @Column('text', { name: 'zaak_url', unique: true }) zaakUrl: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
