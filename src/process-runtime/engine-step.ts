import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Engine } from 'bpmn-engine';
import { businessVariables, engineExpressions } from './expression-language';
import { ArmedTimer, DurableTimers } from './durable-timers';
import { RuntimeError, RuntimeErrorCode } from './runtime-error';
import { ServiceCall, ServiceRecorder } from './service-bridge';
import { moddleOptions } from './source-context';

/** Version of bpmn-engine that wrote a state; stored per instance because states straddle upgrades. */
export const ENGINE_VERSION: string = installedVersion('bpmn-engine');

function installedVersion(pkg: string): string {
  // The package's exports hide package.json, so walk up from its entry point.
  let dir = path.dirname(require.resolve(pkg));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (json.name === pkg) return json.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/** What to do to the instance in this step. */
export type StepAction =
  /**
   * Start a new instance. `startTimerId`: the process's timer start event, which fires at once
   * (the platform's schedule decides when timer-started instances begin, not the engine).
   */
  | { kind: 'start'; variables: Record<string, unknown>; startTimerId?: string }
  /** Complete a waiting user task with form values (already validated). */
  | { kind: 'complete'; elementId: string; executionId: string; values: Record<string, unknown> }
  /** Deliver a message to the element(s) waiting for the bpmn:message with this id. */
  | { kind: 'message'; messageId: string; values: Record<string, unknown> }
  /** Let due timers fire (and nothing else). */
  | { kind: 'wake' };

export interface StepInput {
  sourceContext: unknown;
  /** Saved state; absent only for `start`. */
  state?: unknown;
  action: StepAction;
  knownServices: ReadonlySet<string>;
  timeoutMs: number;
}

export interface WaitingElement {
  elementId: string;
  executionId: string;
  type: string;
  /** For message catch events: the bpmn:message name. */
  messageName?: string;
  /** For one iteration of a multi-instance activity: its index and its own variables. */
  loop?: LoopIteration;
}

export interface LoopIteration {
  index: number;
  /** The element variable (camunda:elementVariable, default `item`) and `loopCounter`, as in Camunda. */
  variables: Record<string, unknown>;
}

/**
 * The list variable the form values of a multi-instance user task's iterations are collected in,
 * one entry per completed iteration (its element variable plus the values), in completion order.
 * Iterations do not write their values as separate process variables: parallel answers would
 * overwrite each other.
 */
export const loopResultsVariable = (elementId: string) => `${elementId}Results`;

export interface HistoryEvent {
  elementId: string;
  elementType: string;
  kind: 'entered' | 'left';
  at: Date;
}

export interface StepResult {
  state: unknown;
  status: 'running' | 'completed' | 'failed';
  failure?: string;
  waiting: WaitingElement[];
  timers: ArmedTimer[];
  variables: Record<string, unknown>;
  serviceCalls: ServiceCall[];
  history: HistoryEvent[];
}

/** Scripts are refused at deployment; this handler makes sure none could ever run. */
const noScripts = {
  register() {},
  getScript() {
    return undefined;
  },
};

/**
 * One command on one instance: build a fresh engine, recover the saved state (or start),
 * apply the action, run to the next wait, and return everything that must be persisted.
 * No engine outlives this call.
 */
export async function runEngineStep(input: StepInput): Promise<StepResult> {
  const timers = new DurableTimers(new Set(input.action.kind === 'start' && input.action.startTimerId ? [input.action.startTimerId] : []));
  const recorder = new ServiceRecorder(input.knownServices);
  const history: HistoryEvent[] = [];
  const listener = new EventEmitter();
  listener.on('activity.enter', (api: any) => {
    if (!api.content?.isRecovered) history.push({ elementId: api.id, elementType: api.type, kind: 'entered', at: new Date() });
  });
  listener.on('activity.leave', (api: any) => {
    // Elements on a path not taken are "discarded" and left without ever being entered.
    if (api.content?.discardSequence) return;
    history.push({ elementId: api.id, elementType: api.type, kind: 'left', at: new Date() });
  });

  const engine = new Engine({
    name: 'privacyflow',
    sourceContext: input.sourceContext as any,
    moddleOptions,
    expressions: engineExpressions as any,
    scripts: noScripts as any,
    timers: timers.timers,
    services: recorder.servicesObject(),
    extensions: { privacyflowServices: recorder.extension() },
    settings: { enableDummyService: false },
  } as any);

  let failure: string | undefined;
  let ended = false;
  engine.on('error', (err: Error) => {
    failure = err?.message ?? String(err);
  });
  engine.once('end', () => {
    ended = true;
  });

  const { action } = input;
  if (action.kind === 'start') {
    await engine.execute({ listener, variables: action.variables } as any);
  } else {
    engine.recover(structuredClone(input.state) as any);
    await engine.resume({ listener } as any);
  }
  await settle(engine, timers, input.timeoutMs);

  if (!failure && !ended && (action.kind === 'complete' || action.kind === 'message')) {
    applyAction(engine, action);
    await settle(engine, timers, input.timeoutMs);
  }

  const state: any = await engine.getState();
  for (const definition of state.definitions ?? []) delete definition.source;
  const waiting = ended || failure ? [] : waitingElements(engine);
  const variables = businessVariables(processVariables(state));
  const armed = ended || failure ? [] : timers.armed();
  if (engine.state === 'running') await engine.stop();

  return {
    state,
    status: failure ? 'failed' : ended ? 'completed' : 'running',
    failure,
    waiting,
    timers: armed,
    variables,
    serviceCalls: recorder.calls,
    history,
  };
}

/**
 * Everything waiting, also inside (nested) sub-processes: the definition's getPostponed() only
 * lists a sub-process itself, its waiting children come from the sub-process's own API.
 */
function allPostponed(engine: any): any[] {
  const result: any[] = [];
  const visit = (apis: any[], depth: number) => {
    for (const api of apis) {
      result.push(api);
      if (api.type === 'bpmn:SubProcess' && depth < 20) {
        visit((api.getPostponed?.() ?? []).filter((child: any) => child.executionId !== api.executionId), depth + 1);
      }
    }
  };
  visit(engine.execution?.getPostponed() ?? [], 0);
  return result;
}

function applyAction(engine: any, action: Extract<StepAction, { kind: 'complete' | 'message' }>): void {
  const postponed: any[] = allPostponed(engine);
  // Check id and executionId against what really waits: the engine itself completes a non-looped
  // task for any executionId, so a stale submission could complete a later visit.
  const task = action.kind === 'complete' ? waitingElements(engine).find((w) => w.elementId === action.elementId && w.executionId === action.executionId) : undefined;
  const target = action.kind === 'complete' ? task : postponed.find((api) => api.content?.message?.id === action.messageId);
  if (!target) {
    const what = action.kind === 'complete' ? `${action.elementId} (${action.executionId})` : `message ${action.messageId}`;
    throw new RuntimeError(RuntimeErrorCode.NOT_WAITING, `${what} is not waiting in this instance`);
  }
  // Values become process variables before the element completes, as in Camunda. A running
  // sub-process works on a copy of the process environment taken when it started, so the values
  // go to every environment in use: the process's and each sub-process's.
  const processes = engine.execution.definitions[0].getRunningProcesses();
  const environments = new Set<any>(processes.map((p: any) => p.environment));
  for (const api of postponed) if (api.environment) environments.add(api.environment);
  if (task?.loop) {
    const name = loopResultsVariable(task.elementId);
    const previous = processes[0]?.environment.variables[name];
    const entry = { ...task.loop.variables, ...action.values };
    for (const environment of environments) environment.assignVariables({ [name]: [...(Array.isArray(previous) ? previous : []), entry] });
  } else if (Object.keys(action.values).length > 0) {
    for (const environment of environments) environment.assignVariables(action.values);
  }
  // A multi-instance iteration is addressed by its own executionId (bpmn-elements checks it only there).
  if (action.kind === 'complete') engine.execution.signal({ id: action.elementId, executionId: action.executionId });
  else engine.execution.signal({ id: action.messageId });
}

/** Waits until the engine is at rest: not executing and no due timer left to fire. */
async function settle(engine: any, timers: DurableTimers, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (engine.state !== 'running') return;
    if (engine.activityStatus !== 'executing' && timers.firing === 0) return;
    if (Date.now() > deadline) {
      if (engine.state === 'running') await engine.stop();
      throw new RuntimeError(RuntimeErrorCode.STEP_TIMEOUT, `engine did not come to rest within ${timeoutMs} ms`);
    }
  }
}

