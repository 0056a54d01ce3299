import type { Actor } from '../identity/actor';
import type { WorkflowService } from '../workflow/workflow-service';

/** Per-request context: the verified actor and the domain services. */
export interface RequestContext {
  actor: Actor;
  workflow: WorkflowService;
}
