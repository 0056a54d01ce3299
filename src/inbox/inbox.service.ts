import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../identity/actor';
import { canReadTask, supervisedCaseTypes } from '../identity/access-policy';
import { ProcessDefinitionEntity, ProcessInstanceEntity, UserTaskEntity } from '../persistence/entities';
import { REPORTED_BY_VARIABLE } from '../workflow/separation-of-duties';

export type TaskScope = 'candidate' | 'assignedToMe' | 'unassigned' | 'supervised';

export interface TaskFilter {
  /**
   * candidate (default): every open task I may do; assignedToMe; unassigned (claimable);
   * supervised: every open task of the cases I supervise (read-only: FG, CISO for incidents).
   */
  scope?: TaskScope;
  processKey?: string;
  dueBefore?: Date;
  overdue?: boolean;
  /** Case-insensitive search in task name and business key. */
  search?: string;
  tenantId?: string;
  /** Tasks of one case. */
  instanceId?: string;
}

export interface TaskPage {
  nodes: UserTaskEntity[];
  /**
   * Counts every task matching the filter. A function, because counting visits every matching row
   * while a page visits only `first` of them: it runs only when a client asks for totalCount.
   */
  countTotal(): Promise<number>;
  hasNextPage: boolean;
  endCursor: string | null;
}

export const MAX_PAGE_SIZE = 100;

type CursorKey = [due: string | null, created: string, id: string];

export function encodeCursor(task: Pick<UserTaskEntity, 'dueAt' | 'createdAt' | 'id'>): string {
  const key: CursorKey = [task.dueAt ? task.dueAt.toISOString() : null, task.createdAt.toISOString(), task.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey | null {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 3 && typeof key[1] === 'string' && typeof key[2] === 'string') return key as CursorKey;
  } catch {
    /* an unreadable cursor is treated as absent below */
  }
  return null;
}

function visibleTo(qb: SelectQueryBuilder<UserTaskEntity>, actor: Actor): SelectQueryBuilder<UserTaskEntity> {
  return qb
    .andWhere('t.tenant_id = ANY(:tenants)', { tenants: actor.tenants })
    .andWhere('(t.candidate_groups && :roles::text[] OR t.assignee = :me OR t.candidate_users @> ARRAY[:me]::text[])', {
      roles: actor.roles,
      me: actor.userId,
    });
}

/**
 * Leaves out tasks a separation-of-duties rule forbids the actor to perform (the same rules
 * src/workflow/separation-of-duties.ts enforces in claim, assign and complete), so the inbox
 * never offers work that would be refused.
 */
function performableBy(qb: SelectQueryBuilder<UserTaskEntity>, actor: Actor): SelectQueryBuilder<UserTaskEntity> {
  // Both subqueries are uncorrelated (hashed once per query) and start from what the actor
  // started, holds or completed, so their cost follows the actor's own work, not the inbox size.
  return qb
    .andWhere(
      `NOT (t.not_initiator AND t.instance_id IN (SELECT si.id FROM process_instance si
         WHERE si.started_by = :me OR si.variables->>'${REPORTED_BY_VARIABLE}' = :me))`,
      { me: actor.userId },
    )
    .andWhere(
      `(cardinality(t.separate_from) = 0 OR t.id NOT IN (SELECT blocked.id FROM user_task mine
         JOIN user_task blocked ON blocked.instance_id = mine.instance_id AND blocked.id <> mine.id
           AND blocked.status = 'open' AND mine.element_id = ANY(blocked.separate_from)
         WHERE (mine.status = 'completed' AND mine.completed_by = :me) OR (mine.status = 'open' AND mine.assignee = :me)))`,
      { me: actor.userId },
    );
}

/** Open tasks of the cases the actor supervises (access-policy supervisedCaseTypes), in its municipalities. */
function supervisedBy(qb: SelectQueryBuilder<UserTaskEntity>, actor: Actor): SelectQueryBuilder<UserTaskEntity> {
  qb.andWhere('t.tenant_id = ANY(:tenants)', { tenants: actor.tenants });
  const types = supervisedCaseTypes(actor);
  if (types === 'all') return qb;
  return qb.andWhere(
    `EXISTS (SELECT 1 FROM process_instance ci JOIN process_definition cd ON cd.id = ci.definition_id
       WHERE ci.id = t.instance_id AND cd.model->>'caseType' = ANY(:caseTypes))`,
    { caseTypes: types },
  );
}

