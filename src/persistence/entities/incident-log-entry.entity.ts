import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A line in the incident's logbook: an event the platform recorded, or a note of the team. Append-only. */
@Entity('incident_log_entry')
export class IncidentLogEntryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'incident_id' }) incidentId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text') kind: 'event' | 'note';
  @Column('text') text: string;
  /** When it happened (a note may be written down later). */
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
