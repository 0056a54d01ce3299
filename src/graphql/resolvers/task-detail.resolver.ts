import { GraphQLJSONObject } from 'graphql-scalars';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { TaskDetail } from '../types/task.type';

/** The personal data of a task's case: each read is recorded in the audit trail before it is returned. */
@Resolver(() => TaskDetail)
export class TaskDetailResolver {
  @FieldResolver(() => GraphQLJSONObject, { description: 'Case data (process variables) the user may see.' })
  async caseData(@Root() task: TaskDetail, @Ctx() { actor, workflow, caseReads }: RequestContext): Promise<Record<string, unknown>> {
    await workflow.recordCaseRead(actor, { tenantId: task.tenantId, instanceId: task.instanceId, task, data: 'caseData' }, caseReads);
    return task.caseData;
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: 'Submitted form values, once completed.' })
  async output(@Root() task: TaskDetail, @Ctx() { actor, workflow, caseReads }: RequestContext): Promise<Record<string, unknown> | null> {
    if (!task.output) return null;
    await workflow.recordCaseRead(actor, { tenantId: task.tenantId, instanceId: task.instanceId, task, data: 'output' }, caseReads);
    return task.output;
  }
}
