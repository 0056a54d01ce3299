import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chain of custody stays append-only (no edits), but is removed with the rest of the case
 * file when its retention period has passed (BLNP step 41).
 */
export class EvidenceDestroyable1795800000003 implements MigrationInterface {
  name = 'EvidenceDestroyable1795800000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER evidence_custody_event_immutable ON evidence_custody_event`);
    await q.query(`CREATE TRIGGER evidence_custody_event_append_only BEFORE UPDATE ON evidence_custody_event FOR EACH ROW EXECUTE FUNCTION refuse_update_of_record()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER evidence_custody_event_append_only ON evidence_custody_event`);
    await q.query(`CREATE TRIGGER evidence_custody_event_immutable BEFORE UPDATE OR DELETE ON evidence_custody_event FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record()`);
  }
}
