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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_task DROP COLUMN not_initiator`);
    await q.query(`ALTER TABLE user_task DROP COLUMN separate_from`);
  }
}
