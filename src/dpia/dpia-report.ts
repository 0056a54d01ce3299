import { escapeHtml } from '../documents/markdown-escape';
import { fillTemplate, TemplateDirectory } from '../documents/markdown-template';
import { renderMarkdownPdf, type PdfFile } from '../documents/pdf-renderer';
import { checkTemplates } from '../documents/template-requirements';
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

/** The name the template's image refers to: `![…](heatmap.svg)`. */
export const HEAT_MAP_FIGURE = 'heatmap.svg';

const MEASURE_STATUS_LABELS = { planned: 'Gepland', in_progress: 'In uitvoering', implemented: 'Uitgevoerd' } as const;

/** A table cell is one line of Markdown. */
const cell = (text: string) => text.replace(/\r?\n/g, ' ');
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The DPIA report (step 8) from the template `report.md` (templates/dpia, or DPIA_TEMPLATE_DIR): as
 * Markdown, as an HTML page with the heat map as inline SVG, and as PDF with the heat map as vectors.
 */
export class DpiaReportRenderer {
  private readonly templates: TemplateDirectory;

  constructor(templateDir: string) {
    this.templates = new TemplateDirectory(templateDir);
    // The art. 35 lid 7 elements, the risk register with its heat map, and the measures are the report.
    checkTemplates(this.templates, {
      report: { placeholders: ['processingName', 'reference', 'version', 'sections', 'risks', 'measures', 'conclusion'], figures: [HEAT_MAP_FIGURE] },
    });
  }

  render(input: ReportInput): RenderedReport {
    const { processing, dpia, risks, measures } = input;
    const assessments = risks.map(assessmentOf);
    const residualLevel = summariseRisks(assessments).highestResidual ?? 'low';
    const heatMapSvg = renderHeatMap(risks.map((risk) => ({ code: risk.code, title: risk.title, ...ratingsOf(risk) })), { title: 'Risico’s vóór en na maatregelen' });
    const conclusion =
      residualLevel === 'high'
        ? 'Het restrisico blijft hoog: de verwerking mag niet starten voordat de Autoriteit Persoonsgegevens is geraadpleegd (art. 36 AVG).'
        : `Het hoogste restrisico is ${RISK_LEVEL_LABELS[residualLevel].toLowerCase()}; voorafgaande raadpleging van de AP is niet nodig.`;
    const view = {
      processingName: processing.name,
      reference: dpia.reference,
      version: input.version,
      writtenOn: day(input.writtenAt),
      controller: cell(processing.controller),
      team: dpia.team.join(', '),
      quickscanReasoning: dpia.quickscan?.outcome.reasoning ?? '–',
      sections: QUESTIONNAIRE.map((q) => ({ heading: q.heading, answer: input.answers[q.id] || '–' })),
      risks: risks.map((risk, i) => {
        const { before, after } = assessments[i];
        return {
          code: risk.code,
          title: cell(risk.title),
          before: `${before.likelihood}×${before.impact} (${RISK_LEVEL_LABELS[before.level]})`,
          after: `${after.likelihood}×${after.impact} (${RISK_LEVEL_LABELS[after.level]})`,
        };
      }),
      measures: measures.map((m) => ({
        risk: m.riskCode ?? '–',
        description: cell(m.description),
        owner: cell(m.owner),
        dueDate: m.dueDate,
        status: MEASURE_STATUS_LABELS[m.status],
      })),
      summary: input.summary,
      conclusion,
    };
    const filled = fillTemplate(this.templates.read('report'), view, { [HEAT_MAP_FIGURE]: heatMapSvg });
    const page = `<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>DPIA-rapport ${escapeHtml(dpia.reference)}</title><style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:.3em .6em;text-align:left;vertical-align:top}</style></head><body>\n${filled.html}</body></html>\n`;
    return { markdown: filled.markdown, html: page, heatMapSvg, residualLevel };
  }

  /** The report as PDF, dated when it was written, with the heat map drawn as vector graphics. */
  renderPdf(report: RenderedReport, input: ReportInput): Promise<PdfFile> {
    return renderMarkdownPdf(
      report.markdown,
      {
        title: `DPIA-rapport ${input.processing.name}`,
        author: input.processing.controller,
        subject: `${input.dpia.reference}, versie ${input.version}`,
        createdAt: input.writtenAt,
        footer: `${input.dpia.reference} · versie ${input.version}`,
      },
      { [HEAT_MAP_FIGURE]: report.heatMapSvg },
    );
  }
}
