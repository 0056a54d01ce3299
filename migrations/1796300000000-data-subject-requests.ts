import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data-subject requests (AVG art. 15–22, BLNP Bijlage 5): the request as registered, the identity
 * check (the fact only; an ID copy is never stored), the legal clock, the decision and the
 * objection, and the letters sent, as generated from the templates.
 */
export class DataSubjectRequests1796300000000 implements MigrationInterface {
  name = 'DataSubjectRequests1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE dsr_reference_seq`);
    await q.query(`
      CREATE TABLE dsr_request (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        reference text NOT NULL UNIQUE,
        instance_id uuid NOT NULL UNIQUE REFERENCES process_instance(id),
        status text NOT NULL CHECK (status IN ('open', 'suspended', 'withdrawn', 'decided', 'not_processed')),
        "right" text NOT NULL,
        channel text NOT NULL,
        received_at timestamptz NOT NULL,
        verbatim_text text NOT NULL,
        requester jsonb NOT NULL,
        representative jsonb,
        processings jsonb NOT NULL,
        departments jsonb NOT NULL,
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL,
        identity_verified boolean,
        identity_method text CHECK (identity_method IN ('digid', 'balie', 'afgeschermde_kopie', 'eherkenning')),
        identity_checked_by text,
        identity_checked_at timestamptz,
        repair_requested_on date,
        repair_due_at timestamptz,
        suspensions jsonb NOT NULL DEFAULT '[]',
        extension jsonb,
        legal_deadline jsonb NOT NULL,
        deadline_at timestamptz NOT NULL,
        outcome text CHECK (outcome IN ('granted', 'partly_granted', 'refused', 'not_processed', 'withdrawn')),
        grounds jsonb NOT NULL DEFAULT '[]',
        motivation text,
        decision_content jsonb,
        decided_by text,
        signed_by text,
        signed_at timestamptz,
        sent_at timestamptz,
        sent_on_time boolean,
        objection_deadline date,
        objection jsonb,
        closed_at timestamptz
      )`);
    await q.query(`CREATE INDEX dsr_request_register ON dsr_request (tenant_id, status, deadline_at)`);
    await q.query(`
      CREATE TABLE dsr_letter (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES dsr_request(id),
        kind text NOT NULL CHECK (kind IN ('acknowledgement', 'repair', 'extension', 'decision')),
        markdown text NOT NULL,
        html text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX dsr_letter_request ON dsr_letter (request_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dsr_letter`);
    await q.query(`DROP TABLE dsr_request`);
    await q.query(`DROP SEQUENCE dsr_reference_seq`);
  }
}
