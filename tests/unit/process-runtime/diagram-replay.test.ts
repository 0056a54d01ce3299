import fs from 'node:fs';
import path from 'node:path';
import { validateDiagram } from '../../../src/deployment/diagram-validator';
import type { DiagramModel, FormField } from '../../../src/deployment/diagram-model';
import { compileSource, loadSource, runEngineStep, StepResult } from '../../../src/process-runtime';
import { defaultServiceRegistry } from '../../../src/workflow/service-registry';

/**
 * For every diagram in bpmn/ (and the runtime fixture): start it, and at every wait state
 * serialise the state to JSON, recover it in a fresh engine and continue — once per option of
 * the forms' choice fields, so every gateway branch is walked.
 */
const BPMN_DIRS = [path.resolve(__dirname, '../../../bpmn'), path.resolve(__dirname, '../../fixtures/bpmn')];
const diagrams = BPMN_DIRS.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.bpmn')).map((f) => path.join(dir, f)));
const services = defaultServiceRegistry().names();

/**
 * Dates the incident domain puts on a case (breach clock, evaluation, retention). The breach
 * reminders lie far ahead so they stay armed; the evaluation and retention waits lie in the past
 * so the walk passes them.
 */
const CASE_DATES = {
  breachReminder1At: '2099-01-01T00:00:00.000Z',
  breachReminder2At: '2099-01-02T00:00:00.000Z',
  breachDeadlineAt: '2099-01-03T00:00:00.000Z',
  evaluationAt: '2000-01-01T00:00:00.000Z',
  destructionAt: '2000-01-01T00:00:00.000Z',
  // Data-subject requests: the reminders, the escalation and the repair term have passed (the walk
  // passes them); the objection term is still open, so the objection is delivered and handled.
  deadlineAt: '2099-01-01T00:00:00.000Z',
  firstMonthDueAt: '2099-01-01T00:00:00.000Z',
  reminder1At: '2000-01-01T00:00:00.000Z',
  reminder2At: '2000-01-02T00:00:00.000Z',
  escalationAt: '2000-01-03T00:00:00.000Z',
  repairDueAt: '2000-01-01T00:00:00.000Z',
  objectionWindowClosesAt: '2099-01-01T00:00:00.000Z',
  objectionDecisionDueAt: '2099-01-01T00:00:00.000Z',
};

function valueFor(field: FormField, variant: number): unknown {
  switch (field.type) {
    case 'enum':
      return field.options![variant % field.options!.length].id;
    case 'boolean':
      return variant % 2 === 0;
    case 'long':
      return [1000, 1, 50][variant % 3];
    case 'double':
      return 1.5;
    case 'date':
      return '2026-11-24';
    default:
      return 'testwaarde';
  }
}

function variantsOf(model: DiagramModel): number {
  const counts = Object.values(model.userTasks).flatMap((t) => t.formFields.map((f) => (f.type === 'enum' ? f.options!.length : f.type === 'boolean' ? 2 : f.type === 'long' ? 3 : 1)));
  return Math.max(1, ...counts);
}

describe.each(diagrams.map((d) => [path.basename(d), d]))('%s survives persisting at every wait state', (_name, file) => {
  it('runs every branch to its end through JSON-serialised states and fresh engines', async () => {
    const xml = fs.readFileSync(file, 'utf8');
    const { model } = await validateDiagram(xml, { knownServices: services });
    const serialized = await compileSource(xml);
    const variants = variantsOf(model);
    const endedVia = new Set<string>();

    for (let variant = 0; variant < variants; variant++) {
      let step: StepResult = await runEngineStep({
        sourceContext: loadSource(serialized),
        action: {
          kind: 'start',
          // What the fixtures' expressions read: a timeout, a reminder cycle, departments to ask, case dates.
          variables: {
            approvalTimeout: 'P30D',
            reminderCycle: 'R3/P30D',
            afdelingen: [{ naam: 'Burgerzaken', rol: 'medewerker' }, { naam: 'ICT', rol: 'ciso' }],
            initiator: 'tester',
            ...CASE_DATES,
          },
          startTimerId: model.timerStart?.elementId,
        },
        knownServices: services,
        timeoutMs: 5000,
      });
      const visited: string[] = [];
      // A task reached again through a loop (a decision sent back for another draft) gets the next
      // variant's answers, so every loop is left after one round.
      const visits = new Map<string, number>();
      for (let guard = 0; step.status === 'running' && guard < 50; guard++) {
        const state = JSON.parse(JSON.stringify(step.state));
        const userTask = step.waiting.find((w) => w.type === 'bpmn:UserTask');
        const message = step.waiting.find((w) => w.messageName);
        expect(userTask || message).toBeDefined();
        const round = userTask ? (visits.get(userTask.elementId) ?? 0) : 0;
        if (userTask) visits.set(userTask.elementId, round + 1);
        const action = userTask
          ? {
              kind: 'complete' as const,
              elementId: userTask.elementId,
              executionId: userTask.executionId,
              values: Object.fromEntries(model.userTasks[userTask.elementId].formFields.map((f) => [f.id, valueFor(f, variant + round)])),
            }
          : { kind: 'message' as const, messageId: model.messages.find((m) => m.name === message!.messageName)!.id, values: {} };
        visited.push(userTask?.elementId ?? message!.elementId);
        // A fresh engine from a fresh deserialisation of the source: nothing shared with the last step.
        step = await runEngineStep({ sourceContext: loadSource(serialized), state, action, knownServices: services, timeoutMs: 5000 });
        expect(step.failure).toBeUndefined();
      }
      expect(step.status).toBe('completed');
      endedVia.add(visited.join('>'));
    }
    // A diagram with an exclusive gateway must have been walked down more than one branch.
    const branches = Object.values(model.elements).some((e) => e.type === 'bpmn:ExclusiveGateway');
    expect(endedVia.size).toBeGreaterThan(branches ? 1 : 0);
  });
});
