import { CaseFacts, erasureHold } from '../../../src/data-protection/erasure-holds';

const at = (iso: string) => new Date(iso);

const closedRequest = (overrides: Partial<NonNullable<CaseFacts['dataSubjectRequest']>> = {}): CaseFacts => ({
  caseType: 'data-subject-request',
  instanceStatus: 'completed',
  dataSubjectRequest: { status: 'decided', sentAt: at('2026-03-02T10:00:00Z'), objectionDeadline: '2026-04-13', objection: null, ...overrides },
  incident: null,
  immutableMentions: [],
});

describe('when the law allows erasing a person from a data-subject request', () => {
  it('holds it back during the objection term and the week an objection posted in time may take', () => {
    const hold = erasureHold(closedRequest(), at('2026-04-15T12:00:00Z'));
    expect(hold).toMatchObject({ code: 'ERASURE_LEGAL_HOLD', reason: 'objection-term' });
    // Last day of the term 13 April + one week = end of 20 April in Amsterdam (21:59:59.999Z in summer time).
    expect(hold!.until!.toISOString()).toBe('2026-04-20T21:59:59.999Z');
  });

  it('allows it once that week has ended', () => {
    expect(erasureHold(closedRequest(), at('2026-04-20T22:00:00Z'))).toBeNull();
  });

  it('refuses while an objection is being handled', () => {
    const facts = { ...closedRequest({ objection: { decidedAt: null } }), instanceStatus: 'running' as const };
    expect(erasureHold(facts, at('2026-09-01T00:00:00Z'))).toMatchObject({ code: 'ERASURE_CASE_OPEN', reason: 'objection-pending' });
  });

  it('after a decision on objection, holds it back for the appeal term (beroep)', () => {
    const facts = closedRequest({ objection: { decidedAt: '2026-05-04T09:00:00+02:00' } });
    // Decided on Monday 4 May: six weeks end Monday 15 June, plus a week: end of 22 June.
    expect(erasureHold(facts, at('2026-06-20T00:00:00Z'))).toMatchObject({ reason: 'appeal-term' });
    expect(erasureHold(facts, at('2026-06-22T22:00:00Z'))).toBeNull();
  });

  it('refuses a request still being handled, also while its clock is suspended', () => {
    for (const status of ['open', 'suspended'] as const) {
      const facts = { ...closedRequest({ status, sentAt: null, objectionDeadline: null }), instanceStatus: 'running' as const };
      expect(erasureHold(facts, at('2027-01-01T00:00:00Z'))).toMatchObject({ code: 'ERASURE_CASE_OPEN', reason: 'case-running' });
    }
  });

  it('allows a withdrawn request (no decision, nothing to object to), even while the diagram still watches the deadline', () => {
    const facts = { ...closedRequest({ status: 'withdrawn', sentAt: null, objectionDeadline: null }), instanceStatus: 'running' as const };
    expect(erasureHold(facts, at('2026-03-03T00:00:00Z'))).toBeNull();
  });

  it('refuses a request whose case failed', () => {
    expect(erasureHold({ ...closedRequest(), instanceStatus: 'failed' }, at('2027-01-01T00:00:00Z'))).toMatchObject({ reason: 'case-failed' });
  });
});

describe('when the law allows erasing a person from an incident', () => {
  const incident = (status: NonNullable<CaseFacts['incident']>['status'], extra: Partial<NonNullable<CaseFacts['incident']>> = {}): CaseFacts => ({
    caseType: 'incident',
    // The incident diagram waits for the destruction timer: the case runs for years after closing.
    instanceStatus: 'running',
    dataSubjectRequest: null,
    incident: { status, archivedAt: null, apNotificationStatus: null, ...extra },
    immutableMentions: [],
  });
  const now = at('2026-06-01T00:00:00Z');

  it('refuses while it is being handled', () => {
    expect(erasureHold(incident('reported'), now)?.reason).toBe('case-running');
    expect(erasureHold(incident('in_progress'), now)?.reason).toBe('case-running');
  });

  it('refuses after closing until the file is archived (evaluation and measures follow)', () => {
    expect(erasureHold(incident('closed'), now)).toMatchObject({ code: 'ERASURE_CASE_OPEN', reason: 'incident-file-in-use' });
    expect(erasureHold(incident('closed', { archivedAt: now }), now)).toBeNull();
  });

  it('allows a report judged not to be an incident', () => {
    expect(erasureHold({ ...incident('not_an_incident'), instanceStatus: 'completed' }, now)).toBeNull();
  });

  it('holds it back while the AP notification is concept or provisional', () => {
    expect(erasureHold(incident('closed', { archivedAt: now, apNotificationStatus: 'provisional' }), now)).toMatchObject({ code: 'ERASURE_LEGAL_HOLD', reason: 'ap-notification-open' });
    expect(erasureHold(incident('closed', { archivedAt: now, apNotificationStatus: 'final' }), now)).toBeNull();
  });

  it('holds it back when the person is named in the breach documentation the law keeps unchanged', () => {
    const facts = { ...incident('closed', { archivedAt: now }), immutableMentions: ['breach_advice'] };
    expect(erasureHold(facts, now)).toMatchObject({ code: 'ERASURE_LEGAL_HOLD', reason: 'record-kept-by-law', until: null });
  });
});

describe('when the law allows erasing a person from another case', () => {
  const other = (instanceStatus: CaseFacts['instanceStatus']): CaseFacts => ({ caseType: 'other', instanceStatus, immutableMentions: [] });

  it('refuses a running or failed case and allows an ended one', () => {
    const now = at('2026-06-01T00:00:00Z');
    expect(erasureHold(other('running'), now)?.reason).toBe('case-running');
    expect(erasureHold(other('failed'), now)?.reason).toBe('case-failed');
    expect(erasureHold(other('completed'), now)).toBeNull();
  });
});
