/**
 * Replacing a person's identifiers in stored text and JSON (erasure, art. 17 AVG). Pure: the
 * callers decide where; this decides how. Matching is case-insensitive and literal (no
 * patterns from input ever reach a RegExp unescaped). Only string values are changed, never
 * object keys, so JSON keeps its shape and an engine state stays loadable.
 */

/** What replaces removed personal data in texts kept for the record. */
export const REDACTED = '[verwijderd]';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One case-insensitive pattern for all terms, longest first so "J. de Vries" wins over "de Vries". */
export function termPattern(terms: readonly string[]): RegExp | null {
  const usable = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  return usable.length ? new RegExp(usable.map(escapeRegExp).join('|'), 'giu') : null;
}

export function redactText(text: string, pattern: RegExp | null): string {
  return pattern ? text.replace(pattern, REDACTED) : text;
}

export function mentions(text: string, pattern: RegExp | null): boolean {
  if (!pattern) return false;
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** A copy of a JSON value with every string value redacted (keys untouched). */
export function redactJson<T>(value: T, pattern: RegExp | null): T {
  if (!pattern) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, pattern);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** Where in a JSON value the terms occur: JSONPath-like paths and the string found there. */
export function jsonMentions(value: unknown, pattern: RegExp | null, path = '$'): { path: string; text: string }[] {
  if (!pattern) return [];
  if (typeof value === 'string') return mentions(value, pattern) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => jsonMentions(v, pattern, `${path}[${i}]`));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => jsonMentions(v, pattern, `${path}.${k}`));
  }
  return [];
}
