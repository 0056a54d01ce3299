import BpmnModdle from 'bpmn-moddle';
import { findExpressionProblem, expressionBody, RESERVED_VARIABLE_NAMES } from '../process-runtime/expression-language';
import { moddleOptions } from '../process-runtime/source-context';
import { lintDiagram } from './bpmnlint-rules';
import { DiagramProblem, DiagramRejectedError } from './deployment-error';
import { NOT_INITIATOR, REPORTED_BY_VARIABLE, SEPARATE_FROM, splitTaskIds } from '../workflow/separation-of-duties';
import { CASE_TYPES, CaseType, DiagramModel, FormField, FormFieldType, MultiInstanceModel, TASK_TENANT_PROPERTY, TimerStartModel, UserTaskModel } from './diagram-model';
import { DEFAULT_MAX_DIAGRAM_BYTES, guardXml } from './xml-guard';

export interface ValidateOptions {
  knownServices: ReadonlySet<string>;
  maxBytes?: number;
}

const FORM_TYPES: FormFieldType[] = ['string', 'long', 'double', 'boolean', 'date', 'enum'];
const SERVICE_TYPES = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];
const SERVICE_PATH = /^\$\{\s*environment\.services\.([A-Za-z_$][\w$]*)\s*\}$/;
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const ISO_DATE_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const splitList = (value?: string) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function flowElements(container: any): any[] {
  const result: any[] = [];
  for (const element of container.flowElements ?? []) {
    result.push(element);
    if (element.flowElements) result.push(...flowElements(element));
  }
  return result;
}

function extension(element: any, type: string): any | undefined {
  return element.extensionElements?.values?.find((v: any) => v.$type === type);
}

function readFormFields(task: any, problems: DiagramProblem[]): FormField[] {
  const formData = extension(task, 'camunda:FormData');
  return (formData?.fields ?? []).map((field: any): FormField => {
    const type = (field.type ?? 'string') as FormFieldType;
    if (!FORM_TYPES.includes(type)) {
      problems.push({ rule: 'unsupported-form-field-type', elementId: task.id, message: `form field ${field.id} has unsupported type ${field.type}` });
    }
    if ((RESERVED_VARIABLE_NAMES as readonly string[]).includes(field.id) || String(field.id).startsWith('__')) {
      problems.push({ rule: 'reserved-variable', elementId: task.id, message: `form field id ${field.id} is reserved` });
    }
    const constraints: FormField['constraints'] = {};
    let required = false;
    let readonly = false;
    for (const c of field.validation?.constraints ?? []) {
      if (c.name === 'required') required = true;
      else if (c.name === 'readonly') readonly = true;
      else if (['minlength', 'maxlength', 'min', 'max'].includes(c.name) && Number.isFinite(Number(c.config))) {
        (constraints as any)[c.name] = Number(c.config);
      } else problems.push({ rule: 'invalid-form-constraint', elementId: task.id, message: `form field ${field.id}: constraint ${c.name} is not supported or has no number` });
    }
    return {
      id: field.id,
      label: field.label ?? field.id,
      type,
      required,
      readonly,
      defaultValue: field.defaultValue,
      options: type === 'enum' ? (field.values ?? []).map((v: any) => ({ id: v.id, name: v.name ?? v.id })) : undefined,
      constraints,
    };
  });
}

function checkExpression(text: string | undefined, where: string, elementId: string, problems: DiagramProblem[], literal?: (t: string) => string | undefined) {
  if (text === undefined || text === '') return;
  const body = expressionBody(text);
  if (body === undefined) {
    const problem = literal?.(text.trim());
    if (problem) problems.push({ rule: 'invalid-timer', elementId, message: `${where}: ${problem}` });
    return;
  }
  const problem = findExpressionProblem(body);
  if (problem) problems.push({ rule: 'invalid-expression', elementId, message: `${where}: ${problem}` });
}

function timerLiteralProblem(kind: string) {
  return (text: string): string | undefined => {
    if (kind === 'timeDuration') return ISO_DURATION.test(text) ? undefined : `"${text}" is not an ISO 8601 duration`;
    if (kind === 'timeDate') {
      if (ISO_DATE_WITH_OFFSET.test(text)) return undefined;
      return /^\d{4}-\d{2}-\d{2}T/.test(text) ? `"${text}" has no time zone (write Z or an offset)` : `"${text}" is not an ISO 8601 date-time`;
    }
    const [repeat, ...rest] = text.split('/');
    return /^R\d*$/.test(repeat) && rest.length >= 1 && rest.every((p) => ISO_DURATION.test(p) || ISO_DATE_WITH_OFFSET.test(p))
      ? undefined
      : `"${text}" is not an ISO 8601 repeating interval`;
  };
}

