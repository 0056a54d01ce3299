/**
 * What the platform needs to know about a deployed diagram, read once at deployment time
 * from the BPMN XML (bpmn-moddle + the Camunda moddle extension). Stored as JSON with the
 * definition, so task projection and form validation never re-parse XML.
 */

/** Camunda Modeler form field types (camunda:formField@type). */
export type FormFieldType = 'string' | 'long' | 'double' | 'boolean' | 'date' | 'enum';

export interface FormFieldOption {
  id: string;
  name: string;
}

export interface FormFieldConstraints {
  minlength?: number;
  maxlength?: number;
  min?: number;
  max?: number;
}

/** One camunda:formField of an embedded form (camunda:formData). */
export interface FormField {
  id: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  readonly: boolean;
  /** camunda:formField@defaultValue, as written in the diagram. */
  defaultValue?: string;
  /** Only for type enum: the camunda:value children. */
  options?: FormFieldOption[];
  constraints: FormFieldConstraints;
}

export interface UserTaskModel {
  id: string;
  name: string;
  candidateGroups: string[];
  candidateUsers: string[];
  /** camunda:assignee: a user id or an expression such as ${initiator}. */
  assignee?: string;
  /** camunda:dueDate: ISO date-time, or ${FEEL expression}. */
  dueDate?: string;
  /** camunda:followUpDate: ISO date-time, or ${FEEL expression}. */
  followUpDate?: string;
  formKey?: string;
  formFields: FormField[];
  /**
   * camunda:properties name → value (e.g. separateFrom, notInitiator; `tenant`, `${…}`: the
   * municipality whose staff get the task, one of the case's participating tenants).
   */
  properties: Record<string, string>;
  /** bpmn:multiInstanceLoopCharacteristics: one task per element of a collection (or per count). */
  multiInstance?: MultiInstanceModel;
}

/** User task property naming the municipality whose staff get the task (see UserTaskModel.properties). */
export const TASK_TENANT_PROPERTY = 'tenant';

export interface MultiInstanceModel {
  /** camunda:collection, `${…}`: the list iterated over. */
  collection?: string;
  /** camunda:elementVariable: the name each iteration's element is visible under (default `item`). */
  elementVariable: string;
  /** bpmn:loopCardinality, when there is no collection. */
  cardinality?: string;
  /** isSequential: one after another instead of all at once. */
  sequential: boolean;
}

export interface MessageModel {
  /** bpmn:message@id: the id bpmn-engine must be signalled with. */
  id: string;
  /** bpmn:message@name: the name integrators correlate by. */
  name: string;
}

/** What kind of case a process handles (process-level extension property `caseType`). */
export const CASE_TYPES = ['incident', 'data-subject-request', 'dpia'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export interface DiagramModel {
  /** id of the single executable bpmn:process: the key instances are started by. */
  processKey: string;
  processName: string;
  /** Process property `caseType`; decides supervisory read rights (a CISO reads incidents). Absent in diagrams deployed before it existed. */
  caseType?: CaseType;
  /** Process property `startableBy`: roles that may start the process; empty = anyone working for the municipality. */
  startableBy?: string[];
  /**
   * Process property `participatingTenants`, `${…}`: the municipalities a case is shared with besides
   * the one that owns it (one incident in a shared application affecting several municipalities).
   * Evaluated after every step; see src/workflow/participating-tenants.ts.
   */
  participatingTenants?: string;
  userTasks: Record<string, UserTaskModel>;
  messages: MessageModel[];
  /** Handler names used by service/send tasks (camunda:topic or ${environment.services.x}). */
  serviceNames: string[];
  /**
   * Service/send tasks by id: the handler they call and their extension properties, which a
   * handler reads as its arguments (`resultaat`, `document`, …; FEEL `${…}` or literal text).
   * Absent in diagrams deployed before it existed.
   */
  serviceTasks?: Record<string, ServiceTaskModel>;
  /** Every flow element id → its type and name, for history and the instance view. */
  elements: Record<string, { type: string; name?: string }>;
  /** The process's timer start event: the platform starts instances on this schedule. */
  timerStart?: TimerStartModel;
}

export interface ServiceTaskModel {
  id: string;
  name: string;
  /** camunda:topic, or the name in ${environment.services.x}. */
  service: string;
  properties: Record<string, string>;
}

export interface TimerStartModel {
  elementId: string;
  kind: 'timeDate' | 'timeCycle' | 'timeDuration';
  /** The literal ISO 8601 value (no expressions: there are no variables before a case exists). */
  value: string;
}
