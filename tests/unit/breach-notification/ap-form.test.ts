import { checkApForm, mergeApForm, missingForSubmission } from '../../../src/breach-notification/ap-form';
import { renderApNotificationHtml, renderApNotificationMarkdown } from '../../../src/breach-notification/ap-notification-document';

const complete = {
  notifier: { name: 'P. Beheerder', function: 'Privacybeheerder', phone: '033 1234567' },
  contact: { name: 'FG BLNP', email: 'fg@example.nl' },
  summary: 'Lijst met BSN verkeerd gemaild',
  natureOfBreach: ['lezen'],
  dataCategories: ['bsn'],
  subjectsMin: 40,
  subjectsMax: 40,
  consequencesForPersons: ['identiteitsfraude'],
  measuresTaken: 'Verwijdering bevestigd',
};

describe('the AP form', () => {
  it('accepts only the options of the AP form and sane numbers', () => {
    expect(checkApForm(complete)).toEqual([]);
    const errors = checkApForm({ natureOfBreach: ['weggegooid'], severity: 'extreem', subjectsMin: 5, subjectsMax: 2, approxRecords: -1, breachStartedAt: 'gisteren' });
    expect(errors.map((e) => e.field).sort()).toEqual(['approxRecords', 'breachStartedAt', 'natureOfBreach', 'severity', 'subjectsMax']);
    expect(checkApForm({ breachStartedAt: '2026-11-20T10:00:00+01:00', breachEndedAt: '2026-11-20' })).toEqual([]);
  });

  it('requires the art. 33(3) minimum and the notifier before filing', () => {
    expect(missingForSubmission(complete)).toEqual([]);
    expect(missingForSubmission({}).map((e) => e.field)).toEqual([
      'notifier',
      'contact',
      'summary',
      'natureOfBreach',
      'dataCategories',
      'subjectsMin',
      'consequencesForPersons',
      'measuresTaken',
    ]);
  });

  it('merges an edit: present keys replace, null clears, absent keys stay', () => {
    expect(mergeApForm({ summary: 'a', severity: 'hoog' }, { summary: 'b', severity: null })).toEqual({ summary: 'b', severity: null });
    expect(mergeApForm({ summary: 'a' }, {})).toEqual({ summary: 'a' });
  });

  it('renders a document in the AP form order, escaping what people typed', () => {
    const facts = { incidentReference: 'INC-2026-00001', status: 'provisional', apNumber: 'AP-1', submittedAt: null, deadlineAt: new Date('2026-01-04T00:00:00Z'), lateReason: null };
    const form = { ...complete, summary: 'a | b <script>alert(1)</script>\nregel 2' };
    const md = renderApNotificationMarkdown(form, facts);
    expect(md.indexOf('## 0. Soort melding')).toBeLessThan(md.indexOf('## 9. Overig'));
    expect(md).toContain('| Samenvatting | a \\| b &lt;script&gt;alert(1)&lt;/script&gt;<br>regel 2 |');
    const html = renderApNotificationHtml(form, facts);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<td>2026-01-04 00:00 UTC</td>');
  });
});
