import type { DiagramProblem } from './deployment-error';

export const DEFAULT_MAX_DIAGRAM_BYTES = 1024 * 1024;
export const MAX_NESTING_DEPTH = 200;

/**
 * Checks on the raw text, before any XML parser sees it: a billion-laughs or XXE document is
 * refused here and never expanded.
 */
export function guardXml(xml: string, maxBytes = DEFAULT_MAX_DIAGRAM_BYTES): DiagramProblem[] {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > maxBytes) return [{ rule: 'size-limit', message: `the diagram is ${bytes} bytes; the limit is ${maxBytes}` }];
  const problems: DiagramProblem[] = [];
  if (/<!DOCTYPE/i.test(xml)) problems.push({ rule: 'xml-doctype', message: 'DOCTYPE declarations are not allowed' });
  if (/<!ENTITY/i.test(xml)) problems.push({ rule: 'xml-entity', message: 'entity declarations are not allowed' });
  if (/<\?(?!xml\s)[^?]*\?>/i.test(xml)) problems.push({ rule: 'xml-processing-instruction', message: 'processing instructions are not allowed' });
  let depth = 0;
  let max = 0;
  const tags = /<(\/?)[A-Za-z_][^>]*?(\/?)>/g;
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    if (m[1]) depth--;
    else if (!m[2]) max = Math.max(max, ++depth);
    if (max > MAX_NESTING_DEPTH) {
      problems.push({ rule: 'nesting-depth', message: `elements are nested deeper than ${MAX_NESTING_DEPTH}` });
      break;
    }
  }
  return problems;
}
