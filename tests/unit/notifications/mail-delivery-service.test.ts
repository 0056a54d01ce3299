import type { EntityManager } from 'typeorm';
import type { RealmDirectory } from '../../../src/identity/realm-directory';
import { notificationMailService } from '../../../src/notifications/mail-delivery-service';
import type { NotificationEntity } from '../../../src/persistence/entities';
import type { ServiceInvocation } from '../../../src/workflow/service-registry';
import { CapturingSmtpServer, startCapturingSmtpServer } from '../../support/capturing-smtp-server';

const directory: RealmDirectory = {
  realm: 'privacyflow',
  serviceClients: [],
  users: [
    { username: 'fg', email: 'fg@demo.example', realmRoles: ['fg'], tenants: ['nijkerk'] },
    { username: 'zonder-adres', realmRoles: ['fg'], tenants: ['nijkerk'] },
  ],
};

const notification = (id: string, overrides: Partial<NotificationEntity> = {}): NotificationEntity => ({
  id,
  tenantId: 'nijkerk',
  instanceId: 'a8d4b3c2-1111-4222-8333-444455556666',
  sourceMessageId: 'b8d4b3c2-1111-4222-8333-444455556666',
  caseReference: 'INC-2026-00007',
  processKey: 'incident-management',
  elementId: 'EscalateDeadline',
  kind: 'escalation',
  title: 'Escalatie: de 72-uurstermijn voor het melden van het datalek is verstreken',
  dueAt: new Date('2026-11-20T09:00:00Z'),
  recipientKind: 'user',
  recipient: 'fg',
  createdAt: new Date('2026-11-20T09:00:01Z'),
  readAt: null,
  readBy: null,
  ...overrides,
});

/** The relay's transaction, reduced to the one read the handler does. */
const rows = new Map<string, NotificationEntity>();
const em = { findOne: async (_: unknown, { where }: { where: { id: string } }) => rows.get(where.id) ?? null } as unknown as EntityManager;
const call = (notificationId: unknown): ServiceInvocation => ({
  messageId: 'c8d4b3c2-1111-4222-8333-444455556666',
  instanceId: 'a8d4b3c2-1111-4222-8333-444455556666',
  tenantId: 'nijkerk',
  elementId: 'EscalateDeadline',
  executionId: String(notificationId),
  variables: { notificationId },
  em,
});

describe('mailing a notification over SMTP', () => {
  let smtp: CapturingSmtpServer;
  let mailer: ReturnType<typeof notificationMailService>;

  beforeAll(async () => {
    smtp = await startCapturingSmtpServer();
    mailer = notificationMailService({ smtpUrl: smtp.url, from: 'privacyflow@nijkerk.example', publicUrl: () => 'https://privacy.nijkerk.example' }, () => directory);
  });
  afterAll(() => smtp.close());

  it('delivers it to the address of the person, from MAIL_FROM, with its own Message-ID', async () => {
    const id = '11111111-1111-4111-8111-111111111111';
    rows.set(id, notification(id));
    expect(await mailer.perform(call(id))).toBeUndefined();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail).toMatchObject({ from: 'privacyflow@nijkerk.example', to: ['fg@demo.example'] });
    expect(mail.raw).toContain('Subject: Escalatie: zaak INC-2026-00007');
    // A long header may be folded onto the next line.
    expect(mail.raw).toMatch(new RegExp(`Message-ID:\\s+<notification-${id}@nijkerk\\.example>`));
    expect(mail.decoded).toContain('https://privacy.nijkerk.example/zaken/INC-2026-00007');
  });

  it('fails (so the outbox retries) while the server refuses, and delivers on the next attempt', async () => {
    const id = '22222222-2222-4222-8222-222222222222';
    rows.set(id, notification(id));
    const before = smtp.received.length;
    smtp.refuseNext(1);
    const failure = await mailer.perform(call(id)).then(() => undefined, (err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as { retryable?: boolean }).retryable).not.toBe(false);
    expect(smtp.received).toHaveLength(before);
    await mailer.perform(call(id));
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([['fg@demo.example']]);
  });

  it('skips, recording why, a notification addressed to a role or to someone without an address', async () => {
    const toRole = '33333333-3333-4333-8333-333333333333';
    const noAddress = '44444444-4444-4444-8444-444444444444';
    rows.set(toRole, notification(toRole, { recipientKind: 'role', recipient: 'gemeentesecretaris' }));
    rows.set(noAddress, notification(noAddress, { recipient: 'zonder-adres' }));
    const before = smtp.received.length;
    expect(await mailer.perform(call(toRole))).toEqual({ skipped: 'addressed to a role: no e-mail address' });
    expect(await mailer.perform(call(noAddress))).toEqual({ skipped: 'recipient has no e-mail address' });
    expect(smtp.received).toHaveLength(before);
  });

  it('gives up at once on a call whose notification does not exist', async () => {
    for (const id of ['55555555-5555-4555-8555-555555555555', 'geen-id', undefined]) {
      await expect(mailer.perform(call(id))).rejects.toMatchObject({ retryable: false });
    }
  });
});
