import { createHash } from 'node:crypto';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Figures } from './markdown-template';
import { MARKDOWN_STYLES, markdownToPdfContent } from './markdown-to-pdf';

/** A rendered PDF file and its SHA-256 (hex), kept with the record it belongs to. */
export interface PdfFile {
  bytes: Buffer;
  sha256: string;
}

/** A stored PDF as handed to a reader: the file name it is offered under. */
export interface NamedPdf extends PdfFile {
  fileName: string;
}

export interface PdfMetadata {
  title: string;
  /** Who issues the document: the municipality, or the controller of a processing. */
  author: string;
  subject?: string;
  /**
   * The document's own date (a letter's date, the moment a report was written). It is the PDF's
   * creation date and, with the content, all the file depends on: rendering again gives the same bytes.
   */
  createdAt: Date;
  /** Left in the footer of every page, e.g. the case reference; the page number is on the right. */
  footer: string;
}

// Roboto as shipped in the pdfmake package: no font is fetched, nothing depends on the host's fonts.
const FONT_DIR = path.dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
const FONTS = {
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
};

const A4_WIDTH = 595.28;
const MARGIN_X = 64;
const CONTENT_WIDTH = A4_WIDTH - 2 * MARGIN_X;

let configured = false;

/** pdfmake's settings are process-wide: our fonts, no URL ever, and local files only from the font folder. */
function configure(): void {
  if (configured) return;
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));
  configured = true;
}

/**
 * Renders a Markdown document (a letter, a report) to an A4 PDF with embedded fonts and the given SVG
 * figures as vector graphics. Deterministic: the same Markdown, figures and metadata give the same bytes.
 */
export async function renderMarkdownPdf(markdown: string, metadata: PdfMetadata, figures: Figures = {}): Promise<PdfFile> {
  configure();
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 56, MARGIN_X, 64],
    language: 'nl-NL',
    info: {
      title: metadata.title,
      author: metadata.author,
      subject: metadata.subject,
      creator: 'privacyflow',
      producer: 'privacyflow (pdfmake)',
      creationDate: metadata.createdAt,
    },
    content: markdownToPdfContent(markdown, { contentWidth: CONTENT_WIDTH, figures }),
    styles: MARKDOWN_STYLES,
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [{ text: metadata.footer }, { text: `pagina ${currentPage} van ${pageCount}`, alignment: 'right' }],
      margin: [MARGIN_X, 28, MARGIN_X, 0],
      fontSize: 8.5,
      color: '#555555',
    }),
    // A heading never ends a page: it moves to the next one with its text.
    pageBreakBefore: (node, nodes) => node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0,
  };
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
