import fs from 'node:fs';
import path from 'node:path';
import { LINT_RULES } from '../../../src/deployment/bpmnlint-rules';
import { validateDiagram } from '../../../src/deployment/diagram-validator';
import { DEMO, edit, knownServices, problemsOf, rulesOf } from './diagram-builder';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const recommended: { rules: Record<string, string> } = require('bpmnlint/config/recommended');

const ROOT = path.resolve(__dirname, '../../..');
const HOSTILE = path.join(ROOT, 'tests/fixtures/bpmn/hostile');

describe('bpmnlint in the deployment check', () => {
  it('runs every rule of bpmnlint recommended (a bpmnlint upgrade that adds one fails here until it is decided on)', () => {
    expect(Object.keys(LINT_RULES).sort()).toEqual(Object.keys(recommended.rules).sort());
  });

  it('keeps the recommended level of every rule except no-inclusive-gateway, raised to error', () => {
    const changed = Object.entries(LINT_RULES).filter(([name, level]) => recommended.rules[name] !== level);
    expect(changed).toEqual([['no-inclusive-gateway', 'error']]);
  });

  it('returns warnings with an accepted diagram instead of refusing it', async () => {
    const { warnings } = await validateDiagram(DEMO, { knownServices });
    expect(warnings).toEqual([{ rule: 'bpmnlint/fake-join', elementId: 'End', message: 'Incoming flows do not join' }]);
  });

  it('judges each diagram on its own (no findings carried over from the previous one)', async () => {
    // no-duplicate-sequence-flows remembers the flows it saw; a shared linter reported them again.
    expect(await rulesOf(DEMO)).toEqual([]);
    expect(await rulesOf(DEMO)).toEqual([]);
  });

  it.each([
    ['no-inclusive-gateway', edit('</bpmn:exclusiveGateway>', '</bpmn:inclusiveGateway>', edit('<bpmn:exclusiveGateway id="Size"', '<bpmn:inclusiveGateway id="Size"')), 'Size'],
    ['conditional-flows', edit(' default="FSmall"', ''), 'FSmall'],
    ['label-required', edit(/(<bpmn:userTask id="Approve") name="Goedkeuren"/, '$1'), 'Approve'],
    ['no-bpmndi', edit(/<bpmndi:BPMNShape id="Notify_di"[^\n]*\n/, ''), 'Notify'],
    ['no-disconnected', edit('<bpmn:endEvent id="End"', '<bpmn:task id="Los" name="Los" /><bpmn:endEvent id="End"'), 'Los'],
    ['end-event-required', edit(/<bpmn:endEvent id="End"[\s\S]*?<\/bpmn:endEvent>/, '<bpmn:intermediateThrowEvent id="End" name="Afgerond"><bpmn:incoming>F3</bpmn:incoming><bpmn:incoming>F5</bpmn:incoming><bpmn:incoming>F7</bpmn:incoming></bpmn:intermediateThrowEvent>'), 'runtime-demo'],
    ['start-event-required', edit(/<bpmn:startEvent id="Start"[\s\S]*?<\/bpmn:startEvent>/, '<bpmn:intermediateThrowEvent id="Start" name="Gestart"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:intermediateThrowEvent>'), 'runtime-demo'],
    ['no-implicit-split', edit('<bpmn:outgoing>F2</bpmn:outgoing>', '<bpmn:outgoing>F2</bpmn:outgoing><bpmn:outgoing>FExtra</bpmn:outgoing>', edit('<bpmn:sequenceFlow id="F2"', '<bpmn:sequenceFlow id="FExtra" sourceRef="Intake" targetRef="End" /><bpmn:sequenceFlow id="F2"')), 'Intake'],
    ['no-complex-gateway', edit('</bpmn:exclusiveGateway>', '</bpmn:complexGateway>', edit('<bpmn:exclusiveGateway id="Size"', '<bpmn:complexGateway id="Size"')), 'Size'],
  ])('refuses a diagram bpmnlint/%s finds fault with', async (rule, xml, elementId) => {
    expect(await problemsOf(xml)).toContainEqual(expect.objectContaining({ rule: `bpmnlint/${rule}`, elementId }));
  });
});

describe('the diagram corpus', () => {
  const expected: Record<string, string> = JSON.parse(fs.readFileSync(path.join(HOSTILE, 'expected-rules.json'), 'utf8'));
  const hostile = fs.readdirSync(HOSTILE).filter((f) => f.endsWith('.bpmn'));

  it('names the expected rule of every hostile diagram', () => {
    expect(hostile.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(hostile)('refuses hostile/%s with its expected rule', async (file) => {
    expect(await rulesOf(fs.readFileSync(path.join(HOSTILE, file), 'utf8'))).toContain(expected[file]);
  });

  const accepted = [
    ...fs.readdirSync(path.join(ROOT, 'bpmn')).filter((f) => f.endsWith('.bpmn')).map((f) => `bpmn/${f}`),
    ...fs.readdirSync(path.join(ROOT, 'tests/fixtures/bpmn')).filter((f) => f.endsWith('.bpmn')).map((f) => `tests/fixtures/bpmn/${f}`),
    ...fs.readdirSync(path.join(ROOT, 'bench/fixtures')).filter((f) => f.endsWith('.bpmn')).map((f) => `bench/fixtures/${f}`),
  ];
  it.each(accepted)('accepts %s', async (file) => {
    expect(await problemsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });
});
