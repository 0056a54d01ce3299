import fs from 'node:fs';
import path from 'node:path';
import { notificationPlan } from '../../../src/notifications/notification-plans';

const bpmnDir = path.resolve(__dirname, '../../../bpmn');

/** Every `notify` service task of the shipped diagrams, as processKey/elementId. */
const notifySteps = fs
  .readdirSync(bpmnDir)
  .filter((f) => f.endsWith('.bpmn'))
  .flatMap((file) => {
    const xml = fs.readFileSync(path.join(bpmnDir, file), 'utf8');
    const processKey = /<bpmn:process id="([^"]+)"/.exec(xml)![1];
    // The roles that work on the case in this diagram: a notification addresses some of them.
    const groups = new Set([...xml.matchAll(/camunda:candidateGroups="([^"$]+)"/g)].flatMap((m) => m[1].split(',')));
    return [...xml.matchAll(/<bpmn:serviceTask id="([^"]+)"[^>]*camunda:topic="notify"/g)].map((m) => ({ processKey, elementId: m[1], groups }));
  });

describe('notification plans', () => {
  it('cover every notify step of the shipped diagrams, addressing roles that work on the case there', () => {
    expect(notifySteps.length).toBeGreaterThanOrEqual(9);
    for (const { processKey, elementId, groups } of notifySteps) {
      const plan = notificationPlan(processKey, elementId);
      expect({ processKey, elementId, planned: plan !== undefined }).toEqual({ processKey, elementId, planned: true });
      for (const role of plan!.roles) expect({ elementId, role, candidateGroup: groups.has(role) }).toEqual({ elementId, role, candidateGroup: true });
    }
  });

  it('remind the FG, PB and GS of the 72-hour breach clock and escalate to them, with the deadline as due moment', () => {
    for (const elementId of ['RemindAfter24', 'RemindAfter48', 'EscalateDeadline']) {
      const plan = notificationPlan('incident-management', elementId)!;
      expect([...plan.roles].sort()).toEqual(['fg', 'gemeentesecretaris', 'privacybeheerder']);
      expect(plan.dueVariable).toBe('breachDeadlineAt');
    }
    expect(notificationPlan('incident-management', 'EscalateDeadline')!.kind).toBe('escalation');
  });

  it('escalate an overdue data-subject request to the PB', () => {
    expect(notificationPlan('data-subject-request', 'EscalationNotify')).toMatchObject({ kind: 'escalation', roles: ['privacybeheerder'], dueVariable: 'deadlineAt' });
  });

  it('know nothing of steps they were not written for', () => {
    expect(notificationPlan('incident-management', 'FgAdvice')).toBeUndefined();
    expect(notificationPlan('another-process', 'RemindAfter24')).toBeUndefined();
  });
});
