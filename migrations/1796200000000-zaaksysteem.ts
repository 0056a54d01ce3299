import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases mirrored as zaken, and the notifications from the zaaksysteem already handled. */
export class Zaaksysteem1796200000000 implements MigrationInterface {
  name = 'Zaaksysteem1796200000000';

  async up(q: QueryRunner): Promise<void> {
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
  }
}
