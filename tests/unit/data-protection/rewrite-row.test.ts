import type { EntityManager } from 'typeorm';
import { CASE_TABLES } from '../../../src/data-protection/personal-data-map';
import { rewriteRow } from '../../../src/data-protection/personal-data.repository';

/** A letter whose text is redacted loses its PDF: a PDF cannot be redacted in place. */
describe('rewriting a redacted row', () => {
  const recorder = () => {
    const calls: { sql: string; params: unknown[] }[] = [];
    return { calls, em: { query: async (sql: string, params: unknown[]) => void calls.push({ sql, params }) } as unknown as EntityManager };
  };

  it.each(['dsr_letter', 'dpia_report'])('clears the PDF and its hash of %s with the redacted text', async (name) => {
    const table = CASE_TABLES.find((t) => t.table === name)!;
    const { calls, em } = recorder();
    const row = Object.fromEntries(table.key.map((k) => [k, `${k}-1`]));
    await rewriteRow(em, table, row, { markdown: '[verwijderd]' });
    expect(calls).toHaveLength(1);
    expect(calls[0].sql).toMatch(/^UPDATE \w+ SET markdown = \$1, pdf = \$2, pdf_sha256 = \$3 WHERE/);
    expect(calls[0].params.slice(0, 3)).toEqual(['[verwijderd]', null, null]);
  });

  it('leaves other tables as they are', async () => {
    const table = CASE_TABLES.find((t) => t.table === 'dsr_request')!;
    const { calls, em } = recorder();
    await rewriteRow(em, table, { id: 'r-1' }, { verbatim_text: '[verwijderd]' });
    expect(calls[0].sql).toBe('UPDATE dsr_request SET verbatim_text = $1 WHERE id = $2');
  });
});
