import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { ImprovementMeasureEntity, IncidentEntity } from '../persistence/entities';
import { isCalendarDate } from '../workflow/calendar';
import { IncidentError, IncidentErrorCode, IncidentFieldError } from './incident-error';

export interface MeasureInput {
  description: string;
  /** Username of the person responsible. */
  owner: string;
  /** YYYY-MM-DD */
  dueDate: string;
}

const required = (errors: IncidentFieldError[], field: string, value: unknown, max: number) => {
  if (typeof value !== 'string' || !value.trim()) errors.push({ field, message: 'required' });
  else if (value.length > max) errors.push({ field, message: `at most ${max} characters` });
};

export async function planMeasure(em: EntityManager, incident: IncidentEntity, input: MeasureInput, actor: Actor, now: Date) {
  const errors: IncidentFieldError[] = [];
  required(errors, 'description', input.description, 4000);
  required(errors, 'owner', input.owner, 200);
  if (!isCalendarDate(input.dueDate)) errors.push({ field: 'dueDate', message: 'a date YYYY-MM-DD' });
  if (errors.length) throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'the measure cannot be planned', errors);
  const measure: ImprovementMeasureEntity = {
    id: randomUUID(),
    incidentId: incident.id,
    tenantId: incident.tenantId,
    description: input.description.trim(),
    owner: input.owner.trim(),
    dueDate: input.dueDate,
    status: 'open',
    plannedBy: actor.userId,
    plannedAt: now,
    doneNote: null,
    doneAt: null,
    effectFinding: null,
    checkedBy: null,
    checkedAt: null,
  };
  await em.insert(ImprovementMeasureEntity, measure);
  return measure;
}

export async function lockMeasure(em: EntityManager, id: string) {
  return em.getRepository(ImprovementMeasureEntity).createQueryBuilder('m').where('m.id = :id', { id }).setLock('pessimistic_write').getOne();
}

/** The owner reports the measure done. */
export async function completeMeasure(em: EntityManager, measure: ImprovementMeasureEntity, note: string, actor: Actor, now: Date) {
  if (measure.owner !== actor.userId) throw new IncidentError(IncidentErrorCode.FORBIDDEN, 'only the owner reports a measure done');
  if (measure.status !== 'open') throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, `the measure is already ${measure.status}`);
  if (!note?.trim()) throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'say what was done', [{ field: 'note', message: 'required' }]);
  Object.assign(measure, { status: 'done', doneNote: note.trim(), doneAt: now });
  await em.update(ImprovementMeasureEntity, { id: measure.id }, { status: 'done', doneNote: measure.doneNote, doneAt: now });
}

/** Someone other than the owner checks whether the measure works; that closes it. */
export async function checkMeasureEffect(em: EntityManager, measure: ImprovementMeasureEntity, effective: boolean, finding: string, actor: Actor, now: Date) {
  if (measure.owner === actor.userId) throw new IncidentError(IncidentErrorCode.SEPARATION_OF_DUTIES, 'the owner does not check the effect of their own measure');
  if (measure.status !== 'done') throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, `a ${measure.status} measure cannot be checked`);
  if (!finding?.trim()) throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'record the finding', [{ field: 'finding', message: 'required' }]);
  const status = effective ? 'effective' : 'not_effective';
  Object.assign(measure, { status, effectFinding: finding.trim(), checkedBy: actor.userId, checkedAt: now });
  await em.update(ImprovementMeasureEntity, { id: measure.id }, { status, effectFinding: measure.effectFinding, checkedBy: actor.userId, checkedAt: now });
}

export function measuresOf(em: EntityManager, incidentId: string) {
  return em.find(ImprovementMeasureEntity, { where: { incidentId }, order: { dueDate: 'ASC', plannedAt: 'ASC' } });
}