const isReservedName = (name: string) => (RESERVED_VARIABLE_NAMES as readonly string[]).includes(name) || name.startsWith('__');

function readMultiInstance(task: any, problems: DiagramProblem[]): MultiInstanceModel | undefined {
  const loop = task.loopCharacteristics;
  if (!loop) return undefined;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problems.push({ rule: 'unsupported-loop', elementId: task.id, message: `${task.id}: only multi-instance loops are supported, not standard loops` });
    return undefined;
  }
  const model: MultiInstanceModel = {
    collection: loop.collection || undefined,
    elementVariable: loop.elementVariable || 'item',
    cardinality: loop.loopCardinality?.body || undefined,
    sequential: !!loop.isSequential,
  };
  if (!model.collection && !model.cardinality) {
    problems.push({ rule: 'multi-instance-without-collection', elementId: task.id, message: `multi-instance task ${task.id} names no collection and no cardinality` });
  }
  for (const [what, text] of [['collection', model.collection], ['loop cardinality', model.cardinality]] as const) {
    if (text === undefined) continue;
    // bpmn-engine resolves a bare variable name to the text itself, not to the variable: require ${…}.
    if (expressionBody(text) === undefined) problems.push({ rule: 'invalid-expression', elementId: task.id, message: `${what} of ${task.id} must be \${…}, e.g. \${afdelingen}` });
    else checkExpression(text, `${what} of ${task.id}`, task.id, problems);
  }
  if (isReservedName(model.elementVariable)) {
    problems.push({ rule: 'reserved-variable', elementId: task.id, message: `element variable ${model.elementVariable} of ${task.id} is reserved` });
  }
  if (loop.completionCondition) {
    problems.push({ rule: 'unsupported-loop', elementId: task.id, message: `${task.id}: a completion condition on a multi-instance user task is not supported` });
  }
  return model;
}

/** The timer start event of a process, if it has one; it must be the only start event and literal. */
function readTimerStart(process: any, problems: DiagramProblem[]): TimerStartModel | undefined {
  const starts = (process.flowElements ?? []).filter((e: any) => e.$type === 'bpmn:StartEvent');
  const timed = starts.filter((e: any) => e.eventDefinitions?.some((d: any) => d.$type === 'bpmn:TimerEventDefinition'));
  if (timed.length === 0) return undefined;
  if (starts.length > 1) {
    for (const start of timed) {
      problems.push({ rule: 'timer-start-not-alone', elementId: start.id, message: `timer start event ${start.id} must be the only start event of the process` });
    }
    return undefined;
  }
  const start = timed[0];
  const definition = start.eventDefinitions.find((d: any) => d.$type === 'bpmn:TimerEventDefinition');
  const kind = (['timeCycle', 'timeDate', 'timeDuration'] as const).find((k) => definition[k]?.body);
  if (!kind) {
    problems.push({ rule: 'invalid-timer', elementId: start.id, message: `timer start event ${start.id} has no date, duration or cycle` });
    return undefined;
  }
  const value = String(definition[kind].body).trim();
  if (value.includes('${')) {
    problems.push({ rule: 'timer-start-expression', elementId: start.id, message: `timer start event ${start.id}: write a fixed date, duration or cycle, not an expression (a case has no variables before it starts)` });
    return undefined;
  }
  return { elementId: start.id, kind, value };
}

