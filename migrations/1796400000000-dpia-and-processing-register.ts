import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The verwerkingsregister (art. 30 AVG) and the DPIA records (art. 35/36 AVG; BLNP Bijlage 4): quickscan,
 * versioned questionnaire answers, risk register, measures, reports, FG advice per version and the prior
 * consultation of the AP.
 */
export class DpiaAndProcessingRegister1796400000000 implements MigrationInterface {
  name = 'DpiaAndProcessingRegister1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE processing (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        name text NOT NULL,
        controller text NOT NULL,
        purposes text NOT NULL,
        legal_basis text NOT NULL,
        data_subject_categories text[] NOT NULL,
        data_categories text[] NOT NULL,
        special_categories text[] NOT NULL,
        recipients text[] NOT NULL,
        transfers text,
        retention text NOT NULL,
        security_measures text NOT NULL,
        processors text[] NOT NULL,
        process_owner text NOT NULL,
        status text NOT NULL CHECK (status IN ('in_assessment', 'prior_consultation', 'allowed', 'not_allowed', 'in_use')),
        next_reassessment_at timestamptz,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        in_use_since timestamptz
      )`);
    await q.query(`CREATE INDEX processing_tenant ON processing (tenant_id, name)`);
    await q.query(`
      CREATE TABLE dpia (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        processing_id uuid NOT NULL REFERENCES processing(id),
        instance_id uuid NOT NULL UNIQUE,
        reference text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('initial', 'reassessment')),
        status text NOT NULL,
        signal text NOT NULL,
        owner_advice text,
        owner_advised_by text,
        quickscan jsonb,
        route text CHECK (route IN ('full_dpia', 'compliance_check')),
        compliance_findings text,
        team text[] NOT NULL DEFAULT '{}',
        questionnaire_version integer NOT NULL DEFAULT 0,
        residual_level text,
        ap_reference text,
        ap_submitted_at timestamptz,
        ap_term_ends_at timestamptz,
        ap_term_extended boolean NOT NULL DEFAULT false,
        ap_advice text,
        ap_answered_at timestamptz,
        processing_allowed boolean,
        started_by text NOT NULL,
        started_at timestamptz NOT NULL,
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX dpia_processing ON dpia (processing_id, started_at)`);
    await q.query(`CREATE SEQUENCE dpia_reference_seq`);
    await q.query(`
      CREATE TABLE dpia_answers (
        dpia_id uuid NOT NULL REFERENCES dpia(id),
        version integer NOT NULL,
        answers jsonb NOT NULL,
        answered_by text NOT NULL,
        answered_at timestamptz NOT NULL,
        PRIMARY KEY (dpia_id, version)
      )`);
    await q.query(`
      CREATE TABLE dpia_risk (
        dpia_id uuid NOT NULL REFERENCES dpia(id),
        code text NOT NULL,
        title text NOT NULL,
        likelihood_before smallint NOT NULL CHECK (likelihood_before BETWEEN 1 AND 4),
        impact_before smallint NOT NULL CHECK (impact_before BETWEEN 1 AND 4),
        likelihood_after smallint CHECK (likelihood_after BETWEEN 1 AND 4),
        impact_after smallint CHECK (impact_after BETWEEN 1 AND 4),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (dpia_id, code)
      )`);
    await q.query(`
      CREATE TABLE dpia_measure (
        id uuid PRIMARY KEY,
        dpia_id uuid NOT NULL REFERENCES dpia(id),
        risk_code text,
        description text NOT NULL,
        owner text NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'implemented')),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE dpia_report (
        dpia_id uuid NOT NULL REFERENCES dpia(id),
        version integer NOT NULL,
        markdown text NOT NULL,
        html text NOT NULL,
        heat_map_svg text NOT NULL,
        written_by text NOT NULL,
        written_at timestamptz NOT NULL,
        PRIMARY KEY (dpia_id, version)
      )`);
    await q.query(`
      CREATE TABLE dpia_fg_advice (
        dpia_id uuid NOT NULL REFERENCES dpia(id),
        version integer NOT NULL,
        opinion text NOT NULL,
        advice text NOT NULL,
        advised_by text NOT NULL,
        advised_at timestamptz NOT NULL,
        followed boolean,
        not_followed_reason text,
        decided_by text,
        decided_at timestamptz,
        PRIMARY KEY (dpia_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE dpia_reference_seq`);
    for (const table of ['dpia_fg_advice', 'dpia_report', 'dpia_measure', 'dpia_risk', 'dpia_answers', 'dpia', 'processing']) await q.query(`DROP TABLE ${table}`);
  }
}
