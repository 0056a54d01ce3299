import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Variables of one task only: for an iteration of a multi-instance user task, its element
 * variable and loopCounter (shown as case data of that task, next to the process variables).
 */
export class TaskLocalVariables1795700000000 implements MigrationInterface {
  name = 'TaskLocalVariables1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_task ADD COLUMN local_variables jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_task DROP COLUMN local_variables`);
  }
}
