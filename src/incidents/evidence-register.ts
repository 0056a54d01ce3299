import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { EvidenceContentEntity, EvidenceCustodyEventEntity, EvidenceItemEntity, IncidentEntity } from '../persistence/entities';
import { IncidentError, IncidentErrorCode, IncidentFieldError } from './incident-error';

/** A new item for the inventory (BLNP step 18: exact description, who and why, where and how kept). */
export interface EvidenceInput {
  description: string;
  kind: 'digital' | 'physical';
  /** SHA-256 of a digital item taken at capture, lowercase or uppercase hex. */
  sha256?: string | null;
  storageLocation: string;
  storageMethod: string;
  /** Why it was taken and by whom it is needed. */
  reason: string;
}

const text = (errors: IncidentFieldError[], field: string, value: unknown, max = 2000) => {
  if (typeof value !== 'string' || !value.trim()) errors.push({ field, message: 'required' });
  else if (value.length > max) errors.push({ field, message: `at most ${max} characters` });
};

export async function registerEvidence(em: EntityManager, incident: IncidentEntity, input: EvidenceInput, actor: Actor, now: Date) {
  const errors: IncidentFieldError[] = [];
  text(errors, 'description', input.description);
  text(errors, 'storageLocation', input.storageLocation, 500);
  text(errors, 'storageMethod', input.storageMethod, 500);
  text(errors, 'reason', input.reason);
  if (input.kind !== 'digital' && input.kind !== 'physical') errors.push({ field: 'kind', message: 'digital or physical' });
  const sha256 = input.sha256?.trim().toLowerCase() || null;
  if (input.kind === 'digital' && !sha256) errors.push({ field: 'sha256', message: 'a digital item needs its SHA-256, taken at capture' });
  if (sha256 && !/^[0-9a-f]{64}$/.test(sha256)) errors.push({ field: 'sha256', message: '64 hexadecimal characters' });
  if (errors.length) throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'the evidence item cannot be registered', errors);
  // The inventory number follows the incident's items; the incident row lock keeps it unique under concurrency.
  await em.query(`SELECT 1 FROM incident WHERE id = $1 FOR UPDATE`, [incident.id]);
  const [{ next }] = await em.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM evidence_item WHERE incident_id = $1`, [incident.id]);
  const item: EvidenceItemEntity = {
    id: randomUUID(),
    incidentId: incident.id,
    tenantId: incident.tenantId,
    number: Number(next),
    description: input.description.trim(),
    kind: input.kind,
    sha256,
    storageLocation: input.storageLocation.trim(),
    storageMethod: input.storageMethod.trim(),
    holder: actor.userId,
    pendingHolder: null,
    capturedBy: actor.userId,
    capturedAt: now,
  };
  await em.insert(EvidenceItemEntity, item);
  const capturedEventId = await custody(em, item, 'captured', null, actor.userId, input.reason.trim(), item.storageLocation, now);
  return { item, capturedEventId };
}

async function custody(em: EntityManager, item: EvidenceItemEntity, kind: EvidenceCustodyEventEntity['kind'], from: string | null, to: string, reason: string, location: string, at: Date): Promise<string> {
  const id = randomUUID();
  await em.insert(EvidenceCustodyEventEntity, { id, itemId: item.id, tenantId: item.tenantId, kind, fromPerson: from, toPerson: to, reason, storageLocation: location, at });
  return id;
}

export async function lockEvidence(em: EntityManager, itemId: string): Promise<EvidenceItemEntity | null> {
  return em.getRepository(EvidenceItemEntity).createQueryBuilder('e').where('e.id = :itemId', { itemId }).setLock('pessimistic_write').getOne();
}

/** The holder hands the item over; it stays theirs until the recipient signs for it. */
export async function handOverEvidence(em: EntityManager, item: EvidenceItemEntity, to: string, reason: string, storageLocation: string, actor: Actor, now: Date) {
  if (item.holder !== actor.userId) throw new IncidentError(IncidentErrorCode.CUSTODY_REFUSED, 'only the current holder hands an item over');
  if (item.pendingHolder) throw new IncidentError(IncidentErrorCode.CUSTODY_REFUSED, `the item is already being handed over to ${item.pendingHolder}`);
  const errors: IncidentFieldError[] = [];
  text(errors, 'to', to, 200);
  text(errors, 'reason', reason);
  text(errors, 'storageLocation', storageLocation, 500);
  if (to?.trim() === actor.userId) errors.push({ field: 'to', message: 'hand it to someone else' });
  if (errors.length) throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'the hand-over cannot be recorded', errors);
  await em.update(EvidenceItemEntity, { id: item.id }, { pendingHolder: to.trim() });
  await custody(em, item, 'handed-over', actor.userId, to.trim(), reason.trim(), storageLocation.trim(), now);
}

/** The recipient signs for receipt: from now on they are responsible (BLNP step 18.4). */
export async function confirmEvidenceReceipt(em: EntityManager, item: EvidenceItemEntity, actor: Actor, now: Date) {
  if (item.pendingHolder !== actor.userId) throw new IncidentError(IncidentErrorCode.CUSTODY_REFUSED, 'only the person it was handed to signs for receipt');
  const last = await em.findOne(EvidenceCustodyEventEntity, { where: { itemId: item.id, kind: 'handed-over' }, order: { at: 'DESC' } });
  await em.update(EvidenceItemEntity, { id: item.id }, { holder: actor.userId, pendingHolder: null, storageLocation: last?.storageLocation ?? item.storageLocation });
  await custody(em, item, 'received', item.holder, actor.userId, 'ontvangst getekend', last?.storageLocation ?? item.storageLocation, now);
}

export async function evidenceOf(em: EntityManager, incidentId: string, itemId?: string) {
  const items = await em.find(EvidenceItemEntity, { where: itemId ? { incidentId, id: itemId } : { incidentId }, order: { number: 'ASC' } });
  const ids = items.map((i) => i.id);
  const events = items.length
    ? await em.getRepository(EvidenceCustodyEventEntity).createQueryBuilder('c').where('c.item_id IN (:...ids)', { ids }).orderBy('c.at').getMany()
    : [];
  // The bytes stay in the database (the column is not selected): a listing shows what is held, not the file.
  const contents = items.length ? await em.getRepository(EvidenceContentEntity).createQueryBuilder('f').where('f.item_id IN (:...ids)', { ids }).getMany() : [];
  return items.map((item) => ({ item, chain: events.filter((e) => e.itemId === item.id), content: contents.find((c) => c.itemId === item.id) ?? null }));
}
