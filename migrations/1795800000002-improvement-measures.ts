import { MigrationInterface, QueryRunner } from 'typeorm';

/** Improvement measures after an incident (BLNP steps 39–40): owner, due date, done, effect checked. */
export class ImprovementMeasures1795800000002 implements MigrationInterface {
  name = 'ImprovementMeasures1795800000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE improvement_measure (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incident(id),
        tenant_id text NOT NULL,
        description text NOT NULL,
        owner text NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'done', 'effective', 'not_effective')),
        planned_by text NOT NULL,
        planned_at timestamptz NOT NULL,
        done_note text,
        done_at timestamptz,
        effect_finding text,
        checked_by text,
        checked_at timestamptz
      )`);
    await q.query(`CREATE INDEX improvement_measure_open ON improvement_measure (tenant_id, due_date) WHERE status IN ('open', 'done')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE improvement_measure`);
  }
}
