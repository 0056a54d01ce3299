import { MigrationInterface, QueryRunner } from 'typeorm';
import { asStoredJson, auditEntryHash, GENESIS_HASH } from '../src/audit/entry-hash';

/**
 * Makes the audit trail tamper-evident: who acted in which role from where, a per-tenant hash
 * chain with its head row, and triggers that refuse UPDATE, DELETE and TRUNCATE to everyone who
 * cannot disable triggers (the application's database user in production is not the owner).
 */
export class AuditHashChain1795900000000 implements MigrationInterface {
  name = 'AuditHashChain1795900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_entry
        ADD COLUMN role_used text,
        ADD COLUMN client_address text,
        ADD COLUMN request_id text,
        ADD COLUMN seq bigint,
        ADD COLUMN prev_hash text,
        ADD COLUMN hash text`);
    await q.query(`
      CREATE TABLE audit_chain_head (
        tenant_id text PRIMARY KEY,
        last_seq bigint NOT NULL,
        last_hash text NOT NULL
      )`);

    // Entries written before this migration join the chain in the order they were written.
    const rows: any[] = await q.query(`SELECT * FROM audit_entry ORDER BY tenant_id, id`);
    const heads = new Map<string, { seq: number; hash: string }>();
    for (const row of rows) {
      const head = heads.get(row.tenant_id) ?? { seq: 0, hash: GENESIS_HASH };
      const hash = auditEntryHash({
        tenantId: row.tenant_id,
        actor: row.actor,
        actorRoles: row.actor_roles,
        roleUsed: null,
        action: row.action,
        instanceId: row.instance_id,
        taskId: row.task_id,
        details: asStoredJson(row.details),
        at: row.at,
        clientAddress: null,
        requestId: null,
        prevHash: head.hash,
      });
      await q.query(`UPDATE audit_entry SET seq = $2, prev_hash = $3, hash = $4 WHERE id = $1`, [row.id, head.seq + 1, head.hash, hash]);
      heads.set(row.tenant_id, { seq: head.seq + 1, hash });
    }
    for (const [tenantId, head] of heads) {
      await q.query(`INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES ($1, $2, $3)`, [tenantId, head.seq, head.hash]);
    }

    await q.query(`ALTER TABLE audit_entry ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX audit_entry_chain ON audit_entry (tenant_id, seq)`);

    await q.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    // The head only moves forward, one entry at a time; it is never removed.
    await q.query(`
      CREATE FUNCTION audit_head_advance_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.tenant_id <> OLD.tenant_id OR NEW.last_seq <> OLD.last_seq + 1 THEN
          RAISE EXCEPTION 'the audit chain head only advances by one entry' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_chain_head_advance BEFORE UPDATE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION audit_head_advance_only()`);
    await q.query(`CREATE TRIGGER audit_chain_head_keep BEFORE DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_chain_head`);
    await q.query(`DROP TRIGGER audit_entry_append_only ON audit_entry`);
    await q.query(`DROP TRIGGER audit_entry_no_truncate ON audit_entry`);
    await q.query(`DROP FUNCTION audit_head_advance_only()`);
    await q.query(`DROP FUNCTION audit_refuse_change()`);
    await q.query(`DROP INDEX audit_entry_chain`);
    await q.query(`ALTER TABLE audit_entry DROP COLUMN role_used, DROP COLUMN client_address, DROP COLUMN request_id,
      DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash`);
  }
}
