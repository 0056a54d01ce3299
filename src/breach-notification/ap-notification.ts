import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import {
  ApNotificationEntity,
  ApNotificationEventEntity,
  BreachAdviceEntity,
  BreachEntity,
  IncidentEntity,
} from '../persistence/entities';
import type { ApNotificationEventKind } from '../persistence/entities/ap-notification-event.entity';
import { jsonb } from '../persistence/jsonb';
import { ApForm, checkApForm, mergeApForm, missingForSubmission } from './ap-form';
import { BreachError, BreachErrorCode } from './breach-error';
import { isLate } from './breach-clock';
import { breachOfIncident, decisionOf } from './breach-records';

const municipalityName = (tenantId: string) => `Gemeente ${tenantId.charAt(0).toUpperCase()}${tenantId.slice(1)}`;

async function appendEvent(em: EntityManager, n: ApNotificationEntity, kind: ApNotificationEventKind, actor: Actor, at: Date, note: string | null = null) {
  await em.insert(ApNotificationEventEntity, {
    id: randomUUID(),
    notificationId: n.id,
    tenantId: n.tenantId,
    kind,
    revision: n.revision,
    form: jsonb(n.form),
    note,
    actor: actor.userId,
    at,
  });
}

/** The concept the PB starts from once the GS decided to notify: what the case already knows. */
export async function draftApNotification(em: EntityManager, incident: IncidentEntity, breach: BreachEntity, advice: BreachAdviceEntity, actor: Actor, now: Date) {
  const answers = advice.answers as Record<string, unknown>;
  const subjects = typeof answers.approxDataSubjects === 'number' ? answers.approxDataSubjects : null;
  const form: ApForm = {
    legalBasis: 'AVG',
    organisationName: municipalityName(incident.tenantId),
    breachStartedAt: incident.occurredAt?.toISOString() ?? null,
    awareAt: breach.awareAt.toISOString(),
    summary: incident.whatHappened,
    subjectsMin: subjects,
    subjectsMax: subjects,
    unintelligible: answers.dataUnintelligible ? 'ja' : 'nee',
    consequencesExplanation: typeof answers.likelyConsequences === 'string' ? answers.likelyConsequences : null,
  };
  const notification: ApNotificationEntity = {
    id: randomUUID(),
    breachId: breach.id,
    tenantId: breach.tenantId,
    status: 'concept',
    form,
    apNumber: null,
    submittedAt: null,
    submittedBy: null,
    lateReason: null,
    acknowledgement: null,
    closedAt: null,
    closedBy: null,
    withdrawalReason: null,
    revision: 1,
    createdAt: now,
    updatedAt: now,
  };
  await em.insert(ApNotificationEntity, jsonb(notification));
  await appendEvent(em, notification, 'drafted', actor, now);
  return notification;
}

export async function notificationOfBreach(em: EntityManager, breachId: string, lock = false): Promise<ApNotificationEntity | null> {
  const qb = em.getRepository(ApNotificationEntity).createQueryBuilder('n').where('n.breach_id = :breachId', { breachId });
  if (lock) qb.setLock('pessimistic_write');
  return qb.getOne();
}

async function requireNotification(em: EntityManager, incident: IncidentEntity) {
  const breach = await breachOfIncident(em, incident.id);
  const notification = breach ? await notificationOfBreach(em, breach.id, true) : null;
  if (!breach || !notification) throw new BreachError(BreachErrorCode.AP_NOTIFICATION_NOT_FOUND, `incident ${incident.reference} has no AP notification`);
  return { breach, notification };
}

/**
 * Edits the form. A concept is simply edited; a provisional notification is supplemented
 * (art. 33(4): information in phases) and each supplement is kept with its text.
 */
export async function editApNotification(em: EntityManager, incident: IncidentEntity, edit: ApForm, note: string | null, actor: Actor, now: Date) {
  const { notification } = await requireNotification(em, incident);
  if (notification.status !== 'concept' && notification.status !== 'provisional') {
    throw new BreachError(BreachErrorCode.AP_NOTIFICATION_STATE, `a ${notification.status} notification can no longer be changed`);
  }
  const form = mergeApForm(notification.form as ApForm, edit);
  const errors = checkApForm(form);
  if (errors.length) throw new BreachError(BreachErrorCode.AP_FORM_INVALID, 'the AP form has invalid answers', errors);
  const supplementing = notification.status === 'provisional';
  if (supplementing && !note?.trim()) {
    throw new BreachError(BreachErrorCode.AP_FORM_INVALID, 'say what this supplement adds', [{ field: 'note', message: 'required for a supplement' }]);
  }
  notification.form = form;
  notification.revision += 1;
  notification.updatedAt = now;
  await em.update(ApNotificationEntity, { id: notification.id }, { form: jsonb(form), revision: notification.revision, updatedAt: now });
  await appendEvent(em, notification, supplementing ? 'supplemented' : 'edited', actor, now, note);
  return notification;
}

