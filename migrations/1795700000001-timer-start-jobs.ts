import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schedules of processes with a timer start event (see TimerStartJobEntity). */
export class TimerStartJobs1795700000001 implements MigrationInterface {
  name = 'TimerStartJobs1795700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE timer_start_job (
        process_key text PRIMARY KEY,
        definition_id uuid NOT NULL REFERENCES process_definition(id),
        element_id text NOT NULL,
        due_at timestamptz NOT NULL,
        remaining int CHECK (remaining > 0)
      )`);
    await q.query(`CREATE INDEX timer_start_job_due ON timer_start_job (due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE timer_start_job`);
  }
}
