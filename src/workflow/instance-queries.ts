import type { DataSource } from 'typeorm';
import type { Actor } from '../identity/actor';
import { worksFor } from '../identity/access-policy';
import { InstanceEventEntity, ProcessDefinitionEntity, ProcessInstanceEntity } from '../persistence/entities';
import { isUuid } from './ids';

export interface InstanceView {
  instance: ProcessInstanceEntity;
  definition: ProcessDefinitionEntity;
}

/**
 * An instance is visible to whoever started it and to whoever is or was a candidate for one of
 * its tasks, within their municipalities. Invisible answers exactly like nonexistent.
 */
export async function findInstance(dataSource: DataSource, actor: Actor, id: string): Promise<InstanceView | null> {
  if (!isUuid(id)) return null;
  const instance = await dataSource.manager.findOne(ProcessInstanceEntity, { where: { id } });
  if (!instance || !worksFor(actor, instance.tenantId)) return null;
  if (instance.startedBy !== actor.userId) {
    const [{ visible }] = await dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM user_task WHERE instance_id = $1
         AND (candidate_groups && $2::text[] OR assignee = $3 OR completed_by = $3 OR candidate_users @> ARRAY[$3]::text[])) AS visible`,
      [id, actor.roles, actor.userId],
    );
    if (!visible) return null;
  }
  const definition = await dataSource.manager.findOneOrFail(ProcessDefinitionEntity, { where: { id: instance.definitionId } });
  return { instance, definition };
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
