import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases mirrored as zaken, the notifications from the zaaksysteem already handled, and service calls in recording order. */
export class Zaaksysteem1796200000000 implements MigrationInterface {
  name = 'Zaaksysteem1796200000000';

  async up(q: QueryRunner): Promise<void> {
    // Recording order of service calls: one multi-row insert numbers its rows in VALUES order.
    await q.query(`ALTER TABLE outbox_message ADD COLUMN seq bigserial`);
    await q.query(`CREATE INDEX outbox_message_instance_pending ON outbox_message (instance_id, seq) WHERE status = 'pending'`);
    await q.query(`CREATE TABLE zaak_link (
      instance_id uuid PRIMARY KEY REFERENCES process_instance(id) ON DELETE CASCADE,
      tenant_id text NOT NULL,
      process_key text NOT NULL,
      zaak_url text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE zgw_notification (
      id text PRIMARY KEY,
      tenant_id text NOT NULL,
      outcome text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE zgw_notification`);
    await q.query(`DROP TABLE zaak_link`);
    await q.query(`ALTER TABLE outbox_message DROP COLUMN seq`);
  }
}
