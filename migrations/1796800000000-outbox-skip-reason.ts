import { MigrationInterface, QueryRunner } from 'typeorm';

/** A service call a handler decided not to make (no zaaksysteem for the municipality, …) says why. */
export class OutboxSkipReason1796800000000 implements MigrationInterface {
  name = 'OutboxSkipReason1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_message ADD COLUMN skip_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_message DROP COLUMN skip_reason`);
  }
}
