import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { allMigrations } from '../../migrations';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The inbox's GIN indexes keep no pending list: every inbox read would scan it until vacuum merges
 * it (bench: `npm run bench`, inbox figures; the migration's comment has the measurement).
 */
describe('the inbox indexes after all migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.databaseUrl, migrations: allMigrations, logging: false });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('index open tasks by candidate group and candidate user with GIN, fast update off', async () => {
    const rows = await dataSource.query(
      `SELECT c.relname AS index, am.amname AS method, c.reloptions AS options
         FROM pg_class c JOIN pg_am am ON am.oid = c.relam
        WHERE c.relname IN ('user_task_open_groups', 'user_task_open_candidate_users') ORDER BY c.relname`,
    );
    expect(rows).toEqual([
      { index: 'user_task_open_candidate_users', method: 'gin', options: ['fastupdate=off'] },
      { index: 'user_task_open_groups', method: 'gin', options: ['fastupdate=off'] },
    ]);
  });
});
