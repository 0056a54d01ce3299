import { Lexer, type Token, type Tokens } from 'marked';
import type { Content, ContentText, CustomTableLayout, Style, TableCell } from 'pdfmake/interfaces';
import { MARKDOWN_OPTIONS, type Figures } from './markdown-template';

/**
 * A Markdown document as pdfmake content: headings, paragraphs (with bold, italics, links and line
 * breaks), lists, block quotes, tables and SVG figures, from marked's tokens. The same Markdown the
 * templates produce, so the PDF says exactly what the Markdown and HTML versions say.
 */

export interface PdfLayout {
  /** Width of the page's text column in pt: figures are scaled down to it. */
  contentWidth: number;
  figures?: Figures;
}

/** The styles the content refers to; the renderer hands them to pdfmake. */
export const MARKDOWN_STYLES: Record<string, Style> = {
  h1: { fontSize: 16, bold: true, margin: [0, 6, 0, 8] },
  h2: { fontSize: 12.5, bold: true, margin: [0, 10, 0, 4] },
  h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
  h4: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
  paragraph: { margin: [0, 0, 0, 7] },
  list: { margin: [0, 0, 0, 7] },
  quote: { italics: true, color: '#333333' },
  quoteBlock: { margin: [0, 0, 0, 7] },
  table: { margin: [0, 2, 0, 9], fontSize: 9.5 },
  tableHeader: { bold: true, fillColor: '#eeeeee' },
  code: { fontSize: 9.5, background: '#f2f2f2', preserveLeadingSpaces: true, margin: [0, 0, 0, 7] },
  figure: { alignment: 'center', margin: [0, 4, 0, 10] },
};

/** A thin bar on the left, as a quoted text is set in a letter. */
export const QUOTE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: (i) => (i === 0 ? 2 : 0),
  vLineColor: () => '#9e9e9e',
  paddingLeft: () => 9,
  paddingRight: () => 0,
  paddingTop: () => 1,
  paddingBottom: () => 1,
};

export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#9e9e9e',
  vLineColor: () => '#9e9e9e',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

interface InlineStyle {
  bold?: boolean;
  italics?: boolean;
  decoration?: 'lineThrough';
  link?: string;
  code?: boolean;
}

/** Longer cells take the spare width; short ones (codes, dates) keep to their text. */
const WIDE_CELL = 24;

export function markdownToPdfContent(markdown: string, layout: PdfLayout): Content[] {
  return blocks(Lexer.lex(markdown, MARKDOWN_OPTIONS), layout);
}

function blocks(tokens: Token[], layout: PdfLayout): Content[] {
  return tokens.flatMap((token) => block(token, layout));
}

function block(token: Token, layout: PdfLayout): Content[] {
  switch (token.type) {
    case 'space':
    case 'def':
      return [];
    case 'heading': {
      const level = Math.min(token.depth, 4);
      return [{ text: inline(token.tokens), style: `h${level}`, headlineLevel: level }];
    }
    case 'paragraph':
      return [figure(token as Tokens.Paragraph, layout) ?? { text: inline(token.tokens), style: 'paragraph' }];
    case 'text':
      return [{ text: inline(token.tokens ?? [token]) }];
    case 'list':
      return [list(token as Tokens.List, layout)];
    case 'blockquote':
      return [{ table: { widths: ['*'], body: [[{ stack: blocks(token.tokens ?? [], layout), style: 'quote' }]] }, layout: QUOTE_LAYOUT, style: 'quoteBlock' }];
    case 'table':
      return table(token as Tokens.Table);
    case 'hr':
      return [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: layout.contentWidth, y2: 0, lineWidth: 0.5, lineColor: '#9e9e9e' }], margin: [0, 4, 0, 10] }];
    case 'code':
      return [{ text: token.text, style: 'code' }];
    default:
      // Raw HTML and anything else a template might contain is shown as the text it is.
      return 'text' in token && typeof token.text === 'string' ? [{ text: token.text, style: 'paragraph' }] : [];
  }
}

/** A paragraph that is only an image of a known figure becomes that SVG, drawn as vectors. */
function figure(paragraph: Tokens.Paragraph, layout: PdfLayout): Content | null {
  const parts = paragraph.tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === '') && t.type !== 'br');
  if (parts.length !== 1 || parts[0].type !== 'image') return null;
  const svg = layout.figures?.[(parts[0] as Tokens.Image).href];
  return svg ? { svg, fit: [layout.contentWidth, layout.contentWidth], style: 'figure' } : null;
}

function list(token: Tokens.List, layout: PdfLayout): Content {
  const items = token.items.map((item) => {
    const content = blocks(item.tokens, layout);
    return content.length === 1 ? content[0] : { stack: content };
  });
  if (!token.ordered) return { ul: items, style: 'list' };
  return { ol: items, start: typeof token.start === 'number' ? token.start : 1, style: 'list' };
}

function table(token: Tokens.Table): Content[] {
  const alignment = (i: number) => token.align[i] ?? undefined;
  const header: TableCell[] = token.header.map((cell, i) => ({ text: inline(cell.tokens), style: 'tableHeader', alignment: alignment(i) }));
  const rows: TableCell[][] = token.rows.map((row) => row.map((cell, i) => ({ text: inline(cell.tokens), alignment: alignment(i) })));
  // `| | |` over a table of label/value pairs: a table without a header row.
  const hasHeader = token.header.some((cell) => cell.text.trim() !== '');
  const body = hasHeader ? [header, ...rows] : rows;
  if (body.length === 0) return [];
  const longest = token.header.map((cell, i) => Math.max(cell.text.length, ...token.rows.map((row) => row[i]?.text.length ?? 0)));
  const widths = longest.map((length) => (length > WIDE_CELL ? '*' : 'auto'));
  if (!widths.includes('*')) widths[widths.length - 1] = '*';
  return [{ table: { headerRows: hasHeader ? 1 : 0, widths, body, dontBreakRows: true }, layout: TABLE_LAYOUT, style: 'table' }];
}

function inline(tokens: Token[] | undefined, style: InlineStyle = {}): ContentText[] {
  return (tokens ?? []).flatMap((token): ContentText[] => {
    switch (token.type) {
      case 'strong':
        return inline(token.tokens, { ...style, bold: true });
      case 'em':
        return inline(token.tokens, { ...style, italics: true });
      case 'del':
        return inline(token.tokens, { ...style, decoration: 'lineThrough' });
      case 'link':
        return inline(token.tokens, { ...style, link: safeLink(token.href) });
      case 'codespan':
        return [piece(token.text, { ...style, code: true })];
      case 'br':
        return [piece('\n', style)];
      case 'image':
        return [piece(token.text, { ...style, italics: true })];
      case 'text':
        return token.tokens ? inline(token.tokens, style) : [piece(token.text, style)];
      default:
        // escape, inline HTML (shown literally), and whatever else carries text.
        return 'text' in token && typeof token.text === 'string' ? [piece(token.text, style)] : [];
    }
  });
}

function piece(text: string, style: InlineStyle): ContentText {
  const content: ContentText = { text };
  if (style.bold) content.bold = true;
  if (style.italics) content.italics = true;
  if (style.decoration) content.decoration = style.decoration;
  if (style.link) content.link = style.link;
  if (style.code) content.background = '#f2f2f2';
  return content;
}

/** Only web and mail links become clickable; the text shows either way. */
function safeLink(href: string): string | undefined {
  return /^(https?:|mailto:)/i.test(href) ? href : undefined;
}
