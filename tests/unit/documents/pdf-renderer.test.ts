import { createHash } from 'node:crypto';
import { renderMarkdownPdf } from '../../../src/documents/pdf-renderer';

const metadata = { title: 'Besluit AVG-2026-00007', author: 'Gemeente Putten', createdAt: new Date('2026-04-01T10:00:00Z'), footer: 'gemeente Putten · ons kenmerk AVG-2026-00007' };
const letter = '**gemeente Putten**\n\n## Besluit\n\nWij wijzen uw verzoek toe.\n\n> Geacht college,\n> ik wil inzage.\n\n- een\n- twee\n\n| Code | Risico |\n|---|---|\n| R1 | Te lang bewaren |';
const heatMap = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="100" height="100" fill="#f4a3a3"/><text x="10" y="50">Hoog</text></svg>';

/** An object of the PDF's information dictionary: pdfkit writes each as `n 0 obj\n(value)\nendobj`. */
const infoValues = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\n\d+ 0 obj\n\((.*)\)\nendobj/g)].map((m) => m[1]);

describe('a Markdown document as PDF', () => {
  it('is the same file every time for the same content and date, with its SHA-256', async () => {
    const first = await renderMarkdownPdf(letter, metadata, { 'heatmap.svg': heatMap });
    const second = await renderMarkdownPdf(letter, metadata, { 'heatmap.svg': heatMap });
    expect(first.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(first.sha256).toBe(createHash('sha256').update(first.bytes).digest('hex'));
  });

  it('carries the document date as its creation date, and changes with it', async () => {
    const pdf = await renderMarkdownPdf(letter, metadata);
    expect(infoValues(pdf.bytes)).toEqual(expect.arrayContaining(['D:20260401100000Z', 'Besluit AVG-2026-00007', 'Gemeente Putten']));
    const later = await renderMarkdownPdf(letter, { ...metadata, createdAt: new Date('2026-04-02T10:00:00Z') });
    expect(later.sha256).not.toBe(pdf.sha256);
  });

  it('changes when the content changes', async () => {
    const pdf = await renderMarkdownPdf(letter, metadata);
    expect((await renderMarkdownPdf(letter.replace('toe.', 'af.'), metadata)).sha256).not.toBe(pdf.sha256);
  });
});
