import fs from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import Mustache from 'mustache';
import type { DsrLetterKind } from '../../persistence/entities/dsr-letter.entity';

export interface RenderedLetter {
  markdown: string;
  html: string;
}

/** `<` and `&` are what could open markup; `>` stays so a quoted request remains a Markdown block quote. */
const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The letters of a data-subject request, from Markdown templates with Mustache placeholders. The
 * templates live in the repository (templates/dsr) and a municipality may point DSR_TEMPLATE_DIR at
 * its own copies. The HTML is rendered from the same template with every value HTML-escaped first,
 * so a requester's text can never become markup in the letter.
 */
export class LetterRenderer {
  private readonly cache = new Map<DsrLetterKind, string>();

  constructor(private readonly templateDir: string) {}

  render(kind: DsrLetterKind, view: Record<string, unknown>): RenderedLetter {
    const template = this.template(kind);
    const markdown = Mustache.render(template, view, {}, { escape: (value: unknown) => String(value) });
    const escapedBody = Mustache.render(template, view, {}, { escape: (value: unknown) => escapeHtml(String(value)) });
    const body = marked.parse(escapedBody, { async: false, breaks: true }) as string;
    return { markdown, html: `<article lang="nl" class="brief brief-${kind}">\n${body}</article>\n` };
  }

  private template(kind: DsrLetterKind): string {
    let text = this.cache.get(kind);
    if (text === undefined) {
      text = fs.readFileSync(path.join(this.templateDir, `${kind}.md`), 'utf8');
      this.cache.set(kind, text);
    }
    return text;
  }
}
