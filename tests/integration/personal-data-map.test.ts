import { CASE_TABLES, NO_DATA_SUBJECT_DATA } from '../../src/data-protection/personal-data-map';
import type { Platform } from '../../src/platform';
import { textColumns } from '../support/data-protection-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform } from '../support/test-platform';

/**
 * The personal data map (src/data-protection/personal-data-map.ts) is what export and erasure
 * search: a column it does not know is a place the platform could keep a person's data unseen.
 * Every text, jsonb and array column of the migrated schema is either mapped or listed with the
 * reason it holds no data subject's data, and the map's change modes match the triggers.
 */
describe('the personal data map covers the whole schema', () => {
  let db: TestDatabase;
  let platform: Platform;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, {}, { withoutWorkers: true });
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  const mapped = () => {
    const columns = new Set<string>();
    for (const t of CASE_TABLES) for (const c of [...t.text, ...t.json]) columns.add(`${t.table}.${c}`);
    for (const [table, groups] of Object.entries(NO_DATA_SUBJECT_DATA)) for (const g of groups) for (const c of g.columns) columns.add(`${table}.${c}`);
    return columns;
  };

  it('classifies every text, jsonb and array column of every table', async () => {
    const unclassified = (await textColumns(platform.database.dataSource)).map((c) => `${c.table}.${c.column}`).filter((c) => !mapped().has(c));
    expect(unclassified).toEqual([]);
  });

  it('names only columns that exist, with jsonb columns as json and text columns as text', async () => {
    const actual = new Map((await textColumns(platform.database.dataSource)).map((c) => [`${c.table}.${c.column}`, c.type]));
    const wrong: string[] = [];
    for (const t of CASE_TABLES) {
      for (const c of t.text) if (actual.get(`${t.table}.${c}`) !== 'text') wrong.push(`${t.table}.${c} is ${actual.get(`${t.table}.${c}`)}`);
      for (const c of t.json) if (actual.get(`${t.table}.${c}`) !== 'jsonb') wrong.push(`${t.table}.${c} is ${actual.get(`${t.table}.${c}`)}`);
    }
    for (const column of mapped()) if (!actual.has(column)) wrong.push(`${column} does not exist`);
    expect(wrong).toEqual([]);
  });

  it('treats a table whose triggers refuse UPDATE as append-only, and one that also refuses DELETE as immutable', async () => {
    const triggers: { table: string; event: string }[] = await platform.database.dataSource.query(
      `SELECT event_object_table AS table, event_manipulation AS event FROM information_schema.triggers WHERE trigger_schema = 'public'`,
    );
    const refuses = (table: string, event: string) => triggers.some((t) => t.table === table && t.event === event);
    for (const t of CASE_TABLES) {
      const expected = refuses(t.table, 'DELETE') ? 'immutable' : refuses(t.table, 'UPDATE') ? 'replace' : 'update';
      expect({ table: t.table, change: t.change }).toEqual({ table: t.table, change: expected });
      // A replaced row is written back whole: only plain columns, so no jsonb to re-encode.
      if (t.change === 'replace') expect({ table: t.table, json: t.json }).toEqual({ table: t.table, json: [] });
    }
  });
});
