import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DpiaEntity, ProcessingEntity } from '../persistence/entities';
import type { ProcessingStatus } from '../persistence/entities/processing.entity';
import { DpiaError, DpiaErrorCode } from './dpia-error';

/** The art. 30 lid 1 AVG fields of a processing as the process owner enters them. */
export interface ProcessingInput {
  name: string;
  controller: string;
  purposes: string;
  legalBasis: string;
  dataSubjectCategories: string[];
  dataCategories: string[];
  specialCategories?: string[] | null;
  recipients?: string[] | null;
  transfers?: string | null;
  retention: string;
  securityMeasures: string;
  processors?: string[] | null;
}

export interface ProcessingFilter {
  tenantIds: string[];
  status?: ProcessingStatus[];
  /** Processings whose re-assessment is due on or before this moment. */
  reassessmentDueBefore?: Date;
  /** Part of the name, case-insensitive. */
  nameContains?: string;
}

const REQUIRED_TEXT = ['name', 'controller', 'purposes', 'legalBasis', 'retention', 'securityMeasures'] as const;
const REQUIRED_LISTS = ['dataSubjectCategories', 'dataCategories'] as const;

const cleanList = (list: string[] | null | undefined) => (list ?? []).map((item) => item.trim()).filter((item) => item !== '');

/** Checks the art. 30 fields; every missing one is named, nothing is stored. */
export function checkProcessing(input: ProcessingInput): void {
  const missing: string[] = [];
  for (const field of REQUIRED_TEXT) if (typeof input?.[field] !== 'string' || input[field].trim() === '') missing.push(field);
  for (const field of REQUIRED_LISTS) if (cleanList(input?.[field]).length === 0) missing.push(field);
  if (missing.length) throw new DpiaError(DpiaErrorCode.PROCESSING_INVALID, 'the art. 30 fields are incomplete', { fields: missing });
}

export async function registerProcessing(em: EntityManager, tenantId: string, processOwner: string, input: ProcessingInput, now: Date): Promise<ProcessingEntity> {
  checkProcessing(input);
  const processing = em.create(ProcessingEntity, {
    id: randomUUID(),
    tenantId,
    name: input.name.trim(),
    controller: input.controller.trim(),
    purposes: input.purposes.trim(),
    legalBasis: input.legalBasis.trim(),
    dataSubjectCategories: cleanList(input.dataSubjectCategories),
    dataCategories: cleanList(input.dataCategories),
    specialCategories: cleanList(input.specialCategories),
    recipients: cleanList(input.recipients),
    transfers: input.transfers?.trim() || null,
    retention: input.retention.trim(),
    securityMeasures: input.securityMeasures.trim(),
    processors: cleanList(input.processors),
    processOwner,
    status: 'in_assessment',
    nextReassessmentAt: null,
    registeredAt: now,
    updatedAt: now,
    inUseSince: null,
  });
  await em.insert(ProcessingEntity, processing);
  return processing;
}

export async function listProcessings(em: EntityManager, filter: ProcessingFilter, first: number, offset: number) {
  const qb = em.getRepository(ProcessingEntity).createQueryBuilder('p').where('p.tenant_id IN (:...tenants)', { tenants: filter.tenantIds });
  if (filter.status?.length) qb.andWhere('p.status IN (:...status)', { status: filter.status });
  if (filter.reassessmentDueBefore) qb.andWhere('p.next_reassessment_at <= :due', { due: filter.reassessmentDueBefore });
  if (filter.nameContains?.trim()) qb.andWhere(`p.name ILIKE :name ESCAPE '\\'`, { name: `%${filter.nameContains.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
  const [nodes, totalCount] = await qb.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').take(first).skip(offset).getManyAndCount();
  return { nodes, totalCount };
}

/** Every DPIA of a processing, oldest first: its DPIA history. */
export function dpiaHistory(em: EntityManager, processingId: string): Promise<DpiaEntity[]> {
  return em.find(DpiaEntity, { where: { processingId }, order: { startedAt: 'ASC' } });
}

export async function setProcessingStatus(em: EntityManager, processingId: string, changes: Partial<ProcessingEntity>, now: Date): Promise<void> {
  await em.update(ProcessingEntity, { id: processingId }, { ...changes, updatedAt: now });
}
