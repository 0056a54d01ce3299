export enum RuntimeErrorCode {
  /** The engine did not come to rest within the step timeout. */
  STEP_TIMEOUT = 'ENGINE_STEP_TIMEOUT',
  /** The element/execution to signal is not waiting in the engine. */
  NOT_WAITING = 'ENGINE_NOT_WAITING',
}

export class RuntimeError extends Error {
  constructor(readonly code: RuntimeErrorCode, message: string) {
    super(message);
    this.name = 'RuntimeError';
  }
}
