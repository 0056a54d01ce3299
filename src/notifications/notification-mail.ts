import { DateTime } from 'luxon';
import type { NotificationEntity } from '../persistence/entities';

export interface NotificationMail {
  subject: string;
  text: string;
  /** Stable per notification, so a mail server or reader can drop a resend after a crash. */
  messageId: string;
}

const KIND_LABEL = { reminder: 'Herinnering', escalation: 'Escalatie', information: 'Bericht' } as const;

function amsterdam(moment: Date): string {
  return DateTime.fromJSDate(moment).setZone('Europe/Amsterdam').setLocale('nl').toFormat("d LLLL yyyy 'om' HH:mm");
}

/** The link to the case in the application; the reference is a case number, not personal data. */
export function caseLink(publicUrl: string, caseReference: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/zaken/${encodeURIComponent(caseReference)}`;
}

/**
 * The e-mail for one notification. Mail leaves the municipality's systems, so it says only what
 * the notification row holds: the case reference, what is due and when, and a link. Whatever
 * the case is about stays behind the sign-in.
 */
export function composeNotificationMail(notification: NotificationEntity, publicUrl: string, mailDomain: string): NotificationMail {
  const due = notification.dueAt ? `Uiterste moment: ${amsterdam(notification.dueAt)} (Nederlandse tijd).` : null;
  const lines = [
    `Zaak ${notification.caseReference}`,
    '',
    notification.title + '.',
    ...(due ? [due] : []),
    '',
    `Bekijk de zaak na inloggen: ${caseLink(publicUrl, notification.caseReference)}`,
    '',
    'Dit bericht is automatisch verstuurd door privacyflow; de inhoud van de zaak staat alleen in de applicatie.',
  ];
  return {
    subject: `${KIND_LABEL[notification.kind]}: zaak ${notification.caseReference}`,
    text: lines.join('\n'),
    messageId: `<notification-${notification.id}@${mailDomain}>`,
  };
}
