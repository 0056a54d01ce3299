import path from 'node:path';
import { DpiaReportRenderer, ReportInput } from '../../../src/dpia/dpia-report';
import { quickscanAnswersOf } from '../../../src/dpia/dpia-task-hooks';
import { checkProcessing } from '../../../src/dpia/processing-register';
import { evaluateQuickscan } from '../../../src/dpia/quickscan';
import type { DpiaEntity, DpiaMeasureEntity, DpiaRiskEntity, ProcessingEntity } from '../../../src/persistence/entities';

const processing = { name: 'Cameratoezicht <markt>', controller: 'College van B&W' } as ProcessingEntity;
const dpia = { reference: 'DPIA-2026-00001', team: ['pb', 'ciso'], quickscan: null } as unknown as DpiaEntity;
const risk = (code: string, before: [number, number], after?: [number, number]) =>
  ({ code, title: `Risico ${code} | pipe`, likelihoodBefore: before[0], impactBefore: before[1], likelihoodAfter: after?.[0] ?? null, impactAfter: after?.[1] ?? null }) as DpiaRiskEntity;
const measure = { riskCode: 'R1', description: 'Logging', owner: 'ciso', dueDate: '2027-01-01', status: 'planned' } as DpiaMeasureEntity;
const renderer = new DpiaReportRenderer(path.resolve(__dirname, '../../../templates/dpia'));
const renderDpiaReport = (input: ReportInput) => renderer.render(input);
const answers = { systematicDescription: 'Beschrijving', purposes: 'Doel', necessityProportionality: 'Noodzaak', risksToRights: 'Risico', measuresDescription: 'Maatregel' };

describe('the DPIA report', () => {
  it('names the art. 35(7) elements, escapes table cells and HTML, and embeds the heat map', () => {
    const report = renderDpiaReport({ processing, dpia, version: 2, answers, risks: [risk('R1', [3, 3], [1, 2])], measures: [measure], summary: 'Aanvaardbaar.', writtenAt: new Date('2026-11-25T10:00:00Z') });
    expect(report.residualLevel).toBe('low');
    expect(report.markdown).toContain('| R1 | Risico R1 \\| pipe | 3×3 (Hoog) | 1×2 (Laag) |');
    expect(report.markdown).toContain('| Versie | 2 |');
    expect(report.html).toContain('Cameratoezicht &lt;markt&gt;');
    expect(report.html).not.toContain('<markt>');
    expect(report.html).toContain(report.heatMapSvg);
    expect(report.markdown).toContain('voorafgaande raadpleging van de AP is niet nodig');
  });

  it('says prior consultation is needed when a residual risk stays high', () => {
    const report = renderDpiaReport({ processing, dpia, version: 1, answers, risks: [risk('R1', [4, 4], [2, 4])], measures: [], summary: '', writtenAt: new Date() });
    expect(report.residualLevel).toBe('high');
    expect(report.markdown).toContain('mag niet starten voordat de Autoriteit Persoonsgegevens is geraadpleegd');
  });

  it('takes a risk without an after-rating at its rating before measures', () => {
    expect(renderDpiaReport({ processing, dpia, version: 1, answers, risks: [risk('R1', [2, 3])], measures: [], summary: '', writtenAt: new Date() }).residualLevel).toBe('medium');
  });
});

describe('the quickscan form', () => {
  it('maps the 29 form fields onto the quickscan rules, with the PB choice only when made', () => {
    const values: Record<string, unknown> = {};
    for (const key of ['art35_systematic_extensive_evaluation', 'art35_large_scale_special_categories', 'art35_large_scale_public_monitoring']) values[key] = false;
    const answers = quickscanAnswersOf('p1', { ...values, edpb_large_scale: true });
    expect(answers.pbChoice).toBeUndefined();
    expect(answers.edpbCriteria.large_scale).toBe(true);
    expect(answers.edpbCriteria.sensitive_data).toBeUndefined();
    expect(() => evaluateQuickscan(answers)).toThrow(expect.objectContaining({ code: 'DPIA_QUICKSCAN_INCOMPLETE' }));
    expect(quickscanAnswersOf('p1', { pbRoute: 'full_dpia', pbMotivation: ' Nieuw systeem ' }).pbChoice).toEqual({ route: 'full_dpia', motivation: 'Nieuw systeem' });
  });
});

describe('the verwerkingsregister entry', () => {
  it('names every missing art. 30 field', () => {
    expect(() => checkProcessing({ name: 'x', controller: ' ', purposes: 'p', legalBasis: 'b', dataSubjectCategories: [' '], dataCategories: ['NAW'], retention: 'r', securityMeasures: 's' })).toThrow(
      expect.objectContaining({ code: 'DPIA_PROCESSING_INVALID', details: { fields: ['controller', 'dataSubjectCategories'] } }),
    );
  });
});
