import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { NotificationEntity } from '../persistence/entities';
import { isUuid } from '../workflow/ids';
import type { ServiceHandler } from '../workflow/service-registry';
import { composeNotificationMail } from './notification-mail';
import { emailAddressOf, PeopleDirectory } from './recipients';

/** Outbox service that mails one notification. No dot in the name: a given-up mail must not hold back the case's next ones. */
export const NOTIFICATION_MAIL_SERVICE = 'notification-mail';

export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://… (SMTP_URL). */
  smtpUrl: string;
  /** Sender address (MAIL_FROM). */
  from: string;
  /** Base URL of the application, for the link in the mail (PUBLIC_URL or the server's own). */
  publicUrl: () => string;
}

const refusal = (message: string) => Object.assign(new Error(message), { retryable: false });

/**
 * Sends the e-mail of a notification written by `notify`. Delivery is at least once: a crash
 * after the SMTP server accepted the mail and before the call is marked done sends it again,
 * with the same Message-ID.
 */
export function notificationMailService(settings: MailSettings, directory: PeopleDirectory, transport?: Transporter): ServiceHandler {
  const transporter = transport ?? nodemailer.createTransport(settings.smtpUrl);
  const mailDomain = settings.from.split('@').pop() || 'privacyflow';
  return {
    name: NOTIFICATION_MAIL_SERVICE,
    description: 'Verstuurt de e-mail bij een notificatie (zaakkenmerk, termijn en link; geen persoonsgegevens uit de zaak).',
    async perform(invocation) {
      const { notificationId } = invocation.variables;
      const notification = isUuid(notificationId) ? await invocation.em.findOne(NotificationEntity, { where: { id: notificationId } }) : null;
      if (!notification) throw refusal('notification of this mail call not found');
      if (notification.recipientKind !== 'user') return { skipped: 'addressed to a role: no e-mail address' };
      const to = emailAddressOf(directory(), notification.recipient);
      if (!to) return { skipped: 'recipient has no e-mail address' };
      const mail = composeNotificationMail(notification, settings.publicUrl(), mailDomain);
      await transporter.sendMail({ from: settings.from, to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    },
  };
}
