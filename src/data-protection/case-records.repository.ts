import { EntityManager, In } from 'typeorm';
import { CaseRetentionEntity, RetentionCaseType } from '../persistence/entities/case-retention.entity';
import { DsrRequestEntity, IncidentEntity, ProcessInstanceEntity } from '../persistence/entities';

/** What the data-protection rules need to know about one case, read in the caller's transaction. */
export interface CaseRecord {
  instanceId: string;
  tenantId: string;
  processKey: string;
  /** The case number (business key). */
  reference: string | null;
  caseType: RetentionCaseType;
  status: 'running' | 'completed' | 'failed';
  startedAt: Date;
  endedAt: Date | null;
  request: DsrRequestEntity | null;
  incident: IncidentEntity | null;
  apNotificationStatus: string | null;
  retention: CaseRetentionEntity | null;
}

/** The municipality's cases with these ids (others' and unknown ids are simply absent). */
export async function loadCases(em: EntityManager, tenantId: string, instanceIds: string[]): Promise<CaseRecord[]> {
  if (instanceIds.length === 0) return [];
  const instances = await em.find(ProcessInstanceEntity, {
    where: { id: In(instanceIds), tenantId },
    select: ['id', 'tenantId', 'processKey', 'businessKey', 'status', 'startedAt', 'endedAt', 'definitionId'],
    order: { startedAt: 'ASC' },
  });
  if (instances.length === 0) return [];
  const ids = instances.map((i) => i.id);
  const caseTypes: { id: string; case_type: string | null }[] = await em.query(
    `SELECT i.id, d.model->>'caseType' AS case_type FROM process_instance i JOIN process_definition d ON d.id = i.definition_id WHERE i.id = ANY($1::uuid[])`,
    [ids],
  );
  const requests = await em.find(DsrRequestEntity, { where: { instanceId: In(ids) } });
  const incidents = await em.find(IncidentEntity, { where: { instanceId: In(ids) } });
  const notifications: { instance_id: string; status: string }[] = await em.query(
    `SELECT i.instance_id, n.status FROM ap_notification n JOIN breach b ON b.id = n.breach_id JOIN incident i ON i.id = b.incident_id WHERE i.instance_id = ANY($1::uuid[])`,
    [ids],
  );
  const retention = await em.find(CaseRetentionEntity, { where: { instanceId: In(ids) } });
  const typeOf = new Map(caseTypes.map((c) => [c.id, c.case_type]));
  return instances.map((i) => ({
    instanceId: i.id,
    tenantId: i.tenantId,
    processKey: i.processKey,
    reference: i.businessKey,
    caseType: asCaseType(typeOf.get(i.id)),
    status: i.status,
    startedAt: i.startedAt,
    endedAt: i.endedAt,
    request: requests.find((r) => r.instanceId === i.id) ?? null,
    incident: incidents.find((r) => r.instanceId === i.id) ?? null,
    apNotificationStatus: notifications.find((n) => n.instance_id === i.id)?.status ?? null,
    retention: retention.find((r) => r.instanceId === i.id) ?? null,
  }));
}

function asCaseType(value: string | null | undefined): RetentionCaseType {
  return value === 'incident' || value === 'data-subject-request' || value === 'dpia' ? value : 'other';
}

/** Locks the cases (instance rows) in id order, as commands do: erasure never races a step or the retention timer. */
export async function lockCases(em: EntityManager, tenantId: string, instanceIds: string[]): Promise<string[]> {
  const rows: { id: string }[] = await em.query(
    `SELECT id FROM process_instance WHERE id = ANY($1::uuid[]) AND tenant_id = $2 ORDER BY id FOR UPDATE`,
    [instanceIds, tenantId],
  );
  return rows.map((r) => r.id);
}
