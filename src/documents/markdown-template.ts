import fs from 'node:fs';
import path from 'node:path';
import { Marked, type Tokens } from 'marked';
import Mustache from 'mustache';
import { escapeHtml, escapeMarkdownText, QuotedText } from './markdown-escape';

/** A filled template: the document's Markdown, and the same document as an HTML fragment. */
export interface FilledTemplate {
  markdown: string;
  html: string;
}

/**
 * SVG figures by the name a template's image refers to (`![Heatmap](heatmap.svg)`): the HTML embeds
 * them inline, the PDF draws them as vector graphics. Any other image shows its alt text only, so a
 * document never loads anything from elsewhere.
 */
export type Figures = Readonly<Record<string, string>>;

/** Markdown as the templates are written: GitHub tables, and a line break where the text breaks a line. */
export const MARKDOWN_OPTIONS = { gfm: true, breaks: true } as const;

/** Mustache hands the raw value to the escape function: a QuotedText becomes a block quote. */
const escaper = (escapeText: (text: string) => string) => (value: unknown) =>
  value instanceof QuotedText ? value.render(escapeText) : escapeText(String(value));

/**
 * Fills a Markdown template with Mustache placeholders. Every value is escaped for where it lands: as
 * text in the Markdown, and additionally as text in the HTML, so neither a requester's text nor a
 * processing's name can become markup.
 */
export function fillTemplate(template: string, view: object, figures: Figures = {}): FilledTemplate {
  const markdown = Mustache.render(template, view, {}, { escape: escaper(escapeMarkdownText) });
  const forHtml = Mustache.render(template, view, {}, { escape: escaper((text) => escapeMarkdownText(escapeHtml(text))) });
  const marked = new Marked({
    ...MARKDOWN_OPTIONS,
    renderer: {
      image({ href, text }: Tokens.Image) {
        return figures[href] ?? escapeHtml(text);
      },
    },
  });
  return { markdown, html: marked.parse(forHtml, { async: false }) };
}

/**
 * The templates of one kind of document, read once from a folder: the repository's own
 * (templates/…) or a municipality's copies (see README, "Documents").
 */
export class TemplateDirectory {
  private readonly cache = new Map<string, string>();

  constructor(readonly dir: string) {}

  /** The template `<name>.md`. Names are the platform's own document kinds, never user input. */
  read(name: string): string {
    let text = this.cache.get(name);
    if (text === undefined) {
      text = fs.readFileSync(path.join(this.dir, `${name}.md`), 'utf8');
      this.cache.set(name, text);
    }
    return text;
  }
}
