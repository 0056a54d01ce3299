import Mustache from 'mustache';
import type { TemplateDirectory } from './markdown-template';

/** What a document must be able to say: the placeholders (and figures) its template has to use. */
export interface TemplateRequirement {
  placeholders: readonly string[];
  /** Images the renderer supplies (`![…](heatmap.svg)`), which the template must show. */
  figures?: readonly string[];
}

export interface TemplateProblem {
  template: string;
  missing?: string[];
  error?: string;
}

export enum TemplateErrorCode {
  TEMPLATE_INVALID = 'TEMPLATE_INVALID',
}

/** A template folder that cannot make every document it is used for; raised at start-up, never mid-case. */
export class TemplateError extends Error {
  readonly code = TemplateErrorCode.TEMPLATE_INVALID;

  constructor(
    readonly dir: string,
    readonly problems: TemplateProblem[],
  ) {
    const lines = problems.map((p) => `${p.template}.md: ${p.error ?? `lacks ${p.missing!.map((m) => (m.includes('.') ? m : `{{${m}}}`)).join(', ')}`}`);
    super(`the templates in ${dir} cannot make every document:\n  ${lines.join('\n  ')}`);
    this.name = 'TemplateError';
  }
}

type Token = [string, string, number, number, Token[]?];

function namesIn(tokens: Token[], into = new Set<string>()): Set<string> {
  for (const [type, value, , , children] of tokens) {
    if (['name', '&', '{', '#', '^'].includes(type)) into.add(value);
    if (children) namesIn(children, into);
  }
  return into;
}

/**
 * Checks a municipality's own copies (or the repository's) before the first letter is made: a
 * decision without its objection clause's date or a report without its heat map is a legal defect,
 * not a layout choice. Every problem of every template is reported at once.
 */
export function checkTemplates(templates: TemplateDirectory, requirements: Readonly<Record<string, TemplateRequirement>>): void {
  const problems: TemplateProblem[] = [];
  for (const [template, requirement] of Object.entries(requirements)) {
    let text: string;
    let names: Set<string>;
    try {
      text = templates.read(template);
      names = namesIn(Mustache.parse(text) as Token[]);
    } catch (error) {
      problems.push({ template, error: (error as Error).message });
      continue;
    }
    const missing = [
      ...requirement.placeholders.filter((name) => !names.has(name)),
      ...(requirement.figures ?? []).filter((figure) => !text.includes(`](${figure})`)),
    ];
    if (missing.length) problems.push({ template, missing });
  }
  if (problems.length) throw new TemplateError(templates.dir, problems);
}
