import { Linter } from 'bpmnlint';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import type { DiagramProblem } from './deployment-error';

export type LintLevel = 'error' | 'warn';

/**
 * The bpmnlint rules every diagram is checked with: all of bpmnlint's `recommended` rules, at the
 * level recommended gives them unless a comment says why not. Errors refuse the diagram; warnings are
 * returned with a successful deployment. The README modelling guide lists the same table: change both.
 * A unit test fails when a bpmnlint upgrade adds a recommended rule that is missing here.
 */
export const LINT_RULES: Readonly<Record<string, LintLevel>> = {
  'ad-hoc-sub-process': 'error',
  'conditional-flows': 'error',
  'end-event-required': 'error',
  'event-based-gateway': 'error',
  'event-sub-process-typed-start-event': 'error',
  'fake-join': 'warn',
  global: 'warn',
  // Task names are the titles people see in their inbox and in a case's history.
  'label-required': 'error',
  'link-event': 'error',
  // processInstance hands the XML to a bpmn-js viewer to draw the case's position; without DI there is nothing to draw.
  'no-bpmndi': 'error',
  'no-complex-gateway': 'error',
  'no-disconnected': 'error',
  'no-duplicate-sequence-flows': 'error',
  'no-gateway-join-fork': 'error',
  'no-implicit-split': 'error',
  'no-implicit-end': 'error',
  'no-implicit-start': 'error',
  // Raised from warn: bpmn-elements 17 does not synchronise an inclusive join (only parallel gateways
  // wait for all their incoming flows), so every token passing an inclusive join runs the rest of the
  // process again. Model "one or more of" with a parallel split and exclusive gateways per branch.
  'no-inclusive-gateway': 'error',
  'no-overlapping-elements': 'warn',
  'single-blank-start-event': 'error',
  'single-event-definition': 'error',
  'start-event-required': 'error',
  'sub-process-blank-start-event': 'error',
  'superfluous-gateway': 'warn',
  'superfluous-label': 'warn',
  'superfluous-termination': 'warn',
};

function staticRules(): Record<string, unknown> {
  const cache: Record<string, unknown> = {};
  for (const name of Object.keys(LINT_RULES)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cache[`rule:bpmnlint/${name}`] = require(`bpmnlint/rules/${name}`);
  }
  return cache;
}

let ruleModules: Record<string, unknown> | undefined;

export interface LintFindings {
  errors: DiagramProblem[];
  warnings: DiagramProblem[];
}

/** Runs LINT_RULES on a parsed diagram (the moddle root of bpmn-moddle + the Camunda extension). */
export async function lintDiagram(moddleRoot: unknown): Promise<LintFindings> {
  ruleModules ??= staticRules();
  // A fresh Linter per diagram: it caches rule instances, and some rules (no-duplicate-sequence-flows)
  // keep what they saw in their closure, so a shared one reports the previous diagram's flows.
  const linter = new Linter({ resolver: new StaticResolver(ruleModules) });
  const rules = Object.fromEntries(Object.entries(LINT_RULES).map(([name, level]) => [`bpmnlint/${name}`, level]));
  const results = await linter.lint(moddleRoot, { rules });
  const findings: LintFindings = { errors: [], warnings: [] };
  for (const [name, reports] of Object.entries(results)) {
    for (const report of reports) {
      const problem: DiagramProblem = { rule: `bpmnlint/${name.replace(/^bpmnlint\//, '')}`, elementId: report.id, message: report.message };
      // A rule that crashed ('rule-error') checked nothing: refuse rather than let the diagram through unchecked.
      if (report.category === 'error' || report.category === 'rule-error') findings.errors.push(problem);
      else if (report.category === 'warn') findings.warnings.push(problem);
    }
  }
  return findings;
}
