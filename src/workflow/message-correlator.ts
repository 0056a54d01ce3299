import { Raw, type EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { worksFor } from '../identity/access-policy';
import { ProcessInstanceEntity } from '../persistence/entities';
import { appendAudit, auditableNames } from './audit-trail';
import { InstanceCommands } from './instance-commands';
import { resolveTenant } from './process-starter';
import { REPORTED_BY_VARIABLE } from './separation-of-duties';
import { persistStep } from './step-persistence';
import { WorkflowError, WorkflowErrorCode } from './workflow-error';

export interface CorrelateMessageProps {
  /** bpmn:message@name as modelled. */
  messageName: string;
  businessKey: string;
  variables?: Record<string, unknown>;
  tenantId?: string | null;
  actor: Actor;
  /**
   * Domain work that belongs to receiving this message (e.g. recording an objection); runs inside the
   * correlation transaction after the step is stored, so both commit or neither does.
   */
  onCorrelated?: (em: EntityManager, instance: ProcessInstanceEntity) => Promise<void>;
}

/**
 * Delivers a message to the one running instance of the tenant with this business key that
 * waits for it. None → MESSAGE_NOT_CORRELATED, several → MESSAGE_AMBIGUOUS (nothing changes).
 */
export async function correlateMessage(commands: InstanceCommands, props: CorrelateMessageProps): Promise<ProcessInstanceEntity> {
  // Who reported the case is fixed at its start: a message must not move the notInitiator rule.
  if (props.variables && REPORTED_BY_VARIABLE in props.variables) {
    throw new WorkflowError(WorkflowErrorCode.INVALID_VARIABLES, `variables may not be named ${REPORTED_BY_VARIABLE}`, { fields: [REPORTED_BY_VARIABLE] });
  }
  const tenantId = resolveTenant(props.actor, props.tenantId);
  const notCorrelated = () =>
    new WorkflowError(WorkflowErrorCode.MESSAGE_NOT_CORRELATED, `no case ${props.businessKey} waits for message ${props.messageName}`);
  // Another municipality's cases answer exactly like cases that do not exist.
  if (!worksFor(props.actor, tenantId)) throw notCorrelated();
  return commands.transaction(async (em) => {
    const candidates = await em.find(ProcessInstanceEntity, {
      select: { id: true },
      where: {
        tenantId,
        businessKey: props.businessKey,
        status: 'running',
        waitingMessages: Raw((column) => `${column} @> ARRAY[:name]::text[]`, { name: props.messageName }),
      },
    });
    if (candidates.length === 0) throw notCorrelated();
    if (candidates.length > 1) {
      throw new WorkflowError(WorkflowErrorCode.MESSAGE_AMBIGUOUS, `${candidates.length} cases ${props.businessKey} wait for message ${props.messageName}`);
    }
    const locked = await commands.lock(em, candidates[0].id);
    if (!locked || locked.instance.status !== 'running' || !locked.instance.waitingMessages.includes(props.messageName)) {
      throw new WorkflowError(WorkflowErrorCode.MESSAGE_NOT_CORRELATED, `case ${props.businessKey} no longer waits for message ${props.messageName}`);
    }
    const { instance, definition } = locked;
    const message = definition.model.messages.find((m) => m.name === props.messageName);
    if (!message) throw new WorkflowError(WorkflowErrorCode.MESSAGE_NOT_CORRELATED, `unknown message ${props.messageName}`);
    const step = await commands.step(definition, instance.state, { kind: 'message', messageId: message.id, values: props.variables ?? {} });
    InstanceCommands.refuseFailedStep(step, props.actor);
    await persistStep(em, instance, definition.model, step, props.actor);
    await props.onCorrelated?.(em, instance);
    await appendAudit(em, props.actor, {
      tenantId,
      action: 'message.correlated',
      instanceId: instance.id,
      details: { message: props.messageName, ...auditableNames(Object.keys(props.variables ?? {})) },
    });
    return instance;
  });
}
