/**
 * The process runtime: the only module that talks to bpmn-engine. Everything above it works
 * with saved states, actions and step results.
 */
export { ENGINE_VERSION, loopResultsVariable, runEngineStep } from './engine-step';
export type { HistoryEvent, LoopIteration, StepAction, StepInput, StepResult, WaitingElement } from './engine-step';
export type { ArmedTimer } from './durable-timers';
export type { ServiceCall } from './service-bridge';
export { DefinitionCache, compileSource, loadSource } from './source-context';
export { RuntimeError, RuntimeErrorCode } from './runtime-error';
export { evaluateFeel, expressionBody, isPropertyPath, resolvePropertyPath, businessVariables, resolveWithVariables } from './expression-language';
