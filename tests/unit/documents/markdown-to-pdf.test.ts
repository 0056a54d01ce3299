import { markdownToPdfContent, QUOTE_LAYOUT } from '../../../src/documents/markdown-to-pdf';

const layout = { contentWidth: 400 };

describe('Markdown as pdfmake content', () => {
  it('sets headings as headings, and paragraphs with bold, italics and the line breaks of the text', () => {
    expect(markdownToPdfContent('# Besluit\n\n## Motivering\n\n**Verzenddatum:** 1 april\nOns *kenmerk*', layout)).toEqual([
      { text: [{ text: 'Besluit' }], style: 'h1', headlineLevel: 1 },
      { text: [{ text: 'Motivering' }], style: 'h2', headlineLevel: 2 },
      { text: [{ text: 'Verzenddatum:', bold: true }, { text: ' 1 april' }, { text: '\n' }, { text: 'Ons ' }, { text: 'kenmerk', italics: true }], style: 'paragraph' },
    ]);
  });

  it('shows escaped characters and inline HTML as the text they are', () => {
    expect(markdownToPdfContent('a\\*b\\_c <b>x</b>', layout)).toEqual([
      { text: [{ text: 'a' }, { text: '*' }, { text: 'b' }, { text: '_' }, { text: 'c ' }, { text: '<b>' }, { text: 'x' }, { text: '</b>' }], style: 'paragraph' },
    ]);
  });

  it('keeps lists, numbered from their start, with nested lists', () => {
    const [bullets, numbers] = markdownToPdfContent('- een\n- twee\n  - drie\n\n3. vier\n4. vijf', layout) as any[];
    expect(bullets.ul).toEqual([{ text: [{ text: 'een' }] }, { stack: [{ text: [{ text: 'twee' }] }, { ul: [{ text: [{ text: 'drie' }] }], style: 'list' }] }]);
    expect(numbers).toMatchObject({ ol: [{ text: [{ text: 'vier' }] }, { text: [{ text: 'vijf' }] }], start: 3 });
  });

  it('sets a block quote off with a bar on the left', () => {
    const [quote] = markdownToPdfContent('> Geacht college,\n> Ik wil inzage.', layout) as any[];
    expect(quote.layout).toBe(QUOTE_LAYOUT);
    expect(quote.table.body[0][0]).toEqual({ stack: [{ text: [{ text: 'Geacht college,' }, { text: '\n' }, { text: 'Ik wil inzage.' }], style: 'paragraph' }], style: 'quote' });
  });

  it('makes tables with a header row, or without one when the header is empty', () => {
    const [risks] = markdownToPdfContent('| Code | Risico |\n|---|---|\n| R1 | Onbevoegde inzage in camerabeelden \\| pipe |', layout) as any[];
    expect(risks.table.headerRows).toBe(1);
    expect(risks.table.widths).toEqual(['auto', '*']);
    expect(risks.table.body.map((row: any[]) => row.map((cell) => cell.text.map((t: any) => t.text).join('')))).toEqual([
      ['Code', 'Risico'],
      ['R1', 'Onbevoegde inzage in camerabeelden | pipe'],
    ]);
    const [meta] = markdownToPdfContent('| | |\n|---|---|\n| Versie | 2 |', layout) as any[];
    expect(meta.table.headerRows).toBe(0);
    expect(meta.table.body).toHaveLength(1);
  });

  it('draws a known figure as SVG scaled to the text column, and any other image as its alt text', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="500"></svg>';
    expect(markdownToPdfContent('![Heatmap](heatmap.svg)\n\n![Logo](logo.png)', { ...layout, figures: { 'heatmap.svg': svg } })).toEqual([
      { svg, fit: [400, 400], style: 'figure' },
      { text: [{ text: 'Logo', italics: true }], style: 'paragraph' },
    ]);
  });

  it('links only to web and mail addresses', () => {
    const [paragraph] = markdownToPdfContent('[AP](https://autoriteitpersoonsgegevens.nl) [x](javascript:alert(1))', layout) as any[];
    expect(paragraph.text).toEqual([{ text: 'AP', link: 'https://autoriteitpersoonsgegevens.nl' }, { text: ' ' }, { text: 'x' }]);
  });
});
