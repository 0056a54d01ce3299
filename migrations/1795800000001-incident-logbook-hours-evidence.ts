import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incident's logbook (append-only), hours worked per person, and the evidence register with
 * its chain of custody (append-only hand-over history).
 */
export class IncidentLogbookHoursEvidence1795800000001 implements MigrationInterface {
  name = 'IncidentLogbookHoursEvidence1795800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incident_log_entry (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incident(id),
        tenant_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('event', 'note')),
        text text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX incident_log_entry_by_incident ON incident_log_entry (incident_id, occurred_at)`);
    // Entries are never edited; team notes (which may name people) are deleted when the file is destroyed.
    await q.query(`
      CREATE FUNCTION refuse_update_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: UPDATE refused', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`CREATE TRIGGER incident_log_entry_append_only BEFORE UPDATE ON incident_log_entry FOR EACH ROW EXECUTE FUNCTION refuse_update_of_record()`);

    await q.query(`
      CREATE TABLE incident_time_entry (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incident(id),
        tenant_id text NOT NULL,
        person text NOT NULL,
        work_date date NOT NULL,
        minutes int NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
        activity text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX incident_time_entry_by_incident ON incident_time_entry (incident_id)`);
    await q.query(`CREATE TRIGGER incident_time_entry_append_only BEFORE UPDATE ON incident_time_entry FOR EACH ROW EXECUTE FUNCTION refuse_update_of_record()`);

    await q.query(`
      CREATE TABLE evidence_item (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incident(id),
        tenant_id text NOT NULL,
        number int NOT NULL,
        description text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('digital', 'physical')),
        sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_location text NOT NULL,
        storage_method text NOT NULL,
        holder text NOT NULL,
        pending_holder text,
        captured_by text NOT NULL,
        captured_at timestamptz NOT NULL,
        UNIQUE (incident_id, number),
        CHECK (kind = 'physical' OR sha256 IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE evidence_custody_event (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES evidence_item(id),
        tenant_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('captured', 'handed-over', 'received')),
        from_person text,
        to_person text NOT NULL,
        reason text NOT NULL,
        storage_location text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX evidence_custody_event_by_item ON evidence_custody_event (item_id, at)`);
    await q.query(`CREATE TRIGGER evidence_custody_event_immutable BEFORE UPDATE OR DELETE ON evidence_custody_event FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence_custody_event`);
    await q.query(`DROP TABLE evidence_item`);
    await q.query(`DROP TABLE incident_time_entry`);
    await q.query(`DROP TABLE incident_log_entry`);
    await q.query(`DROP FUNCTION refuse_update_of_record()`);
  }
}
