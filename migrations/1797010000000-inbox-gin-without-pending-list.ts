import { MigrationInterface, QueryRunner } from 'typeorm';

const INBOX_GIN_INDEXES = ['user_task_open_groups', 'user_task_open_candidate_users'];

/**
 * The inbox reads these GIN indexes on every request, and tasks are written one at a time. With
 * GIN's default fast update, new entries wait in an unsorted pending list that every read scans
 * until (auto)vacuum merges it: measured with 100 000 open tasks, the inbox count took 19.7 ms with
 * a fresh pending list and 1.6 ms after it was merged. Without fast update each insert pays the
 * merge itself (a task is written once, read many times), and reads stay at the merged speed.
 * `npm run bench`, inbox of 100 000 open tasks, 4 concurrent readers, two runs each on one machine:
 * GraphQL p50 44–48 ms → 20–22 ms, p95 70–72 ms → 34–37 ms; starts and completions per second
 * unchanged within the runs' spread (66–92/s).
 */
export class InboxGinWithoutPendingList1797010000000 implements MigrationInterface {
  name = 'InboxGinWithoutPendingList1797010000000';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INBOX_GIN_INDEXES) {
      await q.query(`ALTER INDEX ${index} SET (fastupdate = off)`);
      await q.query(`SELECT gin_clean_pending_list('${index}'::regclass)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INBOX_GIN_INDEXES) await q.query(`ALTER INDEX ${index} RESET (fastupdate)`);
  }
}
