import type { DsrLetterKind } from '../../persistence/entities/dsr-letter.entity';
import { fillTemplate, TemplateDirectory } from '../../documents/markdown-template';
import { renderMarkdownPdf, type PdfFile, type PdfMetadata } from '../../documents/pdf-renderer';
import { checkTemplates, type TemplateRequirement } from '../../documents/template-requirements';

export interface RenderedLetter {
  markdown: string;
  html: string;
}

/**
 * What each letter must say, whatever a municipality's own wording: the reference and the dates the law
 * attaches consequences to; a decision names its signer (mandate) and the last day to object (art. 3:45 Awb);
 * an extension gives its reasons (art. 12 lid 3 AVG).
 */
export const LETTER_TEMPLATES: Readonly<Record<DsrLetterKind, TemplateRequirement>> = {
  acknowledgement: { placeholders: ['addressee', 'reference', 'receivedOn', 'deadlineDate'] },
  repair: { placeholders: ['addressee', 'reference', 'requested', 'repairDueDate'] },
  extension: { placeholders: ['addressee', 'reference', 'reasonText', 'deadlineDate'] },
  decision: {
    placeholders: ['addressee', 'reference', 'sentOn', 'decisionText', 'motivation', 'grounds', 'access', 'personalData', 'purposes', 'recipients', 'retention', 'signerName', 'signerFunction', 'objectionDeadline'],
  },
  withdrawal: { placeholders: ['addressee', 'reference', 'receivedOn', 'signerName', 'signerFunction'] },
};

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
    checkTemplates(this.templates, LETTER_TEMPLATES);
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
