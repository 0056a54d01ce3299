/**
 * Looks at PDFs the way a reader does, outside jest's module sandbox (pdfjs-dist is ES modules only and
 * tesseract.js runs a worker): each page is rendered to a PNG with pdfjs-dist + @napi-rs/canvas, its text
 * is extracted by pdfjs, its pixels are counted, and optionally the PNG is read back by OCR (tesseract.js
 * with the Dutch model from @tesseract.js-data/nld: nothing is downloaded).
 *
 * Usage: node pdf-inspector.mjs <manifest.json>; the manifest is
 *   { "documents": [{ "pdf": "/abs/file.pdf", "pngPrefix": "/abs/out/name", "ocrPages": [1] }] }
 * and stdout gets one JSON line: { "documents": [{ "info": { title, author, creationDate }, "pages": [{ number,
 * text, png, width, height, inkRatio, colours: { "#rrggbb": pixels }, ocrText? }] }] }.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
/** 144 dpi: sharp enough for OCR of 10 pt text. */
const SCALE = 2;

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const wantsOcr = manifest.documents.some((d) => (d.ocrPages ?? []).length > 0);
let ocr = null;
if (wantsOcr) {
  const { createWorker, OEM } = require('tesseract.js');
  const langPath = path.join(path.dirname(require.resolve('@tesseract.js-data/nld')), '4.0.0_best_int');
  ocr = await createWorker('nld', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
}

const hex = (v) => v.toString(16).padStart(2, '0');

/** Share of pixels that are not (near) white, and how many pixels each exact colour has. */
function pixelStatistics(data) {
  let ink = 0;
  const colours = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (r < 235 || g < 235 || b < 235) ink++;
    const key = `#${hex(r)}${hex(g)}${hex(b)}`;
    colours.set(key, (colours.get(key) ?? 0) + 1);
  }
  // Only colours that fill a visible area: anti-aliasing makes thousands of one-pixel shades.
  const large = Object.fromEntries([...colours].filter(([, n]) => n >= 500));
  return { inkRatio: ink / (data.length / 4), colours: large };
}

const documents = [];
for (const doc of manifest.documents) {
  const pdf = await getDocument({ data: new Uint8Array(fs.readFileSync(doc.pdf)), isEvalSupported: false, verbosity: 0 }).promise;
  const { info } = await pdf.getMetadata();
  const pages = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    const viewport = page.getViewport({ scale: SCALE });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    // A PDF page has no background of its own: paint it white, as paper is.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, canvas, viewport }).promise;
    const png = `${doc.pngPrefix}-p${number}.png`;
    const buffer = canvas.toBuffer('image/png');
    fs.writeFileSync(png, buffer);
    const stats = pixelStatistics(context.getImageData(0, 0, canvas.width, canvas.height).data);
    const ocrText = ocr && (doc.ocrPages ?? []).includes(number) ? (await ocr.recognize(buffer)).data.text : undefined;
    pages.push({ number, text, png, width: canvas.width, height: canvas.height, ...stats, ocrText });
  }
  await pdf.destroy();
  documents.push({ info: { title: info.Title, author: info.Author, creationDate: info.CreationDate }, pages });
}
await ocr?.terminate();
process.stdout.write(`${JSON.stringify({ documents })}\n`);
