export enum WorkflowErrorCode {
  PROCESS_NOT_FOUND = 'PROCESS_NOT_FOUND',
  INSTANCE_NOT_FOUND = 'INSTANCE_NOT_FOUND',
  INSTANCE_NOT_RUNNING = 'INSTANCE_NOT_RUNNING',
  TASK_NOT_FOUND = 'TASK_NOT_FOUND',
  TASK_ALREADY_COMPLETED = 'TASK_ALREADY_COMPLETED',
  TASK_HELD_BY_OTHER = 'TASK_HELD_BY_OTHER',
  TASK_NOT_CLAIMED_BY_YOU = 'TASK_NOT_CLAIMED_BY_YOU',
  NOT_A_CANDIDATE = 'NOT_A_CANDIDATE',
  FORM_INVALID = 'FORM_INVALID',
  TENANT_REQUIRED = 'TENANT_REQUIRED',
  MESSAGE_NOT_CORRELATED = 'MESSAGE_NOT_CORRELATED',
  MESSAGE_AMBIGUOUS = 'MESSAGE_AMBIGUOUS',
  INVALID_VARIABLES = 'INVALID_VARIABLES',
  INVALID_BUSINESS_KEY = 'INVALID_BUSINESS_KEY',
  INVALID_ASSIGNEE = 'INVALID_ASSIGNEE',
  STEP_FAILED = 'PROCESS_STEP_FAILED',
  FORBIDDEN = 'FORBIDDEN',
  /** A separation-of-duties rule of the diagram forbids this person to perform the task. */
  SEPARATION_OF_DUTIES = 'SEPARATION_OF_DUTIES',
  /** The case's participating tenants (diagram property participatingTenants) are not a list of tenant ids. */
  PARTICIPATING_TENANTS_INVALID = 'PARTICIPATING_TENANTS_INVALID',
  /** A task's `tenant` names a municipality that neither owns nor participates in the case. */
  TASK_TENANT_NOT_PARTICIPATING = 'TASK_TENANT_NOT_PARTICIPATING',
}

/** A refusal of a workflow command. Nothing was changed when this is thrown. */
export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}
