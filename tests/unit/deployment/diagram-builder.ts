import fs from 'node:fs';
import path from 'node:path';
import { DiagramProblem, DiagramRejectedError } from '../../../src/deployment/deployment-error';
import { validateDiagram } from '../../../src/deployment/diagram-validator';
import { defaultServiceRegistry } from '../../../src/workflow/service-registry';

/**
 * tests/fixtures/bpmn/runtime-demo.bpmn (a diagram that passes every check) with one edit applied,
 * so each test shows exactly the change that breaks a rule.
 */
export const DEMO = fs.readFileSync(path.resolve(__dirname, '../../fixtures/bpmn/runtime-demo.bpmn'), 'utf8');

export function edit(find: string | RegExp, replace: string, xml = DEMO): string {
  const changed = xml.replace(find, replace);
  if (changed === xml) throw new Error(`the demo diagram does not contain ${String(find)}`);
  return changed;
}

/** The handlers a default server has, so the bundled diagrams are checked as deployed. */
export const knownServices: ReadonlySet<string> = defaultServiceRegistry().names();

/** The problems the deployment check refuses `xml` with ([] when it passes). */
export async function problemsOf(xml: string, maxBytes?: number): Promise<DiagramProblem[]> {
  try {
    await validateDiagram(xml, { knownServices, maxBytes });
    return [];
  } catch (err) {
    if (err instanceof DiagramRejectedError) return err.problems;
    throw err;
  }
}

export const rulesOf = async (xml: string, maxBytes?: number) => (await problemsOf(xml, maxBytes)).map((p) => p.rule);
