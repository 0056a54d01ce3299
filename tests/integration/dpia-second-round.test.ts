import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';
import { attempt, openTask, openTaskIds, perform } from '../support/incident-operations';
import { COMPLETE } from '../support/operations';
import { aProcessing, DPIA, DPIA_REPORT_PDF, PLAN_MEASURE, PROCESSING, quickscanValues, RECORD_RISKS, SIGNAL_NEW_PROCESSING, TRACK_MEASURE } from '../support/dpia-operations';

const ROUND_1 = {
  systematicDescription: 'Handhavers dragen een bodycam die continu opneemt tijdens de dienst.',
  purposes: 'Veiligheid van handhavers en bewijs bij agressie.',
  necessityProportionality: 'Continu opnemen; bewaartermijn drie maanden.',
  risksToRights: 'Inwoners worden gefilmd zonder dat er iets aan de hand is.',
  measuresDescription: 'Toegang tot beelden alleen voor de teamleider.',
};
const ROUND_2 = {
  ...ROUND_1,
  necessityProportionality: 'Alleen opnemen na een waarschuwing bij dreigende agressie; bewaartermijn 28 dagen.',
  measuresDescription: 'Opnemen alleen na waarschuwing; automatische verwijdering na 28 dagen; toegang alleen voor de teamleider, gelogd.',
};
const REVISION = 'Beperk het opnemen tot incidenten en verkort de bewaartermijn, zoals de FG adviseert; leg de DPIA daarna opnieuw voor.';

/**
 * BLNP Bijlage 4, step 10 with a second round: the FG advises negatively on version 1; MT/B&W follow the
 * advice by sending the DPIA back to the team. The team revises risks and measures and answers the
 * questionnaire again (version 2), writes report version 2, and the FG advises on version 2. Version 1 of
 * the answers, the report (with the risk register as it stood) and the advice stay as they were. Between a
 * report and the decision on the FG's advice the risk register stands still.
 */
