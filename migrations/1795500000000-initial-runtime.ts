import { MigrationInterface, QueryRunner } from 'typeorm';

/** The durable process runtime: definitions, instances, task projection, timers, outbox, audit, history. */
export class InitialRuntime1795500000000 implements MigrationInterface {
  name = 'InitialRuntime1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE process_definition (
        id uuid PRIMARY KEY,
        process_key text NOT NULL,
        name text NOT NULL,
        version int NOT NULL,
        xml text NOT NULL,
        xml_sha256 text NOT NULL,
        model jsonb NOT NULL,
        deployed_by text NOT NULL,
        deployed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (process_key, version),
        UNIQUE (process_key, xml_sha256)
      )`);
    await q.query(`
      CREATE TABLE process_instance (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        definition_id uuid NOT NULL REFERENCES process_definition(id),
        process_key text NOT NULL,
        definition_version int NOT NULL,
        business_key text,
        status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
        state jsonb,
        variables jsonb NOT NULL DEFAULT '{}',
        active_element_ids text[] NOT NULL DEFAULT '{}',
        waiting_messages text[] NOT NULL DEFAULT '{}',
        engine_version text NOT NULL,
        revision int NOT NULL DEFAULT 0,
        started_by text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        failure text
      )`);
    await q.query(`CREATE INDEX process_instance_business_key ON process_instance (tenant_id, business_key) WHERE status = 'running'`);
    await q.query(`CREATE INDEX process_instance_waiting_messages ON process_instance USING gin (waiting_messages) WHERE status = 'running'`);
    await q.query(`
      CREATE TABLE user_task (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instance(id),
        tenant_id text NOT NULL,
        process_key text NOT NULL,
        business_key text,
        element_id text NOT NULL,
        execution_id text NOT NULL UNIQUE,
        name text NOT NULL,
        candidate_groups text[] NOT NULL DEFAULT '{}',
        candidate_users text[] NOT NULL DEFAULT '{}',
        assignee text,
        status text NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
        due_at timestamptz,
        follow_up_at timestamptz,
        created_at timestamptz NOT NULL,
        completed_at timestamptz,
        completed_by text,
        output jsonb
      )`);
    // Inbox: open tasks by candidate group (GIN on the array), by assignee, ordered by due date then age.
    await q.query(`CREATE INDEX user_task_open_groups ON user_task USING gin (candidate_groups) WHERE status = 'open'`);
    await q.query(`CREATE INDEX user_task_open_assignee ON user_task (assignee) WHERE status = 'open'`);
    await q.query(`CREATE INDEX user_task_open_order ON user_task ((coalesce(due_at, 'infinity'::timestamptz)), created_at, id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX user_task_instance ON user_task (instance_id)`);
    await q.query(`
      CREATE TABLE timer_job (
        instance_id uuid NOT NULL REFERENCES process_instance(id),
        execution_id text NOT NULL,
        element_id text NOT NULL,
        due_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, execution_id)
      )`);
    await q.query(`CREATE INDEX timer_job_due ON timer_job (due_at)`);
    await q.query(`
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL,
        tenant_id text NOT NULL,
        service text NOT NULL,
        payload jsonb NOT NULL,
        dedupe_key text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('pending', 'done', 'dead')),
        attempts int NOT NULL DEFAULT 0,
        available_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        processed_at timestamptz,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_message_pending ON outbox_message (available_at) WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE audit_entry (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        actor text NOT NULL,
        actor_roles text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        instance_id uuid,
        task_id uuid,
        details jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_entry_instance ON audit_entry (instance_id)`);
    await q.query(`
      CREATE TABLE instance_event (
        id bigserial PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instance(id),
        element_id text NOT NULL,
        element_type text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('entered', 'left')),
        actor text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX instance_event_instance ON instance_event (instance_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['instance_event', 'audit_entry', 'outbox_message', 'timer_job', 'user_task', 'process_instance', 'process_definition']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
