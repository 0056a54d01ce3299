import { breachClock, clockVariables, isLate, resolveAwareness } from '../../../src/breach-notification/breach-clock';
import { BreachErrorCode } from '../../../src/breach-notification/breach-error';

describe('the 72-hour clock (art. 33(1) AVG)', () => {
  it('runs 72 clock hours from awareness, nights and weekends included', () => {
    const friday = new Date('2026-11-27T16:30:00Z');
    const clock = breachClock(friday);
    expect(clock.deadlineAt.toISOString()).toBe('2026-11-30T16:30:00.000Z');
    expect(clock.reminderAt.map((d) => d.toISOString())).toEqual(['2026-11-28T16:30:00.000Z', '2026-11-29T16:30:00.000Z']);
  });

  it('counts elapsed hours across the switch to winter time (25-hour Sunday in Amsterdam)', () => {
    const clock = breachClock(new Date('2026-10-24T10:00:00+02:00'));
    expect(clock.deadlineAt.getTime() - clock.awareAt.getTime()).toBe(72 * 3600_000);
    expect(clock.deadlineAt.toISOString()).toBe('2026-10-27T08:00:00.000Z');
  });

  it('gives the timers ISO instants', () => {
    expect(clockVariables(breachClock(new Date('2026-01-01T00:00:00Z')))).toEqual({
      breachReminder1At: '2026-01-02T00:00:00.000Z',
      breachReminder2At: '2026-01-03T00:00:00.000Z',
      breachDeadlineAt: '2026-01-04T00:00:00.000Z',
    });
  });

  it('takes the discovery time when no awareness time is entered, and refuses vague or future ones', () => {
    const discovered = new Date('2026-11-20T08:00:00Z');
    const now = new Date('2026-11-24T12:00:00Z');
    expect(resolveAwareness(undefined, discovered, now)).toBe(discovered);
    expect(resolveAwareness(null, discovered, now)).toBe(discovered);
    expect(resolveAwareness('2026-11-21T09:15:00+01:00', discovered, now).toISOString()).toBe('2026-11-21T08:15:00.000Z');
    expect(() => resolveAwareness('2026-11-21', discovered, now)).toThrow(expect.objectContaining({ code: BreachErrorCode.AWARENESS_TIME_INVALID }));
    expect(() => resolveAwareness('2026-11-25T09:00:00Z', discovered, now)).toThrow(expect.objectContaining({ code: BreachErrorCode.AWARENESS_TIME_INVALID }));
  });

  it('is late only strictly after the deadline', () => {
    const clock = breachClock(new Date('2026-01-01T00:00:00Z'));
    expect(isLate(clock, clock.deadlineAt)).toBe(false);
    expect(isLate(clock, new Date(clock.deadlineAt.getTime() + 1))).toBe(true);
  });
});
