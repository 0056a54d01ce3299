import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LEVEL_COLOURS } from '../../src/dpia/heat-map';
import type { Platform } from '../../src/platform';
import { DOCUMENT_OUTPUT_DIR, flat, inspectPdfs, ocrWords, pdfDate } from '../support/pdf-inspection';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, startTestPlatform, TestClient } from '../support/test-platform';
import { attempt, openTaskIds, perform } from '../support/incident-operations';
import {
  aProcessing,
  DPIA,
  DPIA_REPORT_PDF,
  PLAN_MEASURE,
  PROCESSING,
  QUESTIONNAIRE_ANSWERS,
  quickscanValues,
  RECORD_RISKS,
  SIGNAL_NEW_PROCESSING,
  TRACK_MEASURE,
} from '../support/dpia-operations';

/**
 * BLNP Bijlage 4, a full DPIA: two EDPB criteria make it required; the PB forms the team (never with the
 * FG who advises), the team rates the risks before and after measures, writes the report with its heat map,
 * tracks the measures; the FG advises, the advice is followed, the register is updated. The re-assessment
 * interval is zero here, so the re-assessment timer is due at once and a new DPIA of the processing starts.
 */
describe('DPIA: a full DPIA whose measures bring the risk down', () => {
  let db: TestDatabase;
  let platform: Platform;
  let owner: TestClient;
  let fg: TestClient;
  let pb: TestClient;
  let gs: TestClient;
  let dpia: any;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn'), dpiaReassessmentInterval: 'PT0S' });
    owner = await TestClient.as(platform, 'proceseigenaar.leusden');
    fg = await TestClient.as(platform, 'fg');
    pb = await TestClient.as(platform, 'privacybeheerder.leusden');
    gs = await TestClient.as(platform, 'gemeentesecretaris.leusden');
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('1–4: signalled, advised, assigned; two EDPB criteria make a DPIA required', async () => {
    const processing = aProcessing({ name: 'Cameratoezicht parkeergarage', specialCategories: [] });
    dpia = (await owner.ok(SIGNAL_NEW_PROCESSING, { processing, signal: 'Camera’s in de nieuwe parkeergarage' })).signalNewProcessing;
    await perform(fg, dpia.instanceId, 'FgAdviceToOwner', { ownerAdvice: 'Een DPIA ligt voor de hand.', dpiaAdvised: true });
    await perform(owner, dpia.instanceId, 'AssignToPb', { assignmentNote: 'DPIA uitvoeren' });
    const refused = await attempt(pb, dpia.instanceId, 'Quickscan', quickscanValues({ edpb: ['systematic_monitoring', 'large_scale'] }, { pbRoute: 'compliance_check' }));
    expect(refused).toMatchObject({ code: 'DPIA_FULL_DPIA_REQUIRED' });
    await perform(pb, dpia.instanceId, 'Quickscan', quickscanValues({ edpb: ['systematic_monitoring', 'large_scale'] }));
    const { dpia: scanned } = await pb.ok(DPIA, { id: dpia.id });
    expect(scanned.quickscan).toMatchObject({ dpiaRequired: true, route: 'full_dpia' });
    expect(scanned.quickscan.reasoning).toContain('2 van de 9 EDPB-criteria zijn van toepassing');
    expect(await openTaskIds(pb, dpia.instanceId)).toEqual(['FormDpiaTeam']);
  });

  it('6: the FG who advised cannot be on the DPIA team; nothing is recorded', async () => {
    const refused = await attempt(pb, dpia.instanceId, 'FormDpiaTeam', { teamMembers: 'privacybeheerder.leusden, ciso.leusden, fg' });
    expect(refused).toMatchObject({ code: 'DPIA_FG_IN_TEAM', members: ['fg'] });
    expect((await pb.ok(DPIA, { id: dpia.id })).dpia.team).toEqual([]);
    expect(await openTaskIds(pb, dpia.instanceId)).toEqual(['FormDpiaTeam']);
    await perform(pb, dpia.instanceId, 'FormDpiaTeam', { teamMembers: 'privacybeheerder.leusden, ciso.leusden, proceseigenaar.leusden, medewerker.leusden' });
    expect((await pb.ok(DPIA, { id: dpia.id })).dpia.team).toEqual(['privacybeheerder.leusden', 'ciso.leusden', 'proceseigenaar.leusden', 'medewerker.leusden']);
  });

  it('6: the team\'s tasks go to its members as candidate users (and to the PB, who leads it), not to others', async () => {
    const [task] = await platform.database.dataSource.query(`SELECT candidate_groups, candidate_users FROM user_task WHERE instance_id = $1 AND status = 'open'`, [dpia.instanceId]);
    expect(task).toEqual({ candidate_groups: ['privacybeheerder'], candidate_users: ['privacybeheerder.leusden', 'ciso.leusden', 'proceseigenaar.leusden', 'medewerker.leusden'] });
    for (const username of ['ciso.leusden', 'proceseigenaar.leusden', 'medewerker.leusden', 'privacybeheerder.leusden']) {
      const open = await openTaskIds(await TestClient.as(platform, username), dpia.instanceId);
      expect({ username, open }).toEqual({ username, open: ['AssessImpact'] });
    }
    for (const username of ['medewerker2.leusden', 'afdelingsmanager.leusden', 'fg', 'ciso.putten']) {
      const open = await openTaskIds(await TestClient.as(platform, username), dpia.instanceId);
      expect({ username, open }).toEqual({ username, open: [] });
    }
  });

  it('7: the assessment needs risks; risks are rated before and after measures, measures have owner and due date', async () => {
    expect(await attempt(pb, dpia.instanceId, 'AssessImpact', QUESTIONNAIRE_ANSWERS)).toMatchObject({ code: 'DPIA_RISKS_MISSING' });
    const raised = await pb.gql(RECORD_RISKS, { dpiaId: dpia.id, risks: [{ code: 'R1', title: 'Te lang bewaren', before: { likelihood: 2, impact: 2 }, after: { likelihood: 3, impact: 2 } }] });
    expect(raised.errors?.[0].extensions?.code).toBe('DPIA_RESIDUAL_ABOVE_INHERENT');
    const { recordDpiaRisks } = await pb.ok(RECORD_RISKS, {
      dpiaId: dpia.id,
      risks: [
        { code: 'R1', title: 'Onbevoegde inzage in camerabeelden', before: { likelihood: 3, impact: 3 }, after: { likelihood: 1, impact: 3 } },
        { code: 'R2', title: 'Beelden langer bewaard dan nodig', before: { likelihood: 4, impact: 2 }, after: { likelihood: 2, impact: 2 } },
      ],
    });
    expect(recordDpiaRisks.map((r: any) => [r.code, r.before.level, r.after.level])).toEqual([
      ['R1', 'high', 'low'],
      ['R2', 'high', 'medium'],
    ]);
    const unknownRisk = await pb.gql(PLAN_MEASURE, { dpiaId: dpia.id, measure: { riskCode: 'R9', description: 'x', owner: 'ciso.leusden', dueDate: '2027-01-01' } });
    expect(unknownRisk.errors?.[0].extensions).toMatchObject({ code: 'DPIA_MEASURE_INVALID', fields: ['riskCode'] });
    const byOwner = await owner.gql(PLAN_MEASURE, { dpiaId: dpia.id, measure: { riskCode: 'R1', description: 'x', owner: 'ciso.leusden', dueDate: '2027-01-01' } });
    expect(byOwner.errors?.[0].extensions?.code).toBe('DPIA_FORBIDDEN');
    await pb.ok(PLAN_MEASURE, { dpiaId: dpia.id, measure: { riskCode: 'R1', description: 'Toegang tot beelden alleen voor twee toezichthouders, met logging', owner: 'ciso.leusden', dueDate: '2027-02-01' } });
    await pb.ok(PLAN_MEASURE, { dpiaId: dpia.id, measure: { riskCode: 'R2', description: 'Beelden na 7 dagen automatisch overschrijven', owner: 'proceseigenaar.leusden', dueDate: '2027-03-01' } });
    await perform(pb, dpia.instanceId, 'AssessImpact', QUESTIONNAIRE_ANSWERS);
    const { dpia: assessed } = await pb.ok(DPIA, { id: dpia.id });
    expect(assessed.questionnaireVersion).toBe(1);
    expect(assessed.answers).toEqual([{ version: 1, answers: QUESTIONNAIRE_ANSWERS, answeredBy: 'privacybeheerder.leusden' }]);
  });

  it('8: the report holds the art. 35(7) elements, the risk register and the heat map', async () => {
    await perform(pb, dpia.instanceId, 'WriteReport', { reportSummary: 'Met de maatregelen is het restrisico aanvaardbaar.' });
    const { dpia: reported } = await pb.ok(DPIA, { id: dpia.id });
    expect(reported.residualLevel).toBe('medium');
    const [report] = reported.reports;
    expect(report.version).toBe(1);
    for (const heading of ['Systematische beschrijving van de verwerking', 'Noodzaak en evenredigheid', 'Risicoregister', 'Maatregelen']) expect(report.markdown).toContain(`## ${heading}`);
    expect(report.markdown).toContain('| R1 | Onbevoegde inzage in camerabeelden | 3×3 (Hoog) | 1×3 (Laag) |');
    expect(report.html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(report.html).toContain(report.heatMapSvg);
    // Kept so the rendered report and heat map can be looked at (converted to PNG in the note).
    const dir = process.env.DPIA_REPORT_DIR ?? path.join(os.tmpdir(), 'privacyflow-dpia-report');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'dpia-report.html'), report.html);
    fs.writeFileSync(path.join(dir, 'heatmap.svg'), report.heatMapSvg);
  });

  it('8: the report is kept as PDF with the heat map drawn in it, and reading it is audited', async () => {
    const { dpia: reported } = await pb.ok(DPIA, { id: dpia.id });
    const [report] = reported.reports;
    const reads = async () => platform.database.dataSource.query(`SELECT actor, details FROM audit_entry WHERE action = 'case.read' AND instance_id = $1 AND details->>'data' = 'dpiaReportPdf'`, [dpia.instanceId]);
    const employee = await TestClient.as(platform, 'medewerker.leusden');
    expect((await employee.ok(DPIA_REPORT_PDF, { dpiaId: dpia.id, version: 1 })).dpiaReportPdf).toBeNull();
    expect((await pb.ok(DPIA_REPORT_PDF, { dpiaId: dpia.id, version: 2 })).dpiaReportPdf).toBeNull();
    expect(await reads()).toEqual([]);

    const { dpiaReportPdf: file } = await pb.ok(DPIA_REPORT_PDF, { dpiaId: dpia.id, version: 1 });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(file).toMatchObject({ fileName: `${dpia.reference}-v1.pdf`, contentType: 'application/pdf', sizeBytes: bytes.length, sha256: report.pdfSha256 });
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(report.pdfSha256);
    expect(await reads()).toEqual([{ actor: 'privacybeheerder.leusden', details: { data: 'dpiaReportPdf', dpiaId: dpia.id, version: 1 } }]);

    const [pdf] = await inspectPdfs([{ name: 'dpia-report', bytes, ocrPages: [1, 2, 3, 4] }]);
    expect(pdf.info.creationDate).toBe(pdfDate(report.writtenAt));
    const text = flat(pdf.pages.map((p) => p.text).join('\n'));
    for (const part of ['DPIA-rapport: Cameratoezicht parkeergarage', `Kenmerk ${dpia.reference}`, 'Systematische beschrijving van de verwerking', 'Noodzaak en evenredigheid',
      'R1 Onbevoegde inzage in camerabeelden 3×3 (Hoog) 1×3 (Laag)', 'Met de maatregelen is het restrisico aanvaardbaar.', 'voorafgaande raadpleging van de AP is niet nodig']) {
      expect(text).toContain(part);
    }
    // The heat map is vector graphics with real text: its title, axes and legend are in the page's text layer…
    const heatMapPage = pdf.pages.find((p) => p.text.includes('Risico’s vóór en na maatregelen'))!;
    expect(heatMapPage).toBeDefined();
    const heatMapText = flat(heatMapPage.text);
    for (const label of ['Impact', 'Kans', 'vóór maatregelen', 'na maatregelen', 'Laag', 'Midden', 'Hoog', '4 Maximaal', '4 Zeer groot']) expect(heatMapText).toContain(label);
    // …its cells are painted in the three level colours (each cell is thousands of pixels)…
    for (const colour of Object.values(LEVEL_COLOURS)) expect(heatMapPage.colours[colour]).toBeGreaterThan(5_000);
    // …and OCR reads the axis and legend back from the image.
    const ocr = ocrWords(heatMapPage.ocrText ?? '');
    expect(ocr).toContain('impact');
    expect(ocr).toContain('maatregelen');
    fs.copyFileSync(heatMapPage.png, path.join(DOCUMENT_OUTPUT_DIR, 'dpia-report-heat-map.png'));
  });

  it('9: measures are tracked to implementation; a member of the team reports it (the PB keeps the register)', async () => {
    const { dpia: current } = await pb.ok(DPIA, { id: dpia.id });
    for (const m of current.measures) await pb.ok(TRACK_MEASURE, { measureId: m.id, status: 'implemented' });
    await perform(await TestClient.as(platform, 'ciso.leusden'), dpia.instanceId, 'TrackMeasures', { trackingNote: 'Beide maatregelen uitgevoerd.' });
    expect((await pb.ok(DPIA, { id: dpia.id })).dpia.measures.map((m: any) => m.status)).toEqual(['implemented', 'implemented']);
  });

  it('10: the FG advises on version 1; the advice is followed; no prior consultation', async () => {
    await perform(fg, dpia.instanceId, 'FgAssessment', { fgOpinion: 'positief', fgAdvice: 'Akkoord; evalueer de bewaartermijn na een jaar.' });
    expect(await attempt(gs, dpia.instanceId, 'DecideOnAdvice', { adviceFollowed: false })).toMatchObject({ code: 'DPIA_ADVICE_REASON_REQUIRED' });
    await perform(gs, dpia.instanceId, 'DecideOnAdvice', { adviceFollowed: true });
    const { dpia: advised } = await pb.ok(DPIA, { id: dpia.id });
    expect(advised.fgAdvice).toEqual([
      { version: 1, opinion: 'positief', advice: 'Akkoord; evalueer de bewaartermijn na een jaar.', advisedBy: 'fg', followed: true, notFollowedReason: null, revisionRequest: null, decidedBy: 'gemeentesecretaris.leusden' },
    ]);
    expect(await openTaskIds(pb, dpia.instanceId)).toEqual(['UpdateRegister']);
  });

  it('11 and re-assessment: the register is updated, and when the re-assessment is due a new DPIA of the processing starts', async () => {
    await perform(pb, dpia.instanceId, 'UpdateRegister', { registerNote: 'DPIA afgerond' });
    const history = await eventually(async () => {
      const { processing } = await pb.ok(PROCESSING, { id: dpia.processingId });
      return processing.dpiaHistory.length === 2 ? processing.dpiaHistory : undefined;
    });
    expect(history.map((d: any) => [d.kind, d.status])).toEqual([
      ['initial', 'completed'],
      ['reassessment', 'signalled'],
    ]);
    const { processing } = await pb.ok(PROCESSING, { id: dpia.processingId });
    expect(processing.status).toBe('allowed');
  });
});
