import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which case, written in the same transaction as the change. */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text') actor: string;
  @Column('text', { name: 'actor_roles', array: true }) actorRoles: string[];
  @Column('text') action: string;
  @Column('uuid', { name: 'instance_id', nullable: true }) instanceId: string | null;
  @Column('uuid', { name: 'task_id', nullable: true }) taskId: string | null;
  @Column('jsonb') details: Record<string, any>;
  @Column('timestamptz') at: Date;
}
