import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The content of digital evidence uploaded to the platform (BLNP step 18, issue 4 point 6): stored
 * with the "captured" link of its chain of custody, its SHA-256 computed here at capture. Never
 * updated (a later verification recomputes the hash against it); removed with the case file when
 * the retention period has passed.
 */
export class EvidenceContent1796900000001 implements MigrationInterface {
  name = 'EvidenceContent1796900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_content (
        item_id uuid PRIMARY KEY REFERENCES evidence_item(id),
        tenant_id text NOT NULL,
        -- Deferred: erasing a person rewrites custody events as delete + insert of the same row.
        custody_event_id uuid NOT NULL REFERENCES evidence_custody_event(id) DEFERRABLE INITIALLY DEFERRED,
        file_name text,
        media_type text,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        content bytea NOT NULL,
        stored_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE TRIGGER evidence_content_append_only BEFORE UPDATE ON evidence_content FOR EACH ROW EXECUTE FUNCTION refuse_update_of_record()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence_content`);
  }
}
