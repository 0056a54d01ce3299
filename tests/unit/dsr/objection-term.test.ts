import { objectionDeadline, objectionTimeliness } from '../../../src/dsr/objection-term';

describe('the objection term (bezwaar, art. 6:7–6:9 Awb)', () => {
  it.each([
    ['a Monday: six weeks later, the same weekday', '2026-03-02', '2026-04-13', '2026-04-13'],
    ['a Friday', '2026-03-06', '2026-04-17', '2026-04-17'],
    ['ending on Ascension Day, moved over the equated Friday and the weekend', '2026-04-02', '2026-05-14', '2026-05-18'],
    ['ending on Christmas Day 2026', '2026-11-13', '2026-12-25', '2026-12-28'],
  ])('for a decision sent on %s', (_what, sentOn, nominalDate, date) => {
    const deadline = objectionDeadline(sentOn);
    expect(deadline.nominalDate).toBe(nominalDate);
    expect(deadline.date).toBe(date);
  });

  it.each([
    ['received on the last day', { receivedAt: '2026-04-13T16:00:00+02:00' }, true, 'received_within_term'],
    ['received the day after, without a postmark', { receivedAt: '2026-04-14T09:00:00+02:00' }, false, 'received_late'],
    ['posted on the last day, received within a week', { receivedAt: '2026-04-20T11:00:00+02:00', postedAt: '2026-04-13T17:00:00+02:00' }, true, 'posted_within_term'],
    ['posted on the last day, received after a week', { receivedAt: '2026-04-21T09:00:00+02:00', postedAt: '2026-04-13T17:00:00+02:00' }, false, 'posted_but_received_too_late'],
    ['posted after the term', { receivedAt: '2026-04-15T09:00:00+02:00', postedAt: '2026-04-14T10:00:00+02:00' }, false, 'posted_late'],
  ])('an objection %s', (_what, arrival, timely, basis) => {
    const result = objectionTimeliness({ decisionSentOn: '2026-03-02', ...arrival });
    expect(result.timely).toBe(timely);
    expect(result.basis).toBe(basis);
    expect(result.deadline.date).toBe('2026-04-13');
  });
});
