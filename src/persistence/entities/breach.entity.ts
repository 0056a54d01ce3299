import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A personal-data breach of an incident, with its 72-hour clock (art. 33(1) AVG). */
@Entity('breach')
export class BreachEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'incident_id' }) incidentId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('timestamptz', { name: 'discovered_at' }) discoveredAt: Date;
  /** When the municipality became aware (kennisname): the clock starts here. */
  @Column('timestamptz', { name: 'aware_at' }) awareAt: Date;
  @Column('text', { name: 'awareness_set_by' }) awarenessSetBy: string;
  /** aware_at + 72 clock hours. */
  @Column('timestamptz', { name: 'deadline_at' }) deadlineAt: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
