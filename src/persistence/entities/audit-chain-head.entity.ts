import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The newest entry of one tenant's audit chain. Appends lock this row, which serialises the
 * appends of one tenant and witnesses the chain's length (an entry deleted from the end shows).
 */
@Entity('audit_chain_head')
export class AuditChainHeadEntity {
  @PrimaryColumn('text', { name: 'tenant_id' }) tenantId: string;
  @Column('bigint', { name: 'last_seq' }) lastSeq: string;
  @Column('text', { name: 'last_hash' }) lastHash: string;
}
