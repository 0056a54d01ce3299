import { composeNotificationMail } from '../../../src/notifications/notification-mail';
import type { NotificationEntity } from '../../../src/persistence/entities';

const notification = (overrides: Partial<NotificationEntity> = {}): NotificationEntity => ({
  id: '5f0c9a52-3f5e-4a53-9a43-0d3c1f8a7b21',
  tenantId: 'nijkerk',
  instanceId: 'a8d4b3c2-1111-4222-8333-444455556666',
  sourceMessageId: 'b8d4b3c2-1111-4222-8333-444455556666',
  caseReference: 'INC-2026-00042',
  processKey: 'incident-management',
  elementId: 'RemindAfter48',
  kind: 'reminder',
  title: 'Herinnering: 48 uur van de 72-uurstermijn voor het melden van het datalek zijn verstreken',
  dueAt: new Date('2026-03-30T08:15:00Z'),
  recipientKind: 'user',
  recipient: 'fg',
  createdAt: new Date('2026-03-29T08:15:00Z'),
  readAt: null,
  readBy: null,
  ...overrides,
});

describe('the e-mail of a notification', () => {
  it('names the case, what is due and when (Dutch time), and links to the case', () => {
    const mail = composeNotificationMail(notification(), 'https://privacy.nijkerk.example/', 'nijkerk.example');
    expect(mail.subject).toBe('Herinnering: zaak INC-2026-00042');
    expect(mail.text).toContain('Zaak INC-2026-00042');
    expect(mail.text).toContain('48 uur van de 72-uurstermijn');
    // 30 March 2026 is summer time: UTC+2.
    expect(mail.text).toContain('Uiterste moment: 30 maart 2026 om 10:15 (Nederlandse tijd).');
    expect(mail.text).toContain('https://privacy.nijkerk.example/zaken/INC-2026-00042');
  });

  it('has a Message-ID of its own notification, so a resend after a crash is recognisable', () => {
    const first = composeNotificationMail(notification(), 'https://x.example', 'nijkerk.example');
    expect(first.messageId).toBe('<notification-5f0c9a52-3f5e-4a53-9a43-0d3c1f8a7b21@nijkerk.example>');
    expect(composeNotificationMail(notification({ id: 'c0ffee00-3f5e-4a53-9a43-0d3c1f8a7b21' }), 'https://x.example', 'nijkerk.example').messageId).not.toBe(first.messageId);
  });

  it('says nothing about a due moment the step does not have, and calls an escalation so', () => {
    const mail = composeNotificationMail(notification({ kind: 'escalation', dueAt: null }), 'https://x.example', 'nijkerk.example');
    expect(mail.subject).toBe('Escalatie: zaak INC-2026-00042');
    expect(mail.text).not.toContain('Uiterste moment');
  });

  it('is built from the notification row only: its fields are all it can show', () => {
    const mail = composeNotificationMail(notification(), 'https://x.example', 'nijkerk.example');
    const shown = `${mail.subject}\n${mail.text}`;
    // Neither the recipient's username nor internal ids end up in the text.
    for (const hidden of ['fg', 'a8d4b3c2', 'b8d4b3c2', 'RemindAfter48', 'nijkerk\n']) expect(shown).not.toContain(hidden);
  });
});