/** Platform rules on every flow element; fills the model as it goes. */
function inspect(process: any, options: ValidateOptions, problems: DiagramProblem[], model: DiagramModel): void {
  for (const element of flowElements(process)) {
    const id = element.id;
    model.elements[id] = { type: element.$type, name: element.name };
    if (element.$type === 'bpmn:ScriptTask') problems.push({ rule: 'script-task', elementId: id, message: `script task ${id} is not allowed` });
    // bpmn-moddle accepts a flow without its ends; the engine then fails on the first start of the process.
    if (element.$type === 'bpmn:SequenceFlow' && (!element.sourceRef || !element.targetRef)) {
      problems.push({ rule: 'unconnected-sequence-flow', elementId: id, message: `sequence flow ${id} must name both its source and its target` });
    }
    if (element.$type === 'bpmn:SequenceFlow' && element.conditionExpression) {
      const condition = element.conditionExpression;
      if (condition.language) problems.push({ rule: 'script-condition', elementId: id, message: `condition of ${id} is a script (${condition.language})` });
      else if (expressionBody(condition.body ?? '') === undefined) problems.push({ rule: 'invalid-expression', elementId: id, message: `condition of ${id} must be \${FEEL expression}` });
      else checkExpression(condition.body, `condition of ${id}`, id, problems);
    }
    for (const definition of element.eventDefinitions ?? []) {
      if (definition.$type === 'bpmn:TimerEventDefinition') {
        for (const kind of ['timeDuration', 'timeDate', 'timeCycle']) {
          if (definition[kind]) checkExpression(definition[kind].body, `timer ${id}`, id, problems, timerLiteralProblem(kind));
        }
      }
      if (definition.$type === 'bpmn:MessageEventDefinition' && !definition.messageRef) {
        problems.push({ rule: 'message-without-ref', elementId: id, message: `message event ${id} names no message` });
      }
    }
    if (SERVICE_TYPES.includes(element.$type)) {
      const name = element.type === 'external' ? element.topic : SERVICE_PATH.exec(element.implementation ?? '')?.[1];
      if (!name) problems.push({ rule: 'unsupported-service-implementation', elementId: id, message: `${id}: use Implementation "External" with a topic naming a handler` });
      else if (!options.knownServices.has(name)) problems.push({ rule: 'unknown-service', elementId: id, message: `${id} calls service "${name}", which this server does not have` });
      else if (!model.serviceNames.includes(name)) model.serviceNames.push(name);
      if (name) {
        const properties = readProperties(element);
        // Properties are the handler's arguments; an expression among them must be FEEL that parses.
        for (const [key, value] of Object.entries(properties)) {
          for (const part of value.match(/\$\{[\s\S]+?\}/g) ?? []) checkExpression(part, `property ${key} of ${id}`, id, problems);
        }
        model.serviceTasks![id] = { id, name: element.name ?? id, service: name, properties };
      }
    }
    if (element.$type === 'bpmn:UserTask') {
      const task: UserTaskModel = {
        id,
        name: element.name ?? id,
        candidateGroups: splitList(element.candidateGroups),
        candidateUsers: splitList(element.candidateUsers),
        assignee: element.assignee,
        dueDate: element.dueDate,
        followUpDate: element.followUpDate,
        formKey: element.formKey,
        formFields: readFormFields(element, problems),
        properties: readProperties(element),
        multiInstance: readMultiInstance(element, problems),
      };
      if (!task.candidateGroups.length && !task.candidateUsers.length && !task.assignee) {
        problems.push({ rule: 'user-task-without-performer', elementId: id, message: `user task ${id} names no candidate group, candidate user or assignee` });
      }
      for (const name of [...task.candidateGroups, ...task.candidateUsers]) {
        if (name.includes('${')) checkExpression(name, `candidate of ${id}`, id, problems);
      }
      checkExpression(task.dueDate, `due date of ${id}`, id, problems);
      checkExpression(task.properties[TASK_TENANT_PROPERTY], `tenant of ${id}`, id, problems);
      checkExpression(task.followUpDate, `follow-up date of ${id}`, id, problems);
      model.userTasks[id] = task;
    }
  }
}

function readProperties(element: any): Record<string, string> {
  return Object.fromEntries((extension(element, 'camunda:Properties')?.values ?? []).map((p: any) => [p.name, p.value ?? '']));
}

/** Separation-of-duties properties must name real user tasks and say true or false. */
function checkSeparationOfDuties(model: DiagramModel, problems: DiagramProblem[]): void {
  for (const task of Object.values(model.userTasks)) {
    for (const other of splitTaskIds(task.properties[SEPARATE_FROM])) {
      if (other === task.id) {
        problems.push({ rule: 'invalid-separate-from', elementId: task.id, message: `${task.id}: separateFrom names the task itself` });
      } else if (!model.userTasks[other]) {
        problems.push({ rule: 'invalid-separate-from', elementId: task.id, message: `${task.id}: separateFrom names "${other}", which is not a user task of this process` });
      }
    }
    if (task.formFields.some((f) => f.id === REPORTED_BY_VARIABLE)) {
      problems.push({ rule: 'reserved-variable', elementId: task.id, message: `form field id ${REPORTED_BY_VARIABLE} is reserved: who reported a case is fixed at its start` });
    }
    const notInitiator = task.properties[NOT_INITIATOR];
    if (notInitiator !== undefined && !['true', 'false'].includes(notInitiator.trim())) {
      problems.push({ rule: 'invalid-not-initiator', elementId: task.id, message: `${task.id}: notInitiator must be true or false, not "${notInitiator}"` });
    }
    if (notInitiator?.trim() === 'true' && /^\$\{\s*initiator\s*\}$/.test(task.assignee ?? '')) {
      problems.push({ rule: 'invalid-not-initiator', elementId: task.id, message: `${task.id} is assigned to the initiator, whom notInitiator forbids to do it` });
    }
  }
}

