import { randomUUID } from 'node:crypto';
import type { Actor } from '../identity/actor';
import { canReportOnBehalf, canStartIn, canStartProcess } from '../identity/access-policy';
import type { EntityManager } from 'typeorm';
import { ProcessDefinitionEntity, ProcessInstanceEntity } from '../persistence/entities';
import { jsonb } from '../persistence/jsonb';
import { ENGINE_VERSION, StepResult } from '../process-runtime';
import { RESERVED_VARIABLE_NAMES } from '../process-runtime/expression-language';
import { appendAudit, auditableNames } from './audit-trail';
import { InstanceCommands } from './instance-commands';
import { REPORTED_BY_VARIABLE } from './separation-of-duties';
import { persistStep } from './step-persistence';
import { WorkflowError, WorkflowErrorCode } from './workflow-error';

export interface StartProcessProps {
  /** Key (bpmn:process id) of the process; the latest deployed version is started. */
  processKey: string;
  /** The case's key in the outside world (e.g. the zaak identificatie); used to correlate messages. */
  businessKey?: string | null;
  variables?: Record<string, unknown>;
  /** Municipality the case belongs to; may be omitted by actors who work for one municipality only. */
  tenantId?: string | null;
  actor: Actor;
  /**
   * Domain work that belongs to starting this case (e.g. the incident report row); runs inside the
   * start transaction after the instance row exists, so both commit or neither does.
   */
  onStarted?: (em: EntityManager, instance: ProcessInstanceEntity) => Promise<void>;
}

/** Names the engine or the platform itself sets; callers may not supply them. */
const PLATFORM_VARIABLES = new Set<string>([...RESERVED_VARIABLE_NAMES, 'initiator', 'businessKey', 'tenantId']);

export function resolveTenant(actor: Actor, tenantId?: string | null): string {
  if (tenantId) return tenantId;
  if (actor.tenants.length === 1) return actor.tenants[0];
  throw new WorkflowError(WorkflowErrorCode.TENANT_REQUIRED, 'you work for several municipalities: say for which one');
}

/**
 * Business key and reportedBy are indexed; a PostgreSQL btree entry holds at most ~2.7 kB, so longer
 * values would fail the insert with a driver error (found by the GraphQL fuzz test).
 */
export const MAX_INDEXED_TEXT_LENGTH = 255;

function checkBusinessKey(businessKey: string | null | undefined): void {
  if (businessKey != null && businessKey.length > MAX_INDEXED_TEXT_LENGTH) {
    throw new WorkflowError(WorkflowErrorCode.INVALID_BUSINESS_KEY, `a business key has at most ${MAX_INDEXED_TEXT_LENGTH} characters`, { limit: MAX_INDEXED_TEXT_LENGTH });
  }
}

function checkVariables(variables: Record<string, unknown>): void {
  const bad = Object.keys(variables).filter((k) => PLATFORM_VARIABLES.has(k) || k.startsWith('__'));
  if (bad.length) {
    throw new WorkflowError(WorkflowErrorCode.INVALID_VARIABLES, `variables may not be named ${bad.join(', ')}`, { fields: bad });
  }
}

interface NewInstance {
  definition: ProcessDefinitionEntity;
  tenantId: string;
  businessKey: string | null;
  variables: Record<string, unknown>;
  actor: Actor;
  onStarted?: StartProcessProps['onStarted'];
}

/**
 * Runs the engine of a new instance to its first wait. A new instance needs no lock, so this may
 * run before its transaction opens. A timer start event fires at once: whoever starts the
 * instance (a person, or the schedule in timer-start-firing) decided that it is time.
 */
async function runStart(commands: InstanceCommands, instanceId: string, props: NewInstance): Promise<StepResult> {
  const { definition, actor, businessKey, tenantId } = props;
  const step = await commands.step(definition, undefined, {
    kind: 'start',
    variables: { ...props.variables, initiator: actor.userId, businessKey, tenantId, instanceId },
    startTimerId: definition.model.timerStart?.elementId,
  });
  InstanceCommands.refuseFailedStep(step, actor);
  return step;
}

