import type { DataSource } from 'typeorm';

/** GraphQL documents of the platform's own data protection (issue 8 point 6). */
export const RETENTION_STATUS = `query Retention($tenantId: String, $first: Int) {
  retentionStatus(tenantId: $tenantId, first: $first) {
    tenantId rules { caseType period setting trigger basis }
    counts { caseType kept removedByRetention removedByErasure oldestKeptClosedAt }
    upcoming { caseId caseType reference since dueAt scheduledBy } } }`;

export const EXPORT_PERSON = `query Export($person: PersonIdentifiersInput!, $tenantId: String) {
  personalDataExport(person: $person, tenantId: $tenantId) {
    tenantId subject generatedAt document
    cases { caseId caseType processKey reference roles closed personalDataRemovedAt hold { code reason text until } } } }`;

export const ERASE_PERSON = `mutation Erase($input: ErasePersonalDataInput!, $tenantId: String) {
  erasePersonalData(input: $input, tenantId: $tenantId) { subject erasedAt cases { caseId caseType reference roles } } }`;

/** Every table and its text, jsonb and array columns (where personal data could be). */
export async function textColumns(sql: DataSource): Promise<{ table: string; column: string; type: string }[]> {
  const rows: { table_name: string; column_name: string; data_type: string }[] = await sql.query(
    `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'jsonb', 'json', 'character varying', 'ARRAY')
      ORDER BY c.table_name, c.ordinal_position`,
  );
  return rows.map((r) => ({ table: r.table_name, column: r.column_name, type: r.data_type }));
}

/** Where in the whole database a text occurs (case-insensitive): `table.column (rows)`. */
export async function whereInDatabase(sql: DataSource, needle: string): Promise<string[]> {
  const found: string[] = [];
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  for (const { table, column } of await textColumns(sql)) {
    const [{ n }] = await sql.query(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE $1`, [pattern]);
    if (n > 0) found.push(`${table}.${column} (${n})`);
  }
  return found;
}
