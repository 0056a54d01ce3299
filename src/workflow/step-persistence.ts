import { randomUUID } from 'node:crypto';
import { EntityManager, In, Not } from 'typeorm';
import type { DiagramModel } from '../deployment/diagram-model';
import type { Actor } from '../identity/actor';
import {
  InstanceEventEntity,
  OutboxMessageEntity,
  ProcessInstanceEntity,
  TimerJobEntity,
  UserTaskEntity,
} from '../persistence/entities';
import { jsonb } from '../persistence/jsonb';
import type { StepResult } from '../process-runtime';
import { recordCaseClosed } from './case-closure';
import { participatingTenantsAfterStep, taskTenant } from './participating-tenants';
import { separationRulesFor } from './separation-of-duties';
import { projectTask } from './task-projection';

export interface CompletedTaskUpdate {
  taskId: string;
  output: Record<string, unknown>;
}

/**
 * Writes everything one engine step produced, inside the command's transaction: instance
 * state, the task projection, armed timers, recorded service calls, history and — when the
 * case ends — the start of its retention period. The caller appends the audit entry in the same transaction.
 */
export async function persistStep(
  em: EntityManager,
  instance: ProcessInstanceEntity,
  model: DiagramModel,
  step: StepResult,
  actor: Actor,
  completed?: CompletedTaskUpdate,
): Promise<ProcessInstanceEntity> {
  const now = new Date();
  const waitingTasks = step.waiting.filter((w) => w.type === 'bpmn:UserTask' && model.userTasks[w.elementId]);
  // Before anything is written: a list that is no list of tenant ids refuses the whole command.
  instance.participatingTenants = participatingTenantsAfterStep(model, step.variables, instance.tenantId, instance.participatingTenants ?? []);
  const tenantOf = (w: (typeof waitingTasks)[number]) =>
    taskTenant(model.userTasks[w.elementId], { ...step.variables, ...w.loop?.variables }, instance.tenantId, instance.participatingTenants);
  const tenants = new Map(waitingTasks.map((w) => [w.executionId, tenantOf(w)]));
  instance.state = step.state;
  instance.variables = step.variables;
  instance.status = step.status;
  instance.failure = step.failure ?? null;
  instance.activeElementIds = [...new Set(step.waiting.map((w) => w.elementId))];
  instance.waitingMessages = [...new Set(step.waiting.map((w) => w.messageName).filter((n): n is string => !!n))];
  instance.revision += 1;
  if (step.status !== 'running') instance.endedAt = now;
  await em.save(ProcessInstanceEntity, instance);
  if (step.status === 'completed') await recordCaseClosed(em, instance, model, step.history, now);

  if (completed) {
    await em.update(UserTaskEntity, { id: completed.taskId }, {
      status: 'completed',
      completedAt: now,
      completedBy: actor.userId,
      output: jsonb(completed.output),
    });
  }

  // Tasks no longer waiting in the engine (an interrupting timer, a terminated branch) are cancelled.
  const executionIds = waitingTasks.map((w) => w.executionId);
  await em.update(
    UserTaskEntity,
    executionIds.length
      ? { instanceId: instance.id, status: 'open', executionId: Not(In(executionIds)) }
      : { instanceId: instance.id, status: 'open' },
    { status: 'cancelled', completedAt: now },
  );
  if (waitingTasks.length) {
    const rows = waitingTasks.map((w) => ({
      id: randomUUID(),
      instanceId: instance.id,
      tenantId: tenants.get(w.executionId)!,
      processKey: instance.processKey,
      businessKey: instance.businessKey,
      elementId: w.elementId,
      executionId: w.executionId,
      status: 'open' as const,
      createdAt: now,
      localVariables: w.loop ? jsonb(w.loop.variables) : null,
      ...projectTask(model.userTasks[w.elementId], { ...step.variables, ...w.loop?.variables }),
      ...separationRulesFor(model, w.elementId),
    }));
    // A task still waiting keeps its row (and its assignee); only new waits get a row.
    await em.createQueryBuilder().insert().into(UserTaskEntity).values(rows).orIgnore().execute();
  }

  await em.delete(TimerJobEntity, { instanceId: instance.id });
  if (step.timers.length) {
    await em.insert(
      TimerJobEntity,
      step.timers.map((t) => ({ instanceId: instance.id, executionId: t.executionId, elementId: t.elementId, dueAt: t.dueAt })),
    );
  }

  if (step.serviceCalls.length) {
    await em
      .createQueryBuilder()
      .insert()
      .into(OutboxMessageEntity)
      .values(
        step.serviceCalls.map((call) => ({
          id: randomUUID(),
          instanceId: instance.id,
          tenantId: instance.tenantId,
          service: call.service,
          payload: jsonb({ elementId: call.elementId, executionId: call.executionId, variables: step.variables }),
          dedupeKey: `${instance.id}:${call.executionId}`,
          status: 'pending' as const,
          attempts: 0,
          // Due at once by the database's clock, the one the relay reads (see outbox-relay.ts).
          availableAt: () => 'clock_timestamp()',
          createdAt: now,
        })),
      )
      .orIgnore()
      .execute();
  }

  if (step.history.length) {
    await em.insert(
      InstanceEventEntity,
      step.history.map((h) => ({
        instanceId: instance.id,
        elementId: h.elementId,
        elementType: h.elementType,
        kind: h.kind,
        actor: actor.userId,
        at: h.at,
      })),
    );
  }
  return instance;
}