function waitingElements(engine: any): WaitingElement[] {
  const result: WaitingElement[] = [];
  for (const api of allPostponed(engine)) {
    // A flow waiting at a parallel join is listed too; it is not an element anyone waits in.
    if (api.type === 'bpmn:SequenceFlow') continue;
    const content = api.content ?? {};
    if (content.isMultiInstance) {
      // The postponed element is the loop's root; its waiting iterations each have their own
      // executionId (`<root>_<index>`) and carry the element variable in their content.
      const elementVariable: string = api.owner?.behaviour?.loopCharacteristics?.behaviour?.elementVariable || 'item';
      for (const iteration of api.getExecuting?.() ?? []) {
        const { index } = iteration.content ?? {};
        if (typeof index !== 'number' || iteration.executionId === api.executionId) continue;
        result.push({
          elementId: api.id,
          executionId: iteration.executionId,
          type: api.type,
          loop: { index, variables: { [elementVariable]: iteration.content[elementVariable], loopCounter: index } },
        });
      }
      continue;
    }
    result.push({
      elementId: api.id,
      executionId: api.executionId,
      type: api.type,
      messageName: content.message?.messageType === 'message' ? content.message.name : undefined,
    });
  }
  return result;
}

function processVariables(state: any): Record<string, unknown> {
  const processes = state.definitions?.[0]?.execution?.processes ?? [];
  return Object.assign({}, ...processes.map((p: any) => p.environment?.variables ?? {}));
}
