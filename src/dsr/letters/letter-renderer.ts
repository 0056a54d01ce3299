import type { DsrLetterKind } from '../../persistence/entities/dsr-letter.entity';
import { fillTemplate, TemplateDirectory } from '../../documents/markdown-template';
import { renderMarkdownPdf, type PdfFile, type PdfMetadata } from '../../documents/pdf-renderer';

export interface RenderedLetter {
  markdown: string;
  html: string;
}

/**
 * The letters of a data-subject request, from Markdown templates with Mustache placeholders. The
 * templates live in the repository (templates/dsr) and a municipality may point DSR_TEMPLATE_DIR at
 * its own copies. Markdown, HTML and PDF come from the same filled template; every value is escaped,
 * so a requester's text can never become markup in the letter.
 */
export class LetterRenderer {
  private readonly templates: TemplateDirectory;

  constructor(templateDir: string) {
    this.templates = new TemplateDirectory(templateDir);
  }

  render(kind: DsrLetterKind, view: object): RenderedLetter {
    const { markdown, html } = fillTemplate(this.templates.read(kind), view);
    return { markdown, html: `<article lang="nl" class="brief brief-${kind}">\n${html}</article>\n` };
  }

  /** The letter as the PDF that is sent and kept with the case. */
  renderPdf(letter: RenderedLetter, metadata: PdfMetadata): Promise<PdfFile> {
    return renderMarkdownPdf(letter.markdown, metadata);
  }
}
