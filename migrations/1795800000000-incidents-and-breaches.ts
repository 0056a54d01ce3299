import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incident register, the breach clock, the FG's advice and the GS's decision (immutable:
 * a trigger refuses UPDATE and DELETE), and the AP notification with its history.
 */
export class IncidentsAndBreaches1795800000000 implements MigrationInterface {
  name = 'IncidentsAndBreaches1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE incident_reference_seq`);
    await q.query(`
      CREATE TABLE incident (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        reference text NOT NULL UNIQUE,
        instance_id uuid NOT NULL UNIQUE REFERENCES process_instance(id),
        status text NOT NULL CHECK (status IN ('reported', 'in_progress', 'not_an_incident', 'closed', 'destroyed')),
        reported_via text NOT NULL CHECK (reported_via IN ('employee', 'integration')),
        reported_by text,
        reporter_name text,
        reporter_contact text,
        anonymous boolean NOT NULL DEFAULT false,
        what_happened text,
        noticed_by text,
        occurred_at timestamptz,
        discovered_at timestamptz NOT NULL,
        cause text,
        discovery_method text,
        affected text,
        possible_impact text,
        personal_data_suspected boolean,
        classification_table text,
        classification_code text,
        proposed_impact text CHECK (proposed_impact IN ('laag', 'midden', 'hoog')),
        impact text CHECK (impact IN ('laag', 'midden', 'hoog')),
        impact_correction_reason text,
        classified_by text,
        classified_at timestamptz,
        personal_data boolean,
        closure_summary text,
        closed_by text,
        closed_at timestamptz,
        evaluation_due_at timestamptz,
        archived_at timestamptz,
        destruction_due_at timestamptz,
        destroyed_at timestamptz,
        reported_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX incident_register ON incident (tenant_id, reported_at DESC)`);

    await q.query(`
      CREATE TABLE breach (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL UNIQUE REFERENCES incident(id),
        tenant_id text NOT NULL,
        discovered_at timestamptz NOT NULL,
        aware_at timestamptz NOT NULL,
        awareness_set_by text NOT NULL,
        deadline_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE breach_advice (
        id uuid PRIMARY KEY,
        breach_id uuid NOT NULL UNIQUE REFERENCES breach(id),
        tenant_id text NOT NULL,
        task_id uuid NOT NULL,
        answers jsonb NOT NULL,
        proposal jsonb NOT NULL,
        notify_ap boolean NOT NULL,
        inform_subjects boolean NOT NULL,
        motivation text NOT NULL,
        advised_by text NOT NULL,
        advised_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE breach_decision (
        id uuid PRIMARY KEY,
        breach_id uuid NOT NULL UNIQUE REFERENCES breach(id),
        tenant_id text NOT NULL,
        task_id uuid NOT NULL,
        notify_ap boolean NOT NULL,
        inform_subjects boolean NOT NULL,
        subjects_exemption text,
        motivation text NOT NULL,
        follows_advice boolean NOT NULL,
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION refuse_change_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is an immutable record: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['breach_advice', 'breach_decision']) {
      await q.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record()`);
    }

    await q.query(`
      CREATE TABLE ap_notification (
        id uuid PRIMARY KEY,
        breach_id uuid NOT NULL UNIQUE REFERENCES breach(id),
        tenant_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('concept', 'provisional', 'final', 'withdrawn')),
        form jsonb NOT NULL,
        ap_number text,
        submitted_at timestamptz,
        submitted_by text,
        late_reason text,
        acknowledgement text,
        closed_at timestamptz,
        closed_by text,
        withdrawal_reason text,
        revision int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE ap_notification_event (
        id uuid PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES ap_notification(id),
        tenant_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('drafted', 'edited', 'submitted', 'supplemented', 'finalized', 'withdrawn')),
        revision int NOT NULL,
        form jsonb NOT NULL,
        note text,
        actor text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ap_notification_event_by_notification ON ap_notification_event (notification_id, at)`);
    await q.query(`CREATE TRIGGER ap_notification_event_immutable BEFORE UPDATE OR DELETE ON ap_notification_event FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ap_notification_event`);
    await q.query(`DROP TABLE ap_notification`);
    await q.query(`DROP TABLE breach_decision`);
    await q.query(`DROP TABLE breach_advice`);
    await q.query(`DROP FUNCTION refuse_change_of_record()`);
    await q.query(`DROP TABLE breach`);
    await q.query(`DROP TABLE incident`);
    await q.query(`DROP SEQUENCE incident_reference_seq`);
  }
}
