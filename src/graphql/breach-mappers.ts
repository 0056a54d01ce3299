import type { BreachFile } from '../breach-notification/breach.service';
import { isOverdue } from '../breach-notification/breach.service';
import type { ApNotificationEntity } from '../persistence/entities';
import type { ApNotification, Breach, NotificationProposal } from './types/breach.type';

/** An ApNotification plus what its field resolvers (document, history) need. */
export type ApNotificationRoot = ApNotification & { file: Pick<BreachFile, 'incident' | 'breach'>; entity: ApNotificationEntity };

export function toApNotification(file: Pick<BreachFile, 'incident' | 'breach'>, n: ApNotificationEntity): ApNotificationRoot {
  return { ...n, form: n.form, file, entity: n };
}

export function toBreach(file: BreachFile): Breach {
  const { breach, advice, decision, notification } = file;
  return {
    incidentId: file.incident.id,
    discoveredAt: breach.discoveredAt,
    awareAt: breach.awareAt,
    awarenessSetBy: breach.awarenessSetBy,
    deadlineAt: breach.deadlineAt,
    reminderAt: file.reminderAt,
    overdue: isOverdue(file, new Date()),
    advice: advice ? { ...advice, proposal: advice.proposal as unknown as NotificationProposal } : null,
    decision,
    apNotification: notification ? toApNotification(file, notification) : null,
  };
}
