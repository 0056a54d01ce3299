import type { DataSource } from 'typeorm';
import { eventually } from './test-platform';

/**
 * Every row of every table of the application, as one digest per table (`rows:md5 of the rows`),
 * for proving that a refused command changed nothing: compare two snapshots with toEqual, and a
 * difference names the tables that changed.
 */
export async function databaseSnapshot(sql: DataSource): Promise<Record<string, string>> {
  // The outbox relay works on its own: wait until it has nothing due, or it changes rows between two snapshots.
  await eventually(async () => (await sql.query(`SELECT 1 FROM outbox_message WHERE status = 'pending' AND available_at <= now() LIMIT 1`)).length === 0);
  const tables: { name: string }[] = await sql.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    // A row's text form holds every column, so the digest changes when any value does.
    const [row] = await sql.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${name}" t`);
    digest[name] = `${row.n}:${row.h}`;
  }
  return digest;
}