/** Stores a started instance with its tasks, timers and audit entry, inside `em`'s transaction. */
async function storeStarted(em: EntityManager, instanceId: string, step: StepResult, props: NewInstance): Promise<ProcessInstanceEntity> {
  const { definition, actor, tenantId } = props;
  const instance = em.create(ProcessInstanceEntity, {
    id: instanceId,
    tenantId,
    participatingTenants: [],
    definitionId: definition.id,
    processKey: definition.processKey,
    definitionVersion: definition.version,
    businessKey: props.businessKey,
    status: 'running',
    state: null,
    variables: {},
    activeElementIds: [],
    waitingMessages: [],
    engineVersion: ENGINE_VERSION,
    revision: 0,
    startedBy: actor.userId,
    startedAt: new Date(),
    endedAt: null,
    failure: null,
  });
  await em.insert(ProcessInstanceEntity, jsonb(instance));
  await persistStep(em, instance, definition.model, step, actor);
  await props.onStarted?.(em, instance);
  await appendAudit(em, actor, {
    tenantId,
    action: 'process.started',
    instanceId,
    details: { processKey: definition.processKey, version: definition.version, ...auditableNames(Object.keys(props.variables)) },
  });
  return instance;
}

/** Checks the request and finds the definition (read through `em` when the caller holds a transaction). */
async function prepareStart(commands: InstanceCommands, props: StartProcessProps, em?: EntityManager): Promise<NewInstance> {
  const variables = props.variables ?? {};
  checkVariables(variables);
  checkBusinessKey(props.businessKey);
  if (REPORTED_BY_VARIABLE in variables && !canReportOnBehalf(props.actor)) {
    throw new WorkflowError(WorkflowErrorCode.INVALID_VARIABLES, `only an integration may report a case on someone's behalf (${REPORTED_BY_VARIABLE})`, {
      fields: [REPORTED_BY_VARIABLE],
    });
  }
  const reportedBy = variables[REPORTED_BY_VARIABLE];
  if (reportedBy !== undefined && (typeof reportedBy !== 'string' || reportedBy.length > MAX_INDEXED_TEXT_LENGTH)) {
    throw new WorkflowError(WorkflowErrorCode.INVALID_VARIABLES, `${REPORTED_BY_VARIABLE} is a username of at most ${MAX_INDEXED_TEXT_LENGTH} characters`, {
      fields: [REPORTED_BY_VARIABLE],
    });
  }
  const tenantId = resolveTenant(props.actor, props.tenantId);
  if (!canStartIn(props.actor, tenantId)) {
    throw new WorkflowError(WorkflowErrorCode.PROCESS_NOT_FOUND, `process ${props.processKey} not found`);
  }
  const definition = await commands.definitions.latest(props.processKey, em);
  if (!definition) throw new WorkflowError(WorkflowErrorCode.PROCESS_NOT_FOUND, `process ${props.processKey} not found`);
  if (!canStartProcess(props.actor, tenantId, definition.model)) {
    throw new WorkflowError(WorkflowErrorCode.FORBIDDEN, `your roles may not start process ${props.processKey}`, {
      startableBy: definition.model.startableBy ?? [],
    });
  }
  return { definition, tenantId, businessKey: props.businessKey ?? null, variables, actor: props.actor, onStarted: props.onStarted };
}

/** Starts a case: the engine runs to its first wait, and instance + tasks + timers commit together. */
export async function startProcess(commands: InstanceCommands, props: StartProcessProps): Promise<ProcessInstanceEntity> {
  const start = await prepareStart(commands, props);
  const instanceId = randomUUID();
  const step = await runStart(commands, instanceId, start);
  return commands.transaction((em) => storeStarted(em, instanceId, step, start));
}

/**
 * Starts a case inside a transaction the caller holds: a service handler's (the outbox relay's
 * transaction), so the new case commits with the call being marked done, and a single-connection
 * pool (embedded PGlite) is not asked for a second connection.
 */
export async function startProcessWithin(commands: InstanceCommands, em: EntityManager, props: StartProcessProps): Promise<ProcessInstanceEntity> {
  const start = await prepareStart(commands, props, em);
  const instanceId = randomUUID();
  return storeStarted(em, instanceId, await runStart(commands, instanceId, start), start);
}

/** Starts a case inside a transaction the caller holds (the timer start schedule's). */
export async function startProcessIn(
  commands: InstanceCommands,
  em: EntityManager,
  definition: ProcessDefinitionEntity,
  tenantId: string,
  actor: Actor,
): Promise<ProcessInstanceEntity> {
  const instanceId = randomUUID();
  const start: NewInstance = { definition, tenantId, businessKey: null, variables: {}, actor };
  return storeStarted(em, instanceId, await runStart(commands, instanceId, start), start);
}
