import type { DataSource } from 'typeorm';
import type { Actor } from '../identity/actor';
import { canEditApNotification, canReadBreach } from '../identity/access-policy';
import {
  ApNotificationEntity,
  ApNotificationEventEntity,
  BreachAdviceEntity,
  BreachDecisionEntity,
  BreachEntity,
  IncidentEntity,
} from '../persistence/entities';
import { logEvent } from '../incidents/logbook';
import { appendAudit } from '../workflow/audit-trail';
import { isUuid } from '../workflow/ids';
import type { ApForm } from './ap-form';
import { editApNotification, notificationOfBreach, recordAcknowledgement } from './ap-notification';
import { ApDocumentFacts, renderApNotificationHtml, renderApNotificationMarkdown } from './ap-notification-document';
import { breachClock } from './breach-clock';
import { BreachError, BreachErrorCode } from './breach-error';
import { BreachAssessmentAnswers, proposeNotification } from './edpb-proposal';

export interface BreachFile {
  incident: IncidentEntity;
  breach: BreachEntity;
  reminderAt: Date[];
  advice: BreachAdviceEntity | null;
  decision: BreachDecisionEntity | null;
  notification: ApNotificationEntity | null;
}

const notFound = () => new BreachError(BreachErrorCode.BREACH_NOT_FOUND, 'no breach for this incident');

/** The breach file of an incident: clock, advice, decision and the AP notification. */
export class BreachService {
  constructor(private readonly dataSource: DataSource) {}

  /** The file, or null when there is none or the actor may not see it. */
  async file(actor: Actor, incidentId: string): Promise<BreachFile | null> {
    if (!isUuid(incidentId)) return null;
    const em = this.dataSource.manager;
    const incident = await em.findOne(IncidentEntity, { where: { id: incidentId } });
    if (!incident || !canReadBreach(actor, incident.tenantId)) return null;
    const breach = await em.findOne(BreachEntity, { where: { incidentId } });
    if (!breach) return null;
    return {
      incident,
      breach,
      reminderAt: breachClock(breach.awareAt).reminderAt,
      advice: await em.findOne(BreachAdviceEntity, { where: { breachId: breach.id } }),
      decision: await em.findOne(BreachDecisionEntity, { where: { breachId: breach.id } }),
      notification: await notificationOfBreach(em, breach.id),
    };
  }

  notificationEvents(notificationId: string): Promise<ApNotificationEventEntity[]> {
    return this.dataSource.manager.find(ApNotificationEventEntity, { where: { notificationId }, order: { at: 'ASC', revision: 'ASC' } });
  }

  /** What the platform would propose for these answers (shown to the FG before advising). */
  propose(actor: Actor, answers: BreachAssessmentAnswers) {
    if (actor.kind !== 'system' && !actor.tenants.some((t) => canReadBreach(actor, t))) {
      throw new BreachError(BreachErrorCode.FORBIDDEN, 'you may not assess breaches');
    }
    return proposeNotification(answers);
  }

  /** The PB edits the concept, or supplements a provisional notification (with a note). */
  async editNotification(actor: Actor, incidentId: string, form: ApForm, note: string | null) {
    return this.asEditor(actor, incidentId, 'ap-notification.edited', async (em, incident, now) => {
      const notification = await editApNotification(em, incident, form, note, actor, now);
      if (notification.status === 'provisional') await logEvent(em, incident, `Melding bij de AP aangevuld (revisie ${notification.revision})`, actor, now);
      return notification;
    });
  }

  async acknowledge(actor: Actor, incidentId: string, acknowledgement: string) {
    if (!acknowledgement.trim()) throw new BreachError(BreachErrorCode.AP_FORM_INVALID, 'the acknowledgement is empty', [{ field: 'acknowledgement', message: 'required' }]);
    return this.asEditor(actor, incidentId, 'ap-notification.acknowledged', (em, incident, now) => recordAcknowledgement(em, incident, acknowledgement.trim(), actor, now));
  }

  private async asEditor(
    actor: Actor,
    incidentId: string,
    action: string,
    work: (em: import('typeorm').EntityManager, incident: IncidentEntity, now: Date) => Promise<ApNotificationEntity>,
  ): Promise<ApNotificationEntity> {
    if (!isUuid(incidentId)) throw notFound();
    return this.dataSource.transaction(async (em) => {
      const incident = await em.findOne(IncidentEntity, { where: { id: incidentId } });
      // Another municipality's incident answers like one that does not exist.
      if (!incident || (!canReadBreach(actor, incident.tenantId) && !canEditApNotification(actor, incident.tenantId))) throw notFound();
      if (!canEditApNotification(actor, incident.tenantId)) throw new BreachError(BreachErrorCode.FORBIDDEN, 'only the privacybeheerder prepares the AP notification');
      const notification = await work(em, incident, new Date());
      await appendAudit(em, actor, { tenantId: incident.tenantId, action, instanceId: incident.instanceId, details: { incidentId, revision: notification.revision } });
      return notification;
    });
  }
}

export function documentFacts(file: Pick<BreachFile, 'incident' | 'breach'>, n: ApNotificationEntity): ApDocumentFacts {
  return {
    incidentReference: file.incident.reference,
    status: n.status,
    apNumber: n.apNumber,
    submittedAt: n.submittedAt,
    deadlineAt: file.breach.deadlineAt,
    lateReason: n.lateReason,
  };
}

export function renderNotification(file: Pick<BreachFile, 'incident' | 'breach'>, n: ApNotificationEntity, format: 'markdown' | 'html'): string {
  const facts = documentFacts(file, n);
  return format === 'html' ? renderApNotificationHtml(n.form as ApForm, facts) : renderApNotificationMarkdown(n.form as ApForm, facts);
}

/** Past the deadline while the AP has not been notified and nobody decided not to notify. */
export function isOverdue(file: Pick<BreachFile, 'breach' | 'decision' | 'notification'>, now: Date): boolean {
  if (now.getTime() <= file.breach.deadlineAt.getTime()) return false;
  if (file.decision && !file.decision.notifyAp) return false;
  return !file.notification?.submittedAt;
}