describe('DPIA: the FG advice sends the DPIA back for a second round (version 2)', () => {
  let db: TestDatabase;
  let platform: Platform;
  let owner: TestClient;
  let fg: TestClient;
  let pb: TestClient;
  let ciso: TestClient;
  let gs: TestClient;
  let dpia: any;
  let firstAssessmentTaskId: string;

  const current = async () => (await pb.ok(DPIA, { id: dpia.id })).dpia;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    owner = await TestClient.as(platform, 'proceseigenaar.leusden');
    fg = await TestClient.as(platform, 'fg');
    pb = await TestClient.as(platform, 'privacybeheerder.leusden');
    ciso = await TestClient.as(platform, 'ciso.leusden');
    gs = await TestClient.as(platform, 'gemeentesecretaris.leusden');
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('1–9, round 1: bodycams for enforcement officers; the team reports a high residual risk (version 1)', async () => {
    const processing = aProcessing({ name: 'Bodycams voor handhavers', dataCategories: ['Beeld en geluid'], processors: [] });
    dpia = (await owner.ok(SIGNAL_NEW_PROCESSING, { processing, signal: 'Handhavers krijgen bodycams' })).signalNewProcessing;
    await perform(fg, dpia.instanceId, 'FgAdviceToOwner', { ownerAdvice: 'Voer een DPIA uit.', dpiaAdvised: true });
    await perform(owner, dpia.instanceId, 'AssignToPb', { assignmentNote: 'DPIA bodycams' });
    await perform(pb, dpia.instanceId, 'Quickscan', quickscanValues({ edpb: ['systematic_monitoring', 'large_scale'] }));
    await perform(pb, dpia.instanceId, 'FormDpiaTeam', { teamMembers: 'privacybeheerder.leusden, ciso.leusden, proceseigenaar.leusden' });
    await pb.ok(RECORD_RISKS, {
      dpiaId: dpia.id,
      risks: [{ code: 'R1', title: 'Inwoners gefilmd zonder aanleiding', before: { likelihood: 4, impact: 3 }, after: { likelihood: 3, impact: 3 } }],
    });
    await pb.ok(PLAN_MEASURE, { dpiaId: dpia.id, measure: { riskCode: 'R1', description: 'Toegang alleen voor de teamleider', owner: 'ciso.leusden', dueDate: '2027-03-01' } });
    firstAssessmentTaskId = (await openTask(pb, dpia.instanceId, 'AssessImpact')).id;
    await perform(pb, dpia.instanceId, 'AssessImpact', ROUND_1);
    await perform(pb, dpia.instanceId, 'WriteReport', { reportSummary: 'Het restrisico blijft hoog.' });
    const reported = await current();
    expect([reported.status, reported.questionnaireVersion, reported.residualLevel]).toEqual(['reported', 1, 'high']);
  });

  it('between the report and the decision on the advice, risks and measures stand still; measure status still moves', async () => {
    const risks = [{ code: 'R1', title: 'Inwoners gefilmd zonder aanleiding', before: { likelihood: 4, impact: 3 }, after: { likelihood: 1, impact: 1 } }];
    expect((await pb.gql(RECORD_RISKS, { dpiaId: dpia.id, risks })).errors?.[0].extensions).toMatchObject({ code: 'DPIA_NOT_IN_ASSESSMENT', status: 'reported' });
    const measure = { riskCode: 'R1', description: 'Nog een maatregel', owner: 'ciso.leusden', dueDate: '2027-04-01' };
    expect((await pb.gql(PLAN_MEASURE, { dpiaId: dpia.id, measure })).errors?.[0].extensions?.code).toBe('DPIA_NOT_IN_ASSESSMENT');
    const [planned] = (await current()).measures;
    await pb.ok(TRACK_MEASURE, { measureId: planned.id, status: 'in_progress' });
    const after = await current();
    expect(after.risks.map((r: any) => [r.code, r.after.level])).toEqual([['R1', 'high']]);
    expect(after.measures.map((m: any) => [m.description, m.status])).toEqual([['Toegang alleen voor de teamleider', 'in_progress']]);

    await perform(ciso, dpia.instanceId, 'TrackMeasures', { trackingNote: 'Toegangsbeperking in uitvoering.' });
    expect((await pb.gql(RECORD_RISKS, { dpiaId: dpia.id, risks })).errors?.[0].extensions?.code).toBe('DPIA_NOT_IN_ASSESSMENT');
  });

  it('10: the FG advises negatively on version 1; MT/B&W send the DPIA back, saying what to revise', async () => {
    await perform(fg, dpia.instanceId, 'FgAssessment', { fgOpinion: 'negatief', fgAdvice: 'Niet continu opnemen; bewaartermijn fors verkorten.' });
    expect(await attempt(gs, dpia.instanceId, 'DecideOnAdvice', { adviceFollowed: true, reviseDpia: true })).toMatchObject({ code: 'DPIA_REVISION_REQUEST_REQUIRED', field: 'revisionRequest' });
    expect((await current()).fgAdvice[0]).toMatchObject({ version: 1, followed: null, revisionRequest: null, decidedBy: null });
    expect(await openTaskIds(gs, dpia.instanceId)).toEqual(['DecideOnAdvice']);

    await perform(gs, dpia.instanceId, 'DecideOnAdvice', { adviceFollowed: true, reviseDpia: true, revisionRequest: REVISION });
    const sentBack = await current();
    expect(sentBack.status).toBe('assessment');
    expect(sentBack.fgAdvice).toEqual([
      { version: 1, opinion: 'negatief', advice: 'Niet continu opnemen; bewaartermijn fors verkorten.', advisedBy: 'fg', followed: true, notFollowedReason: null, revisionRequest: REVISION, decidedBy: 'gemeentesecretaris.leusden' },
    ]);
    // No prior consultation and no register update for a version that is being revised.
    const { processing } = await pb.ok(PROCESSING, { id: dpia.processingId });
    expect(processing.status).not.toBe('prior_consultation');
    expect(await openTaskIds(ciso, dpia.instanceId)).toEqual(['AssessImpact']);
  });

  it('the first round\'s assessment task cannot be completed again into the second round', async () => {
    const replay = await pb.gql(COMPLETE, { id: firstAssessmentTaskId, values: ROUND_1 });
    expect(replay.errors?.[0].extensions?.code).toBe('TASK_ALREADY_COMPLETED');
    expect((await current()).questionnaireVersion).toBe(1);
  });

  it('7–9, round 2: the team revises risks and measures and answers the questionnaire again (version 2)', async () => {
    await pb.ok(RECORD_RISKS, {
      dpiaId: dpia.id,
      risks: [{ code: 'R1', title: 'Inwoners gefilmd zonder aanleiding', before: { likelihood: 4, impact: 3 }, after: { likelihood: 2, impact: 2 } }],
    });
    await pb.ok(PLAN_MEASURE, { dpiaId: dpia.id, measure: { riskCode: 'R1', description: 'Opnemen alleen na een waarschuwing', owner: 'proceseigenaar.leusden', dueDate: '2027-02-01' } });
    await perform(ciso, dpia.instanceId, 'AssessImpact', ROUND_2);
    await perform(ciso, dpia.instanceId, 'WriteReport', { reportSummary: 'Na aanpassing is het restrisico midden.' });
    await perform(ciso, dpia.instanceId, 'TrackMeasures', { trackingNote: 'Beide maatregelen gepland.' });

    const revised = await current();
    expect([revised.status, revised.questionnaireVersion, revised.residualLevel]).toEqual(['reported', 2, 'medium']);
    expect(revised.answers).toEqual([
      { version: 1, answers: ROUND_1, answeredBy: 'privacybeheerder.leusden' },
      { version: 2, answers: ROUND_2, answeredBy: 'ciso.leusden' },
    ]);
    const [v1, v2] = revised.reports;
    expect([v1.version, v2.version]).toEqual([1, 2]);
    // Each version's report keeps the risk register as it stood when it was written.
    expect(v1.markdown).toContain('| R1 | Inwoners gefilmd zonder aanleiding | 4×3 (Hoog) | 3×3 (Hoog) |');
    expect(v2.markdown).toContain('| R1 | Inwoners gefilmd zonder aanleiding | 4×3 (Hoog) | 2×2 (Midden) |');
    expect(v1.markdown).not.toContain('Opnemen alleen na een waarschuwing');
    expect(v2.markdown).toContain('Opnemen alleen na een waarschuwing');
    expect(v2.markdown).toContain(ROUND_2.necessityProportionality);

    const pdf = async (version: number) => (await pb.ok(DPIA_REPORT_PDF, { dpiaId: dpia.id, version })).dpiaReportPdf;
    const [pdf1, pdf2] = [await pdf(1), await pdf(2)];
    expect([pdf1.fileName, pdf2.fileName]).toEqual([`${dpia.reference}-v1.pdf`, `${dpia.reference}-v2.pdf`]);
    expect(createHash('sha256').update(Buffer.from(pdf1.base64, 'base64')).digest('hex')).toBe(v1.pdfSha256);
    expect(pdf2.sha256).toBe(v2.pdfSha256);
    expect(pdf1.sha256).not.toBe(pdf2.sha256);
  });

  it('10, round 2: the FG advises on version 2; MT/B&W follow it', async () => {
    await perform(fg, dpia.instanceId, 'FgAssessment', { fgOpinion: 'voorwaardelijk', fgAdvice: 'Akkoord als de verwijdering na 28 dagen wordt getest.' });
    await perform(gs, dpia.instanceId, 'DecideOnAdvice', { adviceFollowed: true });
    const decided = await current();
    expect(decided.fgAdvice.map((a: any) => [a.version, a.opinion, a.followed, a.revisionRequest])).toEqual([
      [1, 'negatief', true, REVISION],
      [2, 'voorwaardelijk', true, null],
    ]);
    expect(decided.status).toBe('register_update');
    expect(await openTaskIds(pb, dpia.instanceId)).toEqual(['UpdateRegister']);
  });

  it('11: the register is updated with the outcome of version 2; no prior consultation was needed', async () => {
    await perform(pb, dpia.instanceId, 'UpdateRegister', { registerNote: 'DPIA versie 2 vastgesteld' });
    const { processing } = await pb.ok(PROCESSING, { id: dpia.processingId });
    expect(processing.status).toBe('allowed');
    expect(processing.dpiaHistory[0]).toMatchObject({ reference: dpia.reference, status: 'completed', residualLevel: 'medium' });
    const done = await current();
    expect(done.apSubmittedAt).toBeNull();
  });
});
