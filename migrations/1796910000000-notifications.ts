import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications (issue 4 point 3, issue 5 point 4): one row per recipient of a `notify`
 * step — a person resolved from the role the step addresses, or the role itself when nobody can be
 * resolved. The outbox performs a call at least once; the unique key on (source message,
 * recipient) makes a repeated call write nothing new. Rows hold the case reference, fixed texts
 * and the due moment, never personal data of the case.
 */
export class Notifications1796910000000 implements MigrationInterface {
  name = 'Notifications1796910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        instance_id uuid NOT NULL,
        source_message_id uuid NOT NULL,
        case_reference text NOT NULL,
        process_key text NOT NULL,
        element_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('reminder', 'escalation', 'information')),
        title text NOT NULL,
        due_at timestamptz,
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('user', 'role')),
        recipient text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        read_by text,
        CONSTRAINT notification_once_per_recipient UNIQUE (source_message_id, recipient_kind, recipient)
      )`);
    await q.query(`CREATE INDEX notification_inbox ON notification (tenant_id, recipient_kind, recipient, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
  }
}
