/**
 * Values filled into a Markdown template (a requester's name, the request text, a motivation) are text,
 * not Markdown: their emphasis, link, code, strikethrough, table and heading characters are
 * backslash-escaped so they show as typed (`Jan_de_Vries` keeps its underscores). `<`, `>` and `&` stay
 * as they are: the HTML output escapes them as entities, and the PDF shows markup as literal text.
 * Line structure in a value (a line starting with "- ") stays Markdown: its text is never lost.
 */
export function escapeMarkdownText(value: string): string {
  return value.replace(/[\\`*_[\]~|#]/g, (char) => `\\${char}`);
}

/** `<`, `>`, `&` and `"` as entities: a value can never become HTML markup. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A value shown as a Markdown block quote (the request quoted verbatim in a decision, as the BLNP model
 * letter asks). The template writes `{{quotedRequest}}` on a line of its own; each line of the text is
 * escaped like any other value and then prefixed with "> ".
 */
export class QuotedText {
  constructor(readonly text: string) {}

  render(escape: (line: string) => string): string {
    return this.text
      .split(/\r?\n/)
      .map((line) => (line.trim() === '' ? '>' : `> ${escape(line)}`))
      .join('\n');
  }
}
