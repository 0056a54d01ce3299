import type { EntityManager } from 'typeorm';
import { CASE_TABLES, CaseTable } from './personal-data-map';

/**
 * The SQL of finding and rewriting a person's data, driven by the personal data map. Table and
 * column names come from the map (code), never from input; search terms are bound parameters.
 */

/** `%term%` for ILIKE, with LIKE's own metacharacters taken literally. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const columnsOf = (table: CaseTable) => [...table.text, ...table.json];

/**
 * Cases of the municipality with a row that mentions any of the terms, and in which tables.
 * A scan over the municipality's case data: an FG's or PB's occasional question, not a hot path.
 */
export async function casesMentioning(em: EntityManager, tenantId: string, terms: string[], within?: string[]): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  if (terms.length === 0 || (within && within.length === 0)) return found;
  const patterns = terms.map(likePattern);
  for (const table of CASE_TABLES) {
    const matches = columnsOf(table).map((c) => `t.${c}::text ILIKE ANY($2::text[])`).join(' OR ');
    const rows: { instance_id: string }[] = await em.query(
      `SELECT DISTINCT ${table.instanceId} AS instance_id FROM ${table.from}
        WHERE ${table.tenantId} = $1 AND (${matches})${within ? ` AND ${table.instanceId} = ANY($3::uuid[])` : ''}`,
      within ? [tenantId, patterns, within] : [tenantId, patterns],
    );
    for (const { instance_id } of rows) {
      const tables = found.get(instance_id) ?? new Set<string>();
      tables.add(table.table);
      found.set(instance_id, tables);
    }
  }
  return found;
}

/** Every row one table holds for a case (all columns, so an append-only row can be written back whole). */
export function caseRows(em: EntityManager, table: CaseTable, instanceId: string): Promise<Record<string, any>[]> {
  return em.query(`SELECT t.* FROM ${table.from} WHERE ${table.instanceId} = $1`, [instanceId]);
}

const isJson = (table: CaseTable, column: string) => table.json.includes(column);
const param = (table: CaseTable, column: string, value: unknown) => (isJson(table, column) && value !== null && value !== undefined ? JSON.stringify(value) : value);

/**
 * Writes changed columns of one row back: an UPDATE, or for an append-only table a delete and an
 * insert of the same row (same id, same timestamps) with the changed columns. Immutable rows are
 * never written; the caller refused the erasure before.
 */
export async function rewriteRow(em: EntityManager, table: CaseTable, row: Record<string, any>, redacted: Record<string, unknown>): Promise<void> {
  const changes = { ...redacted, ...Object.fromEntries((table.derived ?? []).map((c) => [c, null])) };
  const keyWhere = (offset: number) => table.key.map((k, i) => `${k} = $${offset + i + 1}`).join(' AND ');
  const keyValues = table.key.map((k) => row[k]);
  if (table.change === 'immutable') throw new Error(`${table.table} is immutable: it cannot be rewritten`);
  if (table.change === 'update') {
    const columns = Object.keys(changes);
    const sets = columns.map((c, i) => `${c} = $${i + 1}${isJson(table, c) ? '::jsonb' : ''}`).join(', ');
    await em.query(`UPDATE ${table.table} SET ${sets} WHERE ${keyWhere(columns.length)}`, [...columns.map((c) => param(table, c, changes[c])), ...keyValues]);
    return;
  }
  const whole = { ...row, ...changes };
  const columns = Object.keys(whole);
  await em.query(`DELETE FROM ${table.table} WHERE ${keyWhere(0)}`, keyValues);
  await em.query(
    `INSERT INTO ${table.table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    columns.map((c) => param(table, c, whole[c])),
  );
}
