import type { DpiaEntity, DpiaMeasureEntity, DpiaRiskEntity, ProcessingEntity } from '../persistence/entities';
import { renderHeatMap } from './heat-map';
import { assessmentOf, ratingsOf } from './risk-register';
import { RISK_LEVEL_LABELS, summariseRisks } from './risk-matrix';

/** What a report is written from: the processing, the DPIA with its quickscan, one questionnaire version, risks and measures. */
export interface ReportInput {
  processing: ProcessingEntity;
  dpia: DpiaEntity;
  version: number;
  answers: Record<string, string>;
  risks: DpiaRiskEntity[];
  measures: DpiaMeasureEntity[];
  summary: string;
  writtenAt: Date;
}

export interface RenderedReport {
  markdown: string;
  html: string;
  heatMapSvg: string;
  residualLevel: 'low' | 'medium' | 'high';
}

/** The art. 35 lid 7 AVG elements in the order the report shows them. */
export const QUESTIONNAIRE = [
  { id: 'systematicDescription', heading: 'Systematische beschrijving van de verwerking' },
  { id: 'purposes', heading: 'Doeleinden en gerechtvaardigd belang' },
  { id: 'necessityProportionality', heading: 'Noodzaak en evenredigheid' },
  { id: 'risksToRights', heading: 'Risico’s voor de rechten en vrijheden van betrokkenen' },
  { id: 'measuresDescription', heading: 'Beoogde maatregelen' },
] as const;

const MEASURE_STATUS_LABELS = { planned: 'Gepland', in_progress: 'In uitvoering', implemented: 'Uitgevoerd' } as const;

const mdCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The DPIA report (step 8) as Markdown and as HTML with the heat map embedded as inline SVG. */
export function renderDpiaReport(input: ReportInput): RenderedReport {
  const { processing, dpia, risks, measures } = input;
  const assessments = risks.map(assessmentOf);
  const summary = summariseRisks(assessments);
  const residualLevel = summary.highestResidual ?? 'low';
  const heatMapSvg = renderHeatMap(risks.map((risk) => ({ code: risk.code, title: risk.title, ...ratingsOf(risk) })), { title: 'Risico’s vóór en na maatregelen' });

  const riskRows = risks.map((risk, i) => {
    const a = assessments[i];
    return [risk.code, risk.title, `${a.before.likelihood}×${a.before.impact} (${RISK_LEVEL_LABELS[a.before.level]})`, `${a.after.likelihood}×${a.after.impact} (${RISK_LEVEL_LABELS[a.after.level]})`];
  });
  const measureRows = measures.map((m) => [m.riskCode ?? '–', m.description, m.owner, m.dueDate, MEASURE_STATUS_LABELS[m.status]]);
  const head = [
    ['Verwerking', processing.name],
    ['Kenmerk', dpia.reference],
    ['Versie', String(input.version)],
    ['Datum', day(input.writtenAt)],
    ['Verwerkingsverantwoordelijke', processing.controller],
    ['DPIA-team', dpia.team.join(', ')],
  ];
  const conclusion =
    residualLevel === 'high'
      ? 'Het restrisico blijft hoog: de verwerking mag niet starten voordat de Autoriteit Persoonsgegevens is geraadpleegd (art. 36 AVG).'
      : `Het hoogste restrisico is ${RISK_LEVEL_LABELS[residualLevel].toLowerCase()}; voorafgaande raadpleging van de AP is niet nodig.`;

  const md: string[] = [`# DPIA-rapport: ${processing.name}`, '', '| | |', '|---|---|', ...head.map(([k, v]) => `| ${k} | ${mdCell(v)} |`), ''];
  md.push('## Quickscan', '', dpia.quickscan?.outcome.reasoning ?? '–', '');
  for (const q of QUESTIONNAIRE) md.push(`## ${q.heading}`, '', input.answers[q.id] ?? '–', '');
  md.push('## Risicoregister', '', '| Code | Risico | Vóór maatregelen (kans×impact) | Na maatregelen |', '|---|---|---|---|', ...riskRows.map((r) => `| ${r.map(mdCell).join(' | ')} |`), '');
  md.push('![Heatmap van de risico’s](heatmap.svg)', '');
  md.push('## Maatregelen', '', '| Risico | Maatregel | Eigenaar | Uiterlijk | Status |', '|---|---|---|---|---|', ...measureRows.map((r) => `| ${r.map(mdCell).join(' | ')} |`), '');
  md.push('## Conclusie', '', input.summary, '', conclusion, '');

  const table = (headers: string[], rows: string[][]) =>
    `<table><thead><tr>${headers.map((h) => `<th>${html(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const body = [
    `<h1>DPIA-rapport: ${html(processing.name)}</h1>`,
    `<table class="meta">${head.map(([k, v]) => `<tr><th>${html(k)}</th><td>${html(v)}</td></tr>`).join('')}</table>`,
    `<h2>Quickscan</h2><p>${html(dpia.quickscan?.outcome.reasoning ?? '–')}</p>`,
    ...QUESTIONNAIRE.map((q) => `<h2>${html(q.heading)}</h2><p>${html(input.answers[q.id] ?? '–')}</p>`),
    `<h2>Risicoregister</h2>${table(['Code', 'Risico', 'Vóór maatregelen (kans×impact)', 'Na maatregelen'], riskRows)}`,
    `<figure>${heatMapSvg}</figure>`,
    `<h2>Maatregelen</h2>${table(['Risico', 'Maatregel', 'Eigenaar', 'Uiterlijk', 'Status'], measureRows)}`,
    `<h2>Conclusie</h2><p>${html(input.summary)}</p><p><strong>${html(conclusion)}</strong></p>`,
  ];
  const page = `<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>DPIA-rapport ${html(dpia.reference)}</title><style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:.3em .6em;text-align:left;vertical-align:top}</style></head><body>\n${body.join('\n')}\n</body></html>\n`;
  return { markdown: md.join('\n'), html: page, heatMapSvg, residualLevel };
}
