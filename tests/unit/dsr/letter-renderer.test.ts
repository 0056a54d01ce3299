import path from 'node:path';
import { LetterRenderer } from '../../../src/dsr/letters/letter-renderer';
import { dutchDate } from '../../../src/dsr/letters/dsr-letters';

const renderer = new LetterRenderer(path.resolve(__dirname, '../../../templates/dsr'));

const view = {
  municipality: 'gemeente Putten',
  addressee: 'A. <b>Jansen</b> & zn',
  postalAddress: 'Kerkstraat 2',
  reference: 'AVG-2026-00007',
  letterDate: '1 april 2026',
  receivedOn: '27 maart 2026',
  rightName: 'Recht van inzage',
  rightNameLower: 'recht van inzage',
  rightArticle: 'art. 15 AVG',
  deadlineDate: '28 april 2026',
  firstMonthDate: '28 april 2026',
};

describe('letters from templates', () => {
  it('fills the acknowledgement with the deadline and keeps the text as written in Markdown', () => {
    const { markdown } = renderer.render('acknowledgement', view);
    expect(markdown).toContain('uiterlijk op **28 april 2026**');
    expect(markdown).toContain('Geachte A. <b>Jansen</b> & zn,');
  });

  it('never lets a value become markup in the HTML letter', () => {
    const { html } = renderer.render('acknowledgement', view);
    expect(html).toContain('A. &lt;b&gt;Jansen&lt;/b&gt; &amp; zn');
    expect(html).not.toContain('<b>Jansen');
    expect(html).toContain('<strong>28 april 2026</strong>');
  });

  it('signs a decision in mandate with the name and function of the signer', () => {
    const { markdown } = renderer.render('decision', { ...view, sentOn: '1 april 2026', signerName: 'Evelien de Jong', signerFunction: 'Afdelingsmanager', objectionDeadline: '13 mei 2026' });
    expect(markdown).toContain('namens dezen (in mandaat),\n\nEvelien de Jong\nAfdelingsmanager');
    expect(markdown).toContain('dus uiterlijk op **13 mei 2026**');
    // As in the BLNP model decision: the objection clause stands under the besluit, before the signature.
    expect(markdown.indexOf('## Bezwaar')).toBeGreaterThan(markdown.indexOf('## Uw rechten'));
    expect(markdown.indexOf('## Bezwaar')).toBeLessThan(markdown.indexOf('Met vriendelijke groet,'));
  });

  it('confirms a withdrawal, signed, without an objection clause: there is no besluit', () => {
    const { markdown } = renderer.render('withdrawal', { ...view, signerName: 'Anna Jansen', signerFunction: 'Privacybeheerder' });
    expect(markdown).toContain('bevestigen wij de intrekking');
    expect(markdown).toContain('Anna Jansen\nPrivacybeheerder');
    expect(markdown).not.toContain('zes weken');
  });

  it('writes dates out in Dutch', () => {
    expect(dutchDate('2026-04-28')).toBe('28 april 2026');
    expect(dutchDate(new Date('2026-12-31T23:30:00Z'))).toBe('1 januari 2027');
  });
});
