import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Renders PDFs to PNG and reads them back (tests/support/pdf-inspector.mjs, run as its own process).
 * The PDFs and PNGs stay in test-output/documents (gitignored) so people can look at them.
 */
export const DOCUMENT_OUTPUT_DIR = path.resolve(__dirname, '../../test-output/documents');

export interface InspectedPage {
  number: number;
  /** The page's text layer as pdfjs extracts it. */
  text: string;
  /** Where the page's PNG was written. */
  png: string;
  width: number;
  height: number;
  /** Share of pixels that are not white: 0 is a blank page. */
  inkRatio: number;
  /** Exact colours covering at least 500 pixels, with their pixel counts. */
  colours: Record<string, number>;
  /** What OCR reads in the PNG, for the pages asked for. */
  ocrText?: string;
}

export interface InspectedPdf {
  /** The document information dictionary; `creationDate` as written in the PDF (D:YYYYMMDDHHmmSSZ). */
  info: { title: string; author: string; creationDate: string };
  pages: InspectedPage[];
}

export interface PdfToInspect {
  /** File name without extension, e.g. "decision-granted". */
  name: string;
  bytes: Buffer;
  /** Pages (1-based) to read back by OCR. */
  ocrPages?: number[];
}

export async function inspectPdfs(documents: PdfToInspect[]): Promise<InspectedPdf[]> {
  fs.mkdirSync(DOCUMENT_OUTPUT_DIR, { recursive: true });
  const manifest = {
    documents: documents.map((doc) => {
      const pdf = path.join(DOCUMENT_OUTPUT_DIR, `${doc.name}.pdf`);
      fs.writeFileSync(pdf, doc.bytes);
      return { pdf, pngPrefix: path.join(DOCUMENT_OUTPUT_DIR, doc.name), ocrPages: doc.ocrPages ?? [] };
    }),
  };
  const manifestFile = path.join(DOCUMENT_OUTPUT_DIR, `.manifest-${randomUUID()}.json`);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, 'pdf-inspector.mjs'), manifestFile], { maxBuffer: 64 * 1024 * 1024, timeout: 180_000 });
    return (JSON.parse(stdout) as { documents: InspectedPdf[] }).documents;
  } finally {
    fs.rmSync(manifestFile, { force: true });
  }
}

/** Text with every run of white space as one space: line breaks in a PDF fall where the layout puts them. */
export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** OCR output compared loosely: lower case, letters and digits only, single spaces. */
export const ocrWords = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** How a PDF writes a moment in its information dictionary: D:YYYYMMDDHHmmSSZ (UTC). */
export const pdfDate = (moment: Date | string) => `D:${new Date(moment).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
