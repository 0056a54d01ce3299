import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what to which case, in which role, from where: written in the same transaction as the
 * change, append-only (database triggers) and hash-chained per tenant (see src/audit/).
 */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  /** Position in the tenant's chain, from 1. */
  @Column('bigint') seq: string;
  @Column('text') actor: string;
  @Column('text', { name: 'actor_roles', array: true }) actorRoles: string[];
  /** The role that granted the access (a candidate group, a coordinator or audit role); null when none was needed. */
  @Column('text', { name: 'role_used', nullable: true }) roleUsed: string | null;
  @Column('text') action: string;
  @Column('uuid', { name: 'instance_id', nullable: true }) instanceId: string | null;
  @Column('uuid', { name: 'task_id', nullable: true }) taskId: string | null;
  @Column('jsonb') details: Record<string, any>;
  @Column('timestamptz') at: Date;
  @Column('text', { name: 'client_address', nullable: true }) clientAddress: string | null;
  @Column('text', { name: 'request_id', nullable: true }) requestId: string | null;
  @Column('text', { name: 'prev_hash' }) prevHash: string;
  @Column('text') hash: string;
}