function optionalInstant(value: unknown, field: string, now: Date): Date {
  if (value === undefined || value === null || value === '') return now;
  const text = String(value);
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) || !parsed.isValid || parsed.toMillis() > now.getTime()) {
    throw new BreachError(BreachErrorCode.AP_FORM_INVALID, `${field} must be a past date-time`, [{ field, message: 'geef datum én tijd, niet in de toekomst' }]);
  }
  return parsed.toJSDate();
}

/**
 * Records that the PB filed the notification in the AP's form (BLNP step 16): complete per
 * art. 33(3), filed by someone other than who decided, and with a reason when after 72 hours.
 */
export async function submitApNotification(em: EntityManager, incident: IncidentEntity, values: Record<string, unknown>, actor: Actor, now: Date) {
  const { breach, notification } = await requireNotification(em, incident);
  if (notification.status !== 'concept') throw new BreachError(BreachErrorCode.AP_NOTIFICATION_STATE, `the notification is already ${notification.status}`);
  const decision = await decisionOf(em, breach.id);
  if (!decision) throw new BreachError(BreachErrorCode.DECISION_MISSING, 'the gemeentesecretaris has not decided');
  if (decision.decidedBy === actor.userId) {
    throw new BreachError(BreachErrorCode.SEPARATION_OF_DUTIES, 'who decided to notify may not also file the notification');
  }
  const missing = missingForSubmission(notification.form as ApForm);
  if (missing.length) throw new BreachError(BreachErrorCode.AP_FORM_INVALID, 'the AP form is not complete enough to file', missing);
  const submittedAt = optionalInstant(values.submittedAt, 'submittedAt', now);
  const lateReason = typeof values.lateReason === 'string' && values.lateReason.trim() ? values.lateReason.trim() : null;
  if (isLate(breach, submittedAt) && !lateReason) {
    throw new BreachError(BreachErrorCode.LATE_REASON_REQUIRED, 'filed more than 72 hours after awareness: give the reason for the delay', [
      { field: 'lateReason', message: 'verplicht bij melding na 72 uur (art. 33 lid 1 AVG)' },
    ]);
  }
  Object.assign(notification, { status: 'provisional', apNumber: String(values.apNotificationNumber), submittedAt, submittedBy: actor.userId, lateReason, updatedAt: now });
  await em.update(ApNotificationEntity, { id: notification.id }, {
    status: 'provisional',
    apNumber: notification.apNumber,
    submittedAt,
    submittedBy: actor.userId,
    lateReason,
    updatedAt: now,
  });
  await appendEvent(em, notification, 'submitted', actor, now, lateReason);
}

/** Step 26: the PB makes the notification final or withdraws it, as the IRT concluded (step 25). */
export async function closeApNotification(
  em: EntityManager,
  incident: IncidentEntity,
  outcome: 'definitief' | 'intrekken',
  motivation: string,
  values: Record<string, unknown>,
  actor: Actor,
  now: Date,
) {
  const { notification } = await requireNotification(em, incident);
  if (notification.status !== 'provisional') throw new BreachError(BreachErrorCode.AP_NOTIFICATION_STATE, `a ${notification.status} notification cannot be made final or withdrawn`);
  const closedAt = optionalInstant(values.apProcessedAt, 'apProcessedAt', now);
  const status = outcome === 'intrekken' ? 'withdrawn' : 'final';
  const acknowledgement = typeof values.apAcknowledgement === 'string' && values.apAcknowledgement ? values.apAcknowledgement : notification.acknowledgement;
  Object.assign(notification, { status, closedAt, closedBy: actor.userId, acknowledgement, withdrawalReason: status === 'withdrawn' ? motivation : null, updatedAt: now });
  await em.update(ApNotificationEntity, { id: notification.id }, {
    status,
    closedAt,
    closedBy: actor.userId,
    acknowledgement,
    withdrawalReason: notification.withdrawalReason,
    updatedAt: now,
  });
  await appendEvent(em, notification, status === 'withdrawn' ? 'withdrawn' : 'finalized', actor, now, motivation);
}

/** The AP's acknowledgement (confirmation e-mail / PDF reference) once received. */
export async function recordAcknowledgement(em: EntityManager, incident: IncidentEntity, acknowledgement: string, actor: Actor, now: Date) {
  const { notification } = await requireNotification(em, incident);
  if (notification.status === 'concept') throw new BreachError(BreachErrorCode.AP_NOTIFICATION_STATE, 'a concept has not been filed yet');
  notification.acknowledgement = acknowledgement;
  notification.updatedAt = now;
  await em.update(ApNotificationEntity, { id: notification.id }, { acknowledgement, updatedAt: now });
  return notification;
}
