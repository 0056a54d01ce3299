import { clockVariables, deadlineOf } from '../../../src/dsr/request-clock';

const base = { suspensions: [], extension: null, repairRequestedOn: null, repairDueAt: null };

describe('the clock of a registered request', () => {
  it('gives the timers the deadline, two reminders and the escalation just after the deadline', () => {
    const deadline = deadlineOf({ ...base, receivedAt: new Date('2026-03-27T09:00:00Z') });
    expect(clockVariables(deadline)).toEqual({
      deadlineAt: '2026-04-28T23:59:59.999+02:00',
      firstMonthDueAt: '2026-04-28T23:59:59.999+02:00',
      // Five working days before 28 April (Koningsdag and the weekend do not count), and the last one.
      reminder1At: '2026-04-20T09:00:00.000+02:00',
      reminder2At: '2026-04-24T09:00:00.000+02:00',
      escalationAt: '2026-04-29T00:00:00.000+02:00',
    });
  });

  it('counts a running repair term as suspended until it ends', () => {
    const running = deadlineOf({ ...base, receivedAt: new Date('2026-03-02T09:00:00Z'), repairRequestedOn: '2026-03-05', repairDueAt: new Date('2026-03-19T22:59:59Z') });
    expect(running.suspendedDays).toBe(13);
    const repaired = deadlineOf({ ...base, receivedAt: new Date('2026-03-02T09:00:00Z'), suspensions: [{ repairRequestedOn: '2026-03-05', resumedOn: '2026-03-10' }] });
    expect(repaired.suspendedDays).toBe(4);
    expect(repaired.deadline.nominalDate).toBe('2026-04-06');
  });
});
