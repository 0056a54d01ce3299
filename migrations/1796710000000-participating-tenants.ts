import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case shared with several municipalities (one supplier incident affecting many): the tenants
 * that participate besides the owner, read by the access policy. GIN-indexed for "cases my
 * municipality participates in".
 */
export class ParticipatingTenants1796710000000 implements MigrationInterface {
  name = 'ParticipatingTenants1796710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE process_instance ADD COLUMN participating_tenants text[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX idx_process_instance_participating_tenants ON process_instance USING gin (participating_tenants)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_process_instance_participating_tenants`);
    await q.query(`ALTER TABLE process_instance DROP COLUMN participating_tenants`);
  }
}
