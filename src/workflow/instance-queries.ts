import type { DataSource } from 'typeorm';
import type { Actor } from '../identity/actor';
import { canReadCase, worksForCase } from '../identity/access-policy';
import { REPORTED_BY_VARIABLE } from './separation-of-duties';
import { InstanceEventEntity, ProcessDefinitionEntity, ProcessInstanceEntity } from '../persistence/entities';
import { isUuid } from './ids';

export interface InstanceView {
  instance: ProcessInstanceEntity;
  definition: ProcessDefinitionEntity;
}

/**
 * A case as the access policy allows the actor to read it (canReadCase). Invisible answers
 * exactly like nonexistent: null, whatever the reason.
 */
export async function findInstance(dataSource: DataSource, actor: Actor, id: string): Promise<InstanceView | null> {
  if (!isUuid(id)) return null;
  const instance = await dataSource.manager.findOne(ProcessInstanceEntity, { where: { id } });
  if (!instance || !worksForCase(actor, instance)) return null;
  const definition = await dataSource.manager.findOneOrFail(ProcessDefinitionEntity, { where: { id: instance.definitionId } });
  const [{ involved }] = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM user_task WHERE instance_id = $1 AND (tenant_id = ANY($4::text[]) OR $5)
       AND (candidate_groups && $2::text[] OR assignee = $3 OR completed_by = $3 OR candidate_users @> ARRAY[$3]::text[])) AS involved`,
    // Only tasks of the actor's own municipalities count: a shared case has tasks of several.
    [id, actor.roles, actor.userId, actor.tenants, actor.kind === 'system'],
  );
  const facts = {
    tenantId: instance.tenantId,
    participatingTenants: instance.participatingTenants,
    startedBy: instance.startedBy,
    reportedBy: instance.variables?.[REPORTED_BY_VARIABLE],
    caseType: definition.model.caseType,
  };
  return canReadCase(actor, facts, involved) ? { instance, definition } : null;
}

export async function instanceHistory(dataSource: DataSource, instanceId: string): Promise<InstanceEventEntity[]> {
  return dataSource.manager.find(InstanceEventEntity, { where: { instanceId }, order: { id: 'ASC' } });
}

/** Latest version of every deployed process, plus older versions when asked. */
export async function listDefinitions(dataSource: DataSource, allVersions = false): Promise<ProcessDefinitionEntity[]> {
  if (allVersions) return dataSource.manager.find(ProcessDefinitionEntity, { order: { processKey: 'ASC', version: 'DESC' } });
  return dataSource
    .getRepository(ProcessDefinitionEntity)
    .createQueryBuilder('d')
    .distinctOn(['d.process_key'])
    .orderBy('d.process_key', 'ASC')
    .addOrderBy('d.version', 'DESC')
    .getMany();
}
