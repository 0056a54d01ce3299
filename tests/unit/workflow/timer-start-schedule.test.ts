import type { TimerStartModel } from '../../../src/deployment/diagram-model';
import { firstOccurrence, nextOccurrence } from '../../../src/workflow/timer-start-schedule';

const at = (iso: string) => new Date(iso);
const timer = (kind: TimerStartModel['kind'], value: string): TimerStartModel => ({ elementId: 'Start', kind, value });
const DEPLOYED = at('2026-11-25T09:00:00Z');

describe('the schedule of a timer start event', () => {
  it('fires a date once, on that date', () => {
    const t = timer('timeDate', '2026-12-01T08:00:00+01:00');
    expect(firstOccurrence(t, DEPLOYED)).toEqual({ dueAt: at('2026-12-01T07:00:00Z'), remaining: 1 });
    expect(nextOccurrence(t, { dueAt: at('2026-12-01T07:00:00Z'), remaining: 1 }, at('2026-12-01T07:00:01Z'))).toBeUndefined();
  });

  it('fires a duration once, that long after deployment', () => {
    expect(firstOccurrence(timer('timeDuration', 'P2D'), DEPLOYED)).toEqual({ dueAt: at('2026-11-27T09:00:00Z'), remaining: 1 });
  });

  it('repeats a bounded cycle the given number of times, one interval apart', () => {
    const t = timer('timeCycle', 'R3/PT1H');
    const first = firstOccurrence(t, DEPLOYED)!;
    expect(first).toEqual({ dueAt: at('2026-11-25T10:00:00Z'), remaining: 3 });
    const second = nextOccurrence(t, first, at('2026-11-25T10:00:01Z'))!;
    expect(second).toEqual({ dueAt: at('2026-11-25T11:00:00Z'), remaining: 2 });
    const third = nextOccurrence(t, second, at('2026-11-25T11:00:01Z'))!;
    expect(third).toEqual({ dueAt: at('2026-11-25T12:00:00Z'), remaining: 1 });
    expect(nextOccurrence(t, third, at('2026-11-25T12:00:01Z'))).toBeUndefined();
  });

  it('repeats an unbounded cycle forever', () => {
    const t = timer('timeCycle', 'R/P1D');
    const first = firstOccurrence(t, DEPLOYED)!;
    expect(first.remaining).toBeNull();
    expect(nextOccurrence(t, first, at('2026-11-26T09:00:00Z'))).toEqual({ dueAt: at('2026-11-27T09:00:00Z'), remaining: null });
  });

  it('starts a cycle with a start date on that date', () => {
    expect(firstOccurrence(timer('timeCycle', 'R12/2027-01-01T06:00:00Z/P1M'), DEPLOYED)).toEqual({ dueAt: at('2027-01-01T06:00:00Z'), remaining: 12 });
  });

  it('ends a cycle with an end date there', () => {
    const t = timer('timeCycle', 'R/P1D/2026-11-27T12:00:00Z');
    const first = firstOccurrence(t, DEPLOYED)!;
    const second = nextOccurrence(t, first, at('2026-11-26T09:00:00Z'))!;
    expect(second.dueAt).toEqual(at('2026-11-27T09:00:00Z'));
    expect(nextOccurrence(t, second, at('2026-11-27T09:00:00Z'))).toBeUndefined();
  });

  it('fires once for occurrences missed while no server ran, then continues after now', () => {
    const t = timer('timeCycle', 'R10/PT1H');
    const missed = { dueAt: at('2026-11-25T10:00:00Z'), remaining: 10 };
    expect(nextOccurrence(t, missed, at('2026-11-25T13:30:00Z'))).toEqual({ dueAt: at('2026-11-25T14:00:00Z'), remaining: 9 });
  });

  it('never fires R0', () => {
    expect(firstOccurrence(timer('timeCycle', 'R0/PT1H'), DEPLOYED)).toBeUndefined();
  });
});
