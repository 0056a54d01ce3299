import { Lexer } from 'marked';
import { QuotedText } from '../../../src/documents/markdown-escape';
import { fillTemplate, MARKDOWN_OPTIONS } from '../../../src/documents/markdown-template';

/** The plain text marked reads from a Markdown paragraph: what any renderer will show. */
const shownText = (markdown: string): string => {
  const texts: string[] = [];
  new Lexer(MARKDOWN_OPTIONS).lex(markdown).forEach(function walk(token: any) {
    if (token.tokens) token.tokens.forEach(walk);
    else if (typeof token.text === 'string') texts.push(token.text);
  });
  return texts.join('');
};

describe('filling a Markdown template', () => {
  it('keeps a value as typed: Markdown characters in it are text, not formatting', () => {
    const value = 'Jan_de_Vries *niet vet* [geen link](x) `code` | # ~~x~~ \\';
    const { markdown } = fillTemplate('Naam: {{name}}', { name: value });
    expect(shownText(markdown)).toBe(`Naam: ${value}`);
  });

  it('never lets a value become HTML, while the template itself is Markdown', () => {
    const { markdown, html } = fillTemplate('**{{name}}** schreef', { name: 'A. <b>Jansen</b> & "zn"' });
    expect(markdown).toBe('**A. <b>Jansen</b> & "zn"** schreef');
    expect(html).toContain('<strong>A. &lt;b&gt;Jansen&lt;/b&gt; &amp; &quot;zn&quot;</strong> schreef');
  });

  it('quotes a text line by line as a block quote, escaping each line', () => {
    const { markdown, html } = fillTemplate('U schreef:\n\n{{quoted}}\n\nEinde.', { quoted: new QuotedText('Geacht college,\n\n*alles* <graag>\nJ.') });
    expect(markdown).toBe('U schreef:\n\n> Geacht college,\n>\n> \\*alles\\* <graag>\n> J.\n\nEinde.');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('*alles* &lt;graag&gt;');
  });

  it('embeds a known figure as inline SVG and shows only the alt text of any other image', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    const { html } = fillTemplate('![Heatmap](heatmap.svg)\n\n![Logo](https://example.org/logo.png)', {}, { 'heatmap.svg': svg });
    expect(html).toContain(svg);
    expect(html).toContain('Logo');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('example.org');
  });
});
