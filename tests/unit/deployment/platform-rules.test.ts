import { validateDiagram } from '../../../src/deployment/diagram-validator';
import { DEMO, edit, knownServices, problemsOf, rulesOf } from './diagram-builder';

const FLARGE_CONDITION = '${amount &gt; 100}';
const withCondition = (body: string, attrs = '') =>
  edit(`<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${FLARGE_CONDITION}`, `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"${attrs}>${body}`);
const withTimer = (kind: string, body: string) =>
  edit('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${approvalTimeout}</bpmn:timeDuration>', `<bpmn:${kind} xsi:type="bpmn:tFormalExpression">${body}</bpmn:${kind}>`);
const withService = (attrs: string) => edit('camunda:type="external" camunda:topic="notify"', attrs);
const withIntakeForm = (fields: string) => edit(/<camunda:formData>[\s\S]*?<\/camunda:formData>/, `<camunda:formData>${fields}</camunda:formData>`);

describe('the platform rules of the deployment check', () => {
  it('accept the demo diagram and read its model: tasks, performers, forms, services, messages', async () => {
    const { model } = await validateDiagram(DEMO, { knownServices });
    expect(model.processKey).toBe('runtime-demo');
    expect(Object.keys(model.userTasks).sort()).toEqual(['Approve', 'Escalate', 'Intake']);
    expect(model.userTasks.Intake.formFields.map((f) => [f.id, f.type, f.required])).toEqual([
      ['amount', 'long', true],
      ['summary', 'string', false],
    ]);
    expect(model.userTasks.Intake.formFields[0].constraints).toEqual({ min: 0 });
    expect(model.userTasks.Approve.candidateGroups).toEqual(['ciso']);
    expect(model.serviceNames).toEqual(['notify']);
    expect(model.messages).toEqual([{ id: 'Message_Antwoord', name: 'antwoordOntvangen' }]);
  });

  describe('script-task', () => {
    it('refuses a script task', async () => {
      const xml = edit(/<bpmn:serviceTask id="Notify"([^>]*) camunda:type="external" camunda:topic="notify">([\s\S]*?)<\/bpmn:serviceTask>/, '<bpmn:scriptTask id="Notify"$1 scriptFormat="javascript">$2<bpmn:script>next()</bpmn:script></bpmn:scriptTask>');
      expect(await problemsOf(xml)).toContainEqual(expect.objectContaining({ rule: 'script-task', elementId: 'Notify' }));
    });
  });

  describe('script-condition', () => {
    it('refuses a condition with a script language', async () => {
      expect(await problemsOf(withCondition('next(null, true)', ' language="javascript"'))).toContainEqual(expect.objectContaining({ rule: 'script-condition', elementId: 'FLarge' }));
    });
  });

  describe('invalid-expression', () => {
    it.each([
      ['a condition FEEL cannot parse', withCondition('${amount &gt;}')],
      ['a JavaScript-style comparison', withCondition('${amount == 100}')],
      ['a condition that is not ${…}', withCondition('amount &gt; 100')],
      ['a due date FEEL cannot parse', edit('camunda:candidateGroups="fg"', 'camunda:candidateGroups="fg" camunda:dueDate="${now() +}"')],
    ])('refuses %s', async (_what, xml) => {
      expect(await rulesOf(xml)).toContain('invalid-expression');
    });

    it('accepts comparisons and boolean logic', async () => {
      expect(await rulesOf(withCondition('${amount &gt; 100 and summary != null}'))).toEqual([]);
    });
  });

  describe('invalid-timer', () => {
    it.each([
      ['a duration that is not ISO 8601', 'timeDuration', '72 hours'],
      ['a date without time zone', 'timeDate', '2026-12-01T09:00:00'],
      ['a date that is no date', 'timeDate', 'morgen'],
      ['a cycle that is not a repeating interval', 'timeCycle', 'elke dag'],
    ])('refuses %s', async (_what, kind, body) => {
      expect(await problemsOf(withTimer(kind, body))).toContainEqual(expect.objectContaining({ rule: 'invalid-timer', elementId: 'ApprovalLate' }));
    });

    it.each([
      ['timeDuration', 'PT72H'],
      ['timeDate', '2026-12-01T09:00:00Z'],
      ['timeDate', '2026-12-01T09:00:00+01:00'],
      ['timeCycle', 'R3/PT24H'],
      ['timeDuration', '${termijn}'],
    ])('accepts %s %s', async (kind, body) => {
      expect(await rulesOf(withTimer(kind, body))).toEqual([]);
    });
  });

  describe('message-without-ref', () => {
    it('refuses a message event that names no message', async () => {
      expect(await problemsOf(edit(' messageRef="Message_Antwoord"', ''))).toContainEqual(expect.objectContaining({ rule: 'message-without-ref', elementId: 'WaitReply' }));
    });
  });

  describe('services', () => {
    it('unsupported-service-implementation: refuses a Java class', async () => {
      expect(await problemsOf(withService('camunda:class="nl.gemeente.Notify"'))).toContainEqual(expect.objectContaining({ rule: 'unsupported-service-implementation', elementId: 'Notify' }));
    });

    it('unknown-service: refuses a topic the server has no handler for', async () => {
      expect(await problemsOf(withService('camunda:type="external" camunda:topic="deleteEverything"'))).toContainEqual(expect.objectContaining({ rule: 'unknown-service', elementId: 'Notify' }));
    });

    it('accepts ${environment.services.<known>} as implementation', async () => {
      expect(await rulesOf(withService('implementation="${environment.services.notify}"'))).toEqual([]);
    });
  });

  describe('user-task-without-performer', () => {
    it('refuses a user task with no candidate group, candidate user or assignee', async () => {
      expect(await problemsOf(edit('camunda:candidateGroups="fg"', ''))).toContainEqual(expect.objectContaining({ rule: 'user-task-without-performer', elementId: 'Escalate' }));
    });

    it.each(['camunda:candidateUsers="fg.putten"', 'camunda:assignee="${initiator}"'])('accepts %s alone', async (performer) => {
      expect(await rulesOf(edit('camunda:candidateGroups="fg"', performer))).toEqual([]);
    });
  });

  describe('forms', () => {
    it('unsupported-form-field-type: refuses a type Camunda forms do not have here', async () => {
      expect(await rulesOf(withIntakeForm('<camunda:formField id="bijlage" label="Bijlage" type="file" />'))).toContain('unsupported-form-field-type');
    });

    it.each(['fields', 'content', 'properties', '__proto__x'])('reserved-variable: refuses a form field named %s', async (id) => {
      expect(await rulesOf(withIntakeForm(`<camunda:formField id="${id}" label="X" type="string" />`))).toContain('reserved-variable');
    });

    it('invalid-form-constraint: refuses an unknown constraint or a bound that is no number', async () => {
      const xml = withIntakeForm(
        '<camunda:formField id="a" label="A" type="long"><camunda:validation><camunda:constraint name="max" config="veel" /><camunda:constraint name="regex" config=".*" /></camunda:validation></camunda:formField>',
      );
      expect(await rulesOf(xml)).toEqual(['invalid-form-constraint', 'invalid-form-constraint']);
    });

    it('reads enum options', async () => {
      const xml = withIntakeForm('<camunda:formField id="impact" label="Impact" type="enum"><camunda:value id="laag" name="Laag" /><camunda:value id="hoog" name="Hoog" /></camunda:formField>');
      const { model } = await validateDiagram(edit('${amount &gt; 100}', '${impact = "hoog"}', xml), { knownServices });
      expect(model.userTasks.Intake.formFields[0].options).toEqual([{ id: 'laag', name: 'Laag' }, { id: 'hoog', name: 'Hoog' }]);
    });
  });

  describe('multi-instance user tasks', () => {
    const withLoop = (loop: string) => edit('<bpmn:incoming>FLarge</bpmn:incoming>', `<bpmn:incoming>FLarge</bpmn:incoming>${loop}`);

    it('reads collection, element variable and order into the model', async () => {
      const { model } = await validateDiagram(withLoop('<bpmn:multiInstanceLoopCharacteristics camunda:collection="${afdelingen}" camunda:elementVariable="afdeling" />'), { knownServices });
      expect(model.userTasks.Approve.multiInstance).toEqual({ collection: '${afdelingen}', elementVariable: 'afdeling', sequential: false });
    });

    it.each([
      ['multi-instance-without-collection', 'no collection and no cardinality', '<bpmn:multiInstanceLoopCharacteristics />'],
      ['invalid-expression', 'a collection that is a bare name (the engine would iterate over the text)', '<bpmn:multiInstanceLoopCharacteristics camunda:collection="afdelingen" />'],
      ['reserved-variable', 'a reserved element variable', '<bpmn:multiInstanceLoopCharacteristics camunda:collection="${a}" camunda:elementVariable="content" />'],
      ['unsupported-loop', 'a standard loop', '<bpmn:standardLoopCharacteristics />'],
      ['unsupported-loop', 'a completion condition', '<bpmn:multiInstanceLoopCharacteristics camunda:collection="${a}"><bpmn:completionCondition>${true}</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>'],
    ])('%s: refuses %s', async (rule, _what, loop) => {
      expect(await problemsOf(withLoop(loop))).toContainEqual(expect.objectContaining({ rule, elementId: 'Approve' }));
    });

    it('checks candidate group expressions like any other expression', async () => {
      expect(await rulesOf(edit('camunda:candidateGroups="ciso"', 'camunda:candidateGroups="${afdeling.rol}"'))).toEqual([]);
      expect(await rulesOf(edit('camunda:candidateGroups="ciso"', 'camunda:candidateGroups="${afdeling ==}"'))).toContain('invalid-expression');
    });
  });

  describe('timer start events', () => {
    const withTimerStart = (timer: string, xml = DEMO) =>
      edit('<bpmn:outgoing>F1</bpmn:outgoing>\n    </bpmn:startEvent>', `<bpmn:outgoing>F1</bpmn:outgoing>\n      <bpmn:timerEventDefinition>${timer}</bpmn:timerEventDefinition>\n    </bpmn:startEvent>`, xml);

    it('reads the schedule into the model', async () => {
      const { model } = await validateDiagram(withTimerStart('<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/P1D</bpmn:timeCycle>'), { knownServices });
      expect(model.timerStart).toEqual({ elementId: 'Start', kind: 'timeCycle', value: 'R/P1D' });
    });

    it('timer-start-expression: refuses an expression (a case has no variables before it starts)', async () => {
      expect(await rulesOf(withTimerStart('<bpmn:timeDate xsi:type="bpmn:tFormalExpression">${startDatum}</bpmn:timeDate>'))).toContain('timer-start-expression');
    });

    it('timer-start-not-alone: refuses a timer start event next to another start event', async () => {
      const second = edit('<bpmn:endEvent id="End"', '<bpmn:startEvent id="Start2" name="Handmatig"><bpmn:outgoing>F9</bpmn:outgoing></bpmn:startEvent><bpmn:sequenceFlow id="F9" sourceRef="Start2" targetRef="Intake" /><bpmn:endEvent id="End"');
      expect(await rulesOf(withTimerStart('<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/P1D</bpmn:timeCycle>', second))).toContain('timer-start-not-alone');
    });

    it('invalid-timer: refuses a timer start event without date, duration or cycle', async () => {
      expect(await problemsOf(withTimerStart(''))).toContainEqual(expect.objectContaining({ rule: 'invalid-timer', elementId: 'Start' }));
    });
  });

  describe('processes', () => {
    it('no-executable-process: refuses a diagram whose process is not executable', async () => {
      expect(await rulesOf(edit('isExecutable="true"', 'isExecutable="false"'))).toContain('no-executable-process');
    });

    it('multiple-executable-processes: refuses two executable processes in one diagram', async () => {
      const second = '<bpmn:process id="tweede" isExecutable="true"><bpmn:startEvent id="S2" name="Start" /></bpmn:process>\n  <bpmndi:BPMNDiagram';
      expect(await rulesOf(edit('<bpmndi:BPMNDiagram', second))).toContain('multiple-executable-processes');
    });
  });

  describe('parsing', () => {
    it('not-well-formed: refuses XML that does not parse', async () => {
      expect(await rulesOf('<bpmn:definitions><bpmn:process')).toEqual(['not-well-formed']);
    });

    it('unconnected-sequence-flow: refuses a sequence flow without its source or target (GraphQL fuzz, seed -723130057: deployed, then every start failed internally)', async () => {
      for (const ends of ['', 'sourceRef="Size"', 'targetRef="Approve"']) {
        expect(await problemsOf(edit('sourceRef="Size" targetRef="Approve"', ends))).toContainEqual(expect.objectContaining({ rule: 'unconnected-sequence-flow', elementId: 'FLarge' }));
      }
    });

    it('invalid-bpmn: refuses a reference to an element that does not exist', async () => {
      expect(await rulesOf(edit('messageRef="Message_Antwoord"', 'messageRef="Message_Bestaat_Niet"'))).toContain('invalid-bpmn');
    });
  });

  describe('the XML guard, before any parser runs', () => {
    it('size-limit: refuses a document over the limit and reports only that', async () => {
      expect(await rulesOf(DEMO, 1000)).toEqual(['size-limit']);
    });

    it('xml-doctype and xml-entity: refuses DTDs and entities (XXE, billion laughs)', async () => {
      const xml = DEMO.replace('<bpmn:definitions', '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<bpmn:definitions');
      expect(await rulesOf(xml)).toEqual(['xml-doctype', 'xml-entity']);
    });

    it('xml-processing-instruction: refuses processing instructions other than the XML declaration', async () => {
      expect(await rulesOf(edit('<bpmn:process', '<?xml-stylesheet href="x"?><bpmn:process'))).toEqual(['xml-processing-instruction']);
    });

    it('nesting-depth: refuses elements nested deeper than 200', async () => {
      const deep = `${'<bpmn:documentation>'.repeat(201)}${'</bpmn:documentation>'.repeat(201)}`;
      expect(await rulesOf(edit('<bpmn:startEvent id="Start" name="Gestart">', `<bpmn:startEvent id="Start" name="Gestart">${deep}`))).toEqual(['nesting-depth']);
    });
  });

  it('lists every problem of a diagram, not only the first', async () => {
    const xml = edit('camunda:candidateGroups="fg"', '', withService('camunda:type="external" camunda:topic="onbekend"'));
    expect((await rulesOf(xml)).sort()).toEqual(['unknown-service', 'user-task-without-performer']);
  });
});
