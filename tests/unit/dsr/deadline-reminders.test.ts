import { planReminders } from '../../../src/dsr/deadline-reminders';
import { DsrErrorCode } from '../../../src/dsr/dsr-error';
import { computeLegalDeadline } from '../../../src/dsr/legal-deadline';

describe('reminders before the deadline and the escalation when it passes', () => {
  it('reminds five working days and one working day before the deadline at 09:00, escalating at the next midnight', () => {
    // Received 15 January 2026: deadline Monday 16 February.
    const plan = planReminders(computeLegalDeadline({ receivedAt: '2026-01-15T10:00:00+01:00' }));
    expect(plan.reminders).toEqual([
      { workingDaysBefore: 5, at: '2026-02-09T09:00:00.000+01:00', extensionStillPossible: true },
      { workingDaysBefore: 1, at: '2026-02-13T09:00:00.000+01:00', extensionStillPossible: true },
    ]);
    expect(plan.escalationAt).toBe('2026-02-17T00:00:00.000+01:00');
  });

  it('counts working days back over Easter and across the change to summer time', () => {
    // Received 3 March 2026: deadline Tuesday 7 April (Good Friday and Easter Monday passed over).
    const plan = planReminders(computeLegalDeadline({ receivedAt: '2026-03-03T12:00:00+01:00' }));
    expect(plan.reminders.map((reminder) => reminder.at)).toEqual(['2026-03-27T09:00:00.000+01:00', '2026-04-02T09:00:00.000+02:00']);
    expect(plan.escalationAt).toBe('2026-04-08T00:00:00.000+02:00');
  });

  it('no longer offers an extension once the deadline has been extended', () => {
    const deadline = computeLegalDeadline({
      receivedAt: '2026-01-15T10:00:00+01:00',
      extension: { sentAt: '2026-02-10T10:00:00+01:00', months: 2, reasons: ['complexity'], motivation: 'Omvangrijk dossier.' },
    });
    const plan = planReminders(deadline);
    expect(plan.reminders.map((reminder) => [reminder.at, reminder.extensionStillPossible])).toEqual([
      ['2026-04-08T09:00:00.000+02:00', false],
      ['2026-04-14T09:00:00.000+02:00', false],
    ]);
    expect(plan.escalationAt).toBe('2026-04-16T00:00:00.000+02:00');
  });

  it('follows a municipality’s own policy, dropping reminders that would precede the request', () => {
    const deadline = computeLegalDeadline({ receivedAt: '2026-01-15T10:00:00+01:00' });
    const plan = planReminders(deadline, { workingDaysBefore: [1, 10, 40, 10], atLocalTime: '08:30' });
    expect(plan.reminders.map((reminder) => [reminder.workingDaysBefore, reminder.at])).toEqual([
      [10, '2026-02-02T08:30:00.000+01:00'],
      [1, '2026-02-13T08:30:00.000+01:00'],
    ]);
  });

  it.each<[string, { workingDaysBefore: number[]; atLocalTime: string }, DsrErrorCode]>([
    ['zero working days', { workingDaysBefore: [0], atLocalTime: '09:00' }, DsrErrorCode.REMINDER_INVALID_OFFSET],
    ['a negative offset', { workingDaysBefore: [-2], atLocalTime: '09:00' }, DsrErrorCode.REMINDER_INVALID_OFFSET],
    ['half a day', { workingDaysBefore: [1.5], atLocalTime: '09:00' }, DsrErrorCode.REMINDER_INVALID_OFFSET],
    ['a time without leading zero', { workingDaysBefore: [1], atLocalTime: '9:00' }, DsrErrorCode.REMINDER_INVALID_TIME],
    ['24:00', { workingDaysBefore: [1], atLocalTime: '24:00' }, DsrErrorCode.REMINDER_INVALID_TIME],
  ])('refuses a policy with %s', (_what, policy, code) => {
    const deadline = computeLegalDeadline({ receivedAt: '2026-01-15T10:00:00+01:00' });
    expect(() => planReminders(deadline, policy)).toThrow(expect.objectContaining({ code }));
  });
});