const ORDER_KEY = `coalesce(t.due_at, 'infinity'::timestamptz)`;

/** The inbox: open tasks the actor may do, ordered by due date, then age. Relay-style paging. */
export async function listTasks(
  dataSource: DataSource,
  actor: Actor,
  filter: TaskFilter,
  first = 25,
  after?: string | null,
): Promise<TaskPage> {
  const limit = Math.max(1, Math.min(first, MAX_PAGE_SIZE));
  const open = dataSource.getRepository(UserTaskEntity).createQueryBuilder('t').where(`t.status = 'open'`);
  const qb = filter.scope === 'supervised' ? supervisedBy(open, actor) : performableBy(visibleTo(open, actor), actor);
  if (filter.scope === 'assignedToMe') qb.andWhere('t.assignee = :me', { me: actor.userId });
  if (filter.scope === 'unassigned') qb.andWhere('t.assignee IS NULL');
  if (filter.processKey) qb.andWhere('t.process_key = :processKey', { processKey: filter.processKey });
  if (filter.instanceId) qb.andWhere('t.instance_id = :instanceId', { instanceId: filter.instanceId });
  if (filter.tenantId) qb.andWhere('t.tenant_id = :tenantId', { tenantId: filter.tenantId });
  if (filter.dueBefore) qb.andWhere('t.due_at < :dueBefore', { dueBefore: filter.dueBefore });
  if (filter.overdue) qb.andWhere('t.due_at < now()');
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere('(t.name ILIKE :pattern OR t.business_key ILIKE :pattern)', { pattern });
  }
  // count(*) rather than TypeORM's getCount(), which emits COUNT(DISTINCT id) (a needless hash of every row).
  const counter = qb.clone().select('count(*)::int', 'n');
  const countTotal = async () => ((await counter.getRawOne<{ n: number }>())?.n ?? 0);

  const cursor = after ? decodeCursor(after) : null;
  if (cursor) {
    qb.andWhere(`(${ORDER_KEY}, t.created_at, t.id) > (coalesce(:cDue::timestamptz, 'infinity'::timestamptz), :cCreated::timestamptz, :cId::uuid)`, {
      cDue: cursor[0],
      cCreated: cursor[1],
      cId: cursor[2],
    });
  }
  const rows = await qb
    .orderBy(ORDER_KEY, 'ASC')
    .addOrderBy('t.created_at', 'ASC')
    .addOrderBy('t.id', 'ASC')
    .limit(limit + 1)
    .getMany();
  const nodes = rows.slice(0, limit);
  return {
    nodes,
    countTotal,
    hasNextPage: rows.length > limit,
    endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]) : null,
  };
}

export interface TaskDetail {
  task: UserTaskEntity;
  instance: ProcessInstanceEntity;
  definition: ProcessDefinitionEntity;
}

/** One task the actor may read (open or done), with its case. Unreadable = not found. */
export async function findTask(dataSource: DataSource, actor: Actor, id: string): Promise<TaskDetail | null> {
  const task = await dataSource.manager.findOne(UserTaskEntity, { where: { id } });
  if (!task) return null;
  const instance = await dataSource.manager.findOneOrFail(ProcessInstanceEntity, { where: { id: task.instanceId } });
  const definition = await dataSource.manager.findOneOrFail(ProcessDefinitionEntity, { where: { id: instance.definitionId } });
  return canReadTask(actor, task, definition.model.caseType) ? { task, instance, definition } : null;
}

/** Open tasks of one case the caller may already read, as far as the actor may read each task. */
export async function openTasksOfCase(
  dataSource: DataSource,
  actor: Actor,
  instance: Pick<ProcessInstanceEntity, 'id'>,
  definition: Pick<ProcessDefinitionEntity, 'model'>,
): Promise<UserTaskEntity[]> {
  const tasks = await dataSource.manager.find(UserTaskEntity, {
    where: { instanceId: instance.id, status: 'open' },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  return tasks.filter((t) => canReadTask(actor, t, definition.model.caseType));
}
