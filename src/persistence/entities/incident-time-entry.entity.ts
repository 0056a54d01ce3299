import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Time someone worked on an incident (BLNP step 37: the cost may be recovered in court). */
@Entity('incident_time_entry')
export class IncidentTimeEntryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'incident_id' }) incidentId: string;
  @Column('text', { name: 'tenant_id' }) tenantId: string;
  @Column('text') person: string;
  /** Calendar date (YYYY-MM-DD). */
  @Column('date', { name: 'work_date' }) workDate: string;
  @Column('int') minutes: number;
  @Column('text') activity: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