/** Process-level properties: what kind of case this is and who may start one. */
function readProcessProperties(process: any, problems: DiagramProblem[], model: DiagramModel): void {
  const properties = readProperties(process);
  const caseType = properties.caseType?.trim();
  if (caseType !== undefined) {
    if ((CASE_TYPES as readonly string[]).includes(caseType)) model.caseType = caseType as CaseType;
    else problems.push({ rule: 'invalid-case-type', elementId: process.id, message: `caseType must be one of ${CASE_TYPES.join(', ')}, not "${caseType}"` });
  }
  if (properties.participatingTenants !== undefined) {
    model.participatingTenants = properties.participatingTenants.trim();
    if (expressionBody(model.participatingTenants) === undefined) {
      problems.push({ rule: 'invalid-expression', elementId: process.id, message: 'participatingTenants must be ${…}, e.g. ${betrokkenGemeenten}' });
    } else checkExpression(model.participatingTenants, 'participatingTenants', process.id, problems);
  }
  if (properties.startableBy !== undefined) {
    model.startableBy = splitTaskIds(properties.startableBy);
    if (model.startableBy.length === 0) problems.push({ rule: 'invalid-startable-by', elementId: process.id, message: 'startableBy names no role (leave it out to let anyone start)' });
  }
}

export interface ValidatedDiagram {
  model: DiagramModel;
  moddleRoot: unknown;
  /** bpmnlint findings at level warn: reported to the deployer, not a reason to refuse. */
  warnings: DiagramProblem[];
}

/**
 * Turns uploaded BPMN XML into the platform's model of it, or refuses it with ONE error that
 * lists every problem (platform rules and bpmnlint errors). Never throws anything else.
 */
export async function validateDiagram(xml: string, options: ValidateOptions): Promise<ValidatedDiagram> {
  const guard = guardXml(typeof xml === 'string' ? xml : '', options.maxBytes ?? DEFAULT_MAX_DIAGRAM_BYTES);
  if (guard.length) throw new DiagramRejectedError(guard);

  let parsed: Awaited<ReturnType<BpmnModdle['fromXML']>>;
  try {
    parsed = await new BpmnModdle(moddleOptions).fromXML(xml);
  } catch (err) {
    throw new DiagramRejectedError([{ rule: 'not-well-formed', message: `not a BPMN document: ${(err as Error).message.split('\n')[0]}` }]);
  }
  const problems: DiagramProblem[] = [];
  for (const warning of parsed.warnings ?? []) {
    const message = String(warning.message ?? warning);
    if (/unresolved reference|unknown type|unparsable content/i.test(message)) problems.push({ rule: 'invalid-bpmn', message: message.split('\n')[0] });
  }
  const root = parsed.rootElement;
  const processes = (root?.rootElements ?? []).filter((e: any) => e.$type === 'bpmn:Process' && e.isExecutable);
  if (processes.length === 0) problems.push({ rule: 'no-executable-process', message: 'the diagram has no executable process' });
  if (processes.length > 1) problems.push({ rule: 'multiple-executable-processes', message: 'a diagram may hold one executable process' });
  const process = processes[0];
  const model: DiagramModel = {
    processKey: process?.id ?? '',
    processName: process?.name ?? process?.id ?? '',
    userTasks: {},
    messages: (root?.rootElements ?? [])
      .filter((e: any) => e.$type === 'bpmn:Message')
      .map((m: any) => ({ id: m.id, name: m.name ?? m.id })),
    serviceNames: [],
    serviceTasks: {},
    elements: {},
  };
  if (process) {
    inspect(process, options, problems, model);
    model.timerStart = readTimerStart(process, problems);
    readProcessProperties(process, problems, model);
    checkSeparationOfDuties(model, problems);
  }
  const lint = await lintDiagram(root);
  problems.push(...lint.errors);
  if (problems.length) throw new DiagramRejectedError(problems);
  return { model, moddleRoot: root, warnings: lint.warnings };
}
