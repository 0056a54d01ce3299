import { MigrationInterface, QueryRunner } from 'typeorm';

/** A DPIA reopened by an incident's evaluation names that incident (issue 6 point 8). */
export class DpiaSourceIncident1796950000000 implements MigrationInterface {
  name = 'DpiaSourceIncident1796950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dpia ADD COLUMN source_incident_id uuid NULL REFERENCES incident (id)`);
    await q.query(`CREATE INDEX dpia_source_incident_idx ON dpia (source_incident_id) WHERE source_incident_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dpia DROP COLUMN source_incident_id`);
  }
}
