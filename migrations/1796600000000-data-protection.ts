import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data protection of the platform itself (issue 8 point 6).
 *
 * - case_retention: every case that ended, with its type and the moment it ended. It is the
 *   schedule of the retention timer (rows whose personal data are not yet removed, taken with
 *   FOR UPDATE SKIP LOCKED once their type's period has passed) and, afterwards, the minimal
 *   register entry of a case whose personal data were removed (case number, type, dates, end
 *   event, why and when the data went).
 * - person_pseudonym: the only link between a pseudonym in the audit trail and a person. It holds
 *   keyed hashes of identifiers (never the identifiers themselves) and is deleted on erasure, so
 *   the hashed audit entries stay intact while they stop pointing at anyone.
 * - pseudonym_key: a random key per municipality for those hashes, used when PSEUDONYM_KEY is unset.
 *
 * Audit entries written before this migration: their hashed content cannot change (the chain).
 * They hold ids, codes and field names; the one place a caller could put a person's name or
 * e-mail address into them was a variable *name* of startProcess or correlateMessage
 * (details.variableNames). From this version on only identifier-shaped names are recorded there.
 * Entries of earlier versions are left as they are; `auditLog(filter: { action: "process.started" })`
 * shows them to the FG should a municipality want to check.
 */
export class DataProtection1796600000000 implements MigrationInterface {
  name = 'DataProtection1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_retention (
        instance_id uuid PRIMARY KEY REFERENCES process_instance(id),
        tenant_id text NOT NULL,
        case_type text NOT NULL CHECK (case_type IN ('incident', 'data-subject-request', 'dpia', 'other')),
        process_key text NOT NULL,
        reference text,
        closed_at timestamptz NOT NULL,
        end_event_id text,
        personal_data_removed_at timestamptz,
        removal_reason text CHECK (removal_reason IN ('retention', 'erasure')),
        CHECK ((personal_data_removed_at IS NULL) = (removal_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX case_retention_pending ON case_retention (case_type, closed_at) WHERE personal_data_removed_at IS NULL`);
    await q.query(`CREATE INDEX case_retention_tenant ON case_retention (tenant_id, closed_at)`);
    // Cases that ended before this migration join the schedule; destroyed incident files are already done.
    await q.query(`
      INSERT INTO case_retention (instance_id, tenant_id, case_type, process_key, reference, closed_at, personal_data_removed_at, removal_reason)
      SELECT i.id, i.tenant_id,
             CASE WHEN d.model->>'caseType' IN ('incident', 'data-subject-request', 'dpia') THEN d.model->>'caseType' ELSE 'other' END,
             i.process_key, i.business_key, coalesce(i.ended_at, i.started_at),
             inc.destroyed_at, CASE WHEN inc.destroyed_at IS NOT NULL THEN 'retention' END
        FROM process_instance i
        JOIN process_definition d ON d.id = i.definition_id
        LEFT JOIN incident inc ON inc.instance_id = i.id
       WHERE i.status = 'completed'`);

    await q.query(`
      CREATE TABLE person_pseudonym (
        tenant_id text NOT NULL,
        lookup_hash text NOT NULL,
        pseudonym text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, lookup_hash)
      )`);
    await q.query(`CREATE INDEX person_pseudonym_by_pseudonym ON person_pseudonym (tenant_id, pseudonym)`);
    await q.query(`
      CREATE TABLE pseudonym_key (
        tenant_id text PRIMARY KEY,
        key text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pseudonym_key`);
    await q.query(`DROP TABLE person_pseudonym`);
    await q.query(`DROP TABLE case_retention`);
  }
}
