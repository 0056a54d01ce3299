import type { ApForm, ApPerson } from './ap-form';

/** What the rendering needs besides the form itself. */
export interface ApDocumentFacts {
  incidentReference: string;
  status: string;
  apNumber: string | null;
  submittedAt: Date | null;
  deadlineAt: Date;
  lateReason: string | null;
}

type Row = [label: string, value: string];
interface Section {
  title: string;
  rows: Row[];
}

const STATUS_LABEL: Record<string, string> = {
  concept: 'Concept (nog niet ingediend)',
  provisional: 'Voorlopige melding',
  final: 'Definitieve melding',
  withdrawn: 'Ingetrokken',
};

const text = (v: unknown): string => {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  return String(v);
};
const person = (p?: ApPerson | null) => (p ? [p.name, p.function, p.phone, p.email].filter(Boolean).join(' · ') || '—' : '—');
const dateTime = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC') : '—');

/** The AP form's sections in the form's own order, with the platform's answers. */
export function apDocumentSections(form: ApForm, facts: ApDocumentFacts): Section[] {
  const sections: Section[] = [
    {
      title: '0. Soort melding',
      rows: [
        ['Status', STATUS_LABEL[facts.status] ?? facts.status],
        ['Meldnummer AP', text(facts.apNumber)],
        ['Regelgeving', text(form.legalBasis ?? 'AVG')],
        ['Intern kenmerk', facts.incidentReference],
      ],
    },
    {
      title: '1. Organisatie en melder',
      rows: [
        ['Organisatie', text(form.organisationName)],
        ['Melder', person(form.notifier)],
        ['Contactpersoon voor nadere informatie', person(form.contact)],
        ['Andere organisatie betrokken', form.otherOrganisationInvolved ? text(form.otherOrganisation) : text(form.otherOrganisationInvolved)],
      ],
    },
    {
      title: '2. Tijdlijn',
      rows: [
        ['Begin van de inbreuk', dateTime(form.breachStartedAt)],
        ['Einde van de inbreuk', dateTime(form.breachEndedAt)],
        ['Kennisname (start 72 uur)', dateTime(form.awareAt)],
        ['Uiterste meldmoment', dateTime(facts.deadlineAt)],
        ['Ingediend', dateTime(facts.submittedAt)],
        ['Duurt de inbreuk nog voort?', text(form.ongoing)],
        ['Reden voor melding na 72 uur', text(facts.lateReason)],
      ],
    },
    {
      title: '3. Het incident',
      rows: [
        ['Samenvatting', text(form.summary)],
        ['Aard van de inbreuk', text(form.natureOfBreach)],
        ['Soort incident', text(form.incidentTypes)],
      ],
    },
    {
      title: '4. Persoonsgegevens',
      rows: [
        ['Soorten persoonsgegevens', text(form.dataCategories)],
        ['Bijzondere persoonsgegevens', text(form.specialCategories)],
        ['Aantal records (schatting)', text(form.approxRecords)],
      ],
    },
    {
      title: '5. Betrokkenen',
      rows: [
        ['Aantal betrokkenen', form.subjectsMin === form.subjectsMax ? text(form.subjectsMin) : `${text(form.subjectsMin)} – ${text(form.subjectsMax)}`],
        ['Groepen betrokkenen', text(form.subjectGroups)],
      ],
    },
    {
      title: '6. Beveiliging',
      rows: [
        ['Versleuteld of onbegrijpelijk', text(form.unintelligible)],
        ['Hoe', text(form.unintelligibleHow)],
        ['Maatregelen vóór het datalek', text(form.measuresBefore)],
      ],
    },
    {
      title: '7. Gevolgen',
      rows: [
        ['Gevolgen voor de gegevens', text(form.consequencesForData)],
        ['Gevolgen voor betrokkenen', text(form.consequencesForPersons)],
        ['Toelichting', text(form.consequencesExplanation)],
        ['Ernst', `${text(form.severity)}${form.severityMotivation ? ` — ${form.severityMotivation}` : ''}`],
      ],
    },
    {
      title: '8. Vervolgacties',
      rows: [
        ['Betrokkenen geïnformeerd', text(form.subjectsInformed)],
        ['Reden om niet te informeren', text(form.notInformedReason)],
        ['Openbare mededeling', text(form.publicCommunication)],
        ['Maatregelen genomen of voorgesteld', text(form.measuresTaken)],
        ['Grensoverschrijdende verwerking', text(form.crossBorder)],
        ['Gemeld bij andere toezichthouders', text(form.otherAuthoritiesNotified)],
      ],
    },
    { title: '9. Overig', rows: [['Overige informatie', text(form.otherInformation)]] },
  ];
  return sections;
}

// Cells are escaped so typed text can neither break the table nor become HTML in a previewer.
const mdCell = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

/** Markdown to keep with the case and to copy into the AP form, section by section. */
export function renderApNotificationMarkdown(form: ApForm, facts: ApDocumentFacts): string {
  const lines = [`# Melding datalek aan de Autoriteit Persoonsgegevens — ${facts.incidentReference}`, ''];
  for (const section of apDocumentSections(form, facts)) {
    lines.push(`## ${section.title}`, '', '| Vraag | Antwoord |', '|---|---|');
    for (const [label, value] of section.rows) lines.push(`| ${mdCell(label)} | ${mdCell(value)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same document as HTML (escaped; no scripts, no external resources). */
export function renderApNotificationHtml(form: ApForm, facts: ApDocumentFacts): string {
  const parts = [`<article lang="nl"><h1>Melding datalek aan de Autoriteit Persoonsgegevens — ${html(facts.incidentReference)}</h1>`];
  for (const section of apDocumentSections(form, facts)) {
    parts.push(`<section><h2>${html(section.title)}</h2><table>`);
    for (const [label, value] of section.rows) parts.push(`<tr><th scope="row">${html(label)}</th><td>${html(value).replace(/\r?\n/g, '<br>')}</td></tr>`);
    parts.push('</table></section>');
  }
  parts.push('</article>');
  return parts.join('');
}
