import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The separation-of-duties rules of a task's diagram element, copied onto the task row so the
 * inbox can leave out tasks the reader may not perform. Commands check the diagram model itself.
 * Rows of tasks created before this migration get no rules here (commands still enforce them).
 */
export class TaskSeparationOfDuties1795600000000 implements MigrationInterface {
  name = 'TaskSeparationOfDuties1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_task ADD COLUMN separate_from text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE user_task ADD COLUMN not_initiator boolean NOT NULL DEFAULT false`);
    // The inbox starts from the reader's own work: cases they started or reported, tasks they completed.
    await q.query(`CREATE INDEX user_task_completed_by ON user_task (completed_by) WHERE status = 'completed'`);
    await q.query(`CREATE INDEX process_instance_started_by ON process_instance (started_by)`);
    await q.query(`CREATE INDEX process_instance_reported_by ON process_instance ((variables->>'reportedBy'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX process_instance_reported_by`);
    await q.query(`DROP INDEX process_instance_started_by`);
    await q.query(`DROP INDEX user_task_completed_by`);
    await q.query(`ALTER TABLE user_task DROP COLUMN not_initiator`);
    await q.query(`ALTER TABLE user_task DROP COLUMN separate_from`);
  }
}
