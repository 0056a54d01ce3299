import type { EntityManager } from 'typeorm';
import { systemActor } from '../identity/actor';
import { IncidentEntity, IncidentLogEntryEntity, ProcessInstanceEntity, UserTaskEntity } from '../persistence/entities';
import { logEvent } from './logbook';
import type { ImpactLevel, IncidentStatus } from '../persistence/entities/incident.entity';

/** The incident register's filters (all optional, combined with AND). */
export interface RegisterFilter {
  tenantIds: string[];
  status?: IncidentStatus[];
  impact?: ImpactLevel[];
  /** true: only breaches (personal data involved); false: only incidents without. */
  personalData?: boolean;
  reportedFrom?: Date;
  reportedTo?: Date;
  classificationTable?: string;
}

/** A readable, unique case number: INC-<year>-<sequence>. Gaps are harmless. */
export async function nextReference(em: EntityManager, now: Date): Promise<string> {
  const [{ n }] = await em.query(`SELECT nextval('incident_reference_seq')::int AS n`);
  return `INC-${now.getUTCFullYear()}-${String(n).padStart(5, '0')}`;
}

export function incidentOfInstance(em: EntityManager, instanceId: string): Promise<IncidentEntity | null> {
  return em.findOne(IncidentEntity, { where: { instanceId } });
}

export async function requireIncidentOfInstance(em: EntityManager, instanceId: string): Promise<IncidentEntity> {
  const incident = await incidentOfInstance(em, instanceId);
  if (!incident) throw new Error(`case ${instanceId} has no incident record`);
  return incident;
}

export async function listRegister(em: EntityManager, filter: RegisterFilter, first: number, offset: number) {
  const qb = em.getRepository(IncidentEntity).createQueryBuilder('i').where('i.tenant_id IN (:...tenants)', { tenants: filter.tenantIds });
  if (filter.status?.length) qb.andWhere('i.status IN (:...status)', { status: filter.status });
  if (filter.impact?.length) qb.andWhere('i.impact IN (:...impact)', { impact: filter.impact });
  if (filter.personalData !== undefined) qb.andWhere('coalesce(i.personal_data, false) = :pd', { pd: filter.personalData });
  if (filter.reportedFrom) qb.andWhere('i.reported_at >= :from', { from: filter.reportedFrom });
  if (filter.reportedTo) qb.andWhere('i.reported_at < :to', { to: filter.reportedTo });
  if (filter.classificationTable) qb.andWhere('i.classification_table = :table', { table: filter.classificationTable });
  const [nodes, totalCount] = await qb.orderBy('i.reported_at', 'DESC').addOrderBy('i.id').skip(offset).take(first).getManyAndCount();
  return { nodes, totalCount };
}

/**
 * Step 41: the case file is destroyed after its retention period. What stays is the minimal
 * register entry (reference, dates, classification, impact, whether it was a breach); the
 * report's texts, the reporter and the form answers kept with the case are removed.
 * Idempotent: returns whether this call destroyed the file.
 */
export async function destroyCaseFile(em: EntityManager, instanceId: string): Promise<boolean> {
  const incident = await em
    .getRepository(IncidentEntity)
    .createQueryBuilder('i')
    .where('i.instance_id = :instanceId', { instanceId })
    .setLock('pessimistic_write')
    .getOne();
  if (!incident || incident.status === 'destroyed') return false;
  await em.update(IncidentEntity, { id: incident.id }, {
    status: 'destroyed',
    destroyedAt: new Date(),
    whatHappened: null,
    noticedBy: null,
    cause: null,
    discoveryMethod: null,
    affected: null,
    possibleImpact: null,
    reporterName: null,
    reporterContact: null,
    reportedBy: null,
    impactCorrectionReason: null,
    closureSummary: null,
  });
  // Team notes may name people; the platform's own log lines hold codes and choices only and stay.
  await em.delete(IncidentLogEntryEntity, { incidentId: incident.id, kind: 'note' });
  // Evidence and its chain of custody are part of the file; hours and measures are the
  // municipality's own accounting and stay with the register entry.
  await em.query(`DELETE FROM evidence_content WHERE item_id IN (SELECT id FROM evidence_item WHERE incident_id = $1)`, [incident.id]);
  await em.query(`DELETE FROM evidence_custody_event WHERE item_id IN (SELECT id FROM evidence_item WHERE incident_id = $1)`, [incident.id]);
  await em.query(`DELETE FROM evidence_item WHERE incident_id = $1`, [incident.id]);
  await logEvent(em, incident, 'Dossier vernietigd na de bewaartermijn; registerregel bewaard', systemActor('retention'));
  // The engine state and task outputs carry the form answers: only ids stay once the case ended.
  await em.update(UserTaskEntity, { instanceId }, { output: null });
  await em
    .createQueryBuilder()
    .update(ProcessInstanceEntity)
    .set({ variables: {}, state: null })
    .where('id = :instanceId AND status <> :running', { instanceId, running: 'running' })
    .execute();
  return true;
}

export type { IncidentStatus, ImpactLevel };
