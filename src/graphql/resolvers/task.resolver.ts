import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { toTask, toTaskDetail } from '../mappers';
import { Task, TaskConnection, TaskConnectionRoot, TaskDetail } from '../types/task.type';
import { TaskFilterInput } from '../types/task-filter.input';
import { encodeCursor, MAX_PAGE_SIZE } from '../../inbox/inbox.service';
import { pagedCost } from '../limits/list-cost';

@Resolver()
export class TaskResolver {
  @Query(() => TaskConnection, { description: 'My inbox: open tasks by due date, then age.', complexity: pagedCost(25, MAX_PAGE_SIZE) })
  async tasks(
    @Ctx() { actor, workflow }: RequestContext,
    @Arg('filter', () => TaskFilterInput, { nullable: true }) filter?: TaskFilterInput,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<TaskConnectionRoot> {
    const page = await workflow.tasks(actor, filter ?? {}, first, after);
    return {
      edges: page.nodes.map((t) => ({ cursor: encodeCursor(t), node: toTask(t) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      countTotal: page.countTotal,
    };
  }

  @Query(() => TaskDetail, { nullable: true, description: 'A task with its form and the case data I may see.' })
  async task(@Ctx() { actor, workflow }: RequestContext, @Arg('id', () => ID) id: string): Promise<TaskDetail | null> {
    const detail = await workflow.task(actor, id);
    return detail ? toTaskDetail(detail) : null;
  }

  @Mutation(() => Task)
  async claimTask(@Ctx() { actor, workflow }: RequestContext, @Arg('id', () => ID) id: string): Promise<Task> {
    return toTask(await workflow.claim(id, actor));
  }

  @Mutation(() => Task)
  async unclaimTask(@Ctx() { actor, workflow }: RequestContext, @Arg('id', () => ID) id: string): Promise<Task> {
    return toTask(await workflow.unclaim(id, actor));
  }

  @Mutation(() => Task)
  async assignTask(
    @Ctx() { actor, workflow }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('userId', () => String) userId: string,
  ): Promise<Task> {
    return toTask(await workflow.assign(id, userId, actor));
  }

  @Mutation(() => Task, { description: 'Completes a task; values are checked against its form and nothing changes when one is invalid.' })
  async completeTask(
    @Ctx() { actor, workflow }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('values', () => GraphQLJSONObject, { nullable: true }) values?: Record<string, unknown>,
  ): Promise<Task> {
    return toTask(await workflow.complete(id, values ?? {}, actor));
  }
}

@Resolver(() => TaskConnection)
export class TaskConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() root: TaskConnectionRoot): Promise<number> {
    return root.countTotal();
  }
}
