import path from 'node:path';
import type { Platform } from '../../src/platform';
import { CORRELATE } from '../support/operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, startTestPlatform, TestClient } from '../support/test-platform';
import { attempt, openTaskIds, perform } from '../support/incident-operations';
import {
  aProcessing,
  DPIA,
  PLAN_MEASURE,
  PROCESSING,
  QUESTIONNAIRE_ANSWERS,
  quickscanValues,
  RECORD_RISKS,
  SIGNAL_NEW_PROCESSING,
  START_PROCESSING,
} from '../support/dpia-operations';

const WEEK = 7 * 24 * 3600_000;
const weeksAgo = (weeks: number) => new Date(Date.now() - weeks * WEEK).toISOString().slice(0, 10);

/**
 * BLNP Bijlage 4 with art. 36 AVG: profiling of social-domain clients (an AP list type) keeps a high risk
 * after measures. The FG advises (not a team member), MT/B&W do not follow the advice and say why, the PB
 * consults the AP. The consultation was submitted nine weeks ago, so the AP's eight-week term has passed
 * and its durable timer is due at once: the PB is asked to remind the AP. The AP extends its term by six
 * weeks (once only), then answers; only then may the processing start.
 */
describe('DPIA: high residual risk → prior consultation of the AP → answer → processing allowed', () => {
  let db: TestDatabase;
  let platform: Platform;
  let owner: TestClient;
  let fg: TestClient;
  let fgOnTeam: TestClient;
  let pb: TestClient;
  let gs: TestClient;
  let dpia: any;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    owner = await TestClient.as(platform, 'proceseigenaar.putten');
    fg = await TestClient.as(platform, 'fg');
    fgOnTeam = await TestClient.as(platform, 'fg-gs.putten');
    pb = await TestClient.as(platform, 'privacybeheerder.putten');
    gs = await TestClient.as(platform, 'gemeentesecretaris.putten');
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('1–8: an AP-listed profiling processing goes through a full DPIA whose residual risk stays high', async () => {
    const processing = aProcessing({ name: 'Risicoprofilering bijstandsfraude', specialCategories: ['Gezondheid'], dataSubjectCategories: ['Bijstandsgerechtigden'] });
    dpia = (await owner.ok(SIGNAL_NEW_PROCESSING, { processing, signal: 'Nieuw risicomodel voor heronderzoek' })).signalNewProcessing;
    await perform(fg, dpia.instanceId, 'FgAdviceToOwner', { ownerAdvice: 'Een DPIA is verplicht (lijst AP).', dpiaAdvised: true });
    await perform(owner, dpia.instanceId, 'AssignToPb', { assignmentNote: 'DPIA uitvoeren' });
    await perform(pb, dpia.instanceId, 'Quickscan', quickscanValues({ ap: ['profiling', 'fraud_prevention'], edpb: ['evaluation_or_scoring'] }));
    expect((await pb.ok(DPIA, { id: dpia.id })).dpia.quickscan.reasoning).toContain('Profilering (nr. 15)');
    // fg-gs.putten is FG and GS; here a team member, so never the FG who assesses this DPIA.
    await perform(pb, dpia.instanceId, 'FormDpiaTeam', { teamMembers: 'privacybeheerder.putten, ciso.putten, fg-gs.putten' });
    await pb.ok(RECORD_RISKS, {
      dpiaId: dpia.id,
      risks: [{ code: 'R1', title: 'Discriminerende selectie door het model', before: { likelihood: 4, impact: 4 }, after: { likelihood: 3, impact: 4 } }],
    });
    await pb.ok(PLAN_MEASURE, { dpiaId: dpia.id, measure: { riskCode: 'R1', description: 'Menselijke toets van elke selectie', owner: 'proceseigenaar.putten', dueDate: '2027-06-01' } });
    await perform(pb, dpia.instanceId, 'AssessImpact', QUESTIONNAIRE_ANSWERS);
    await perform(pb, dpia.instanceId, 'WriteReport', { reportSummary: 'Het restrisico blijft hoog.' });
    await perform(pb, dpia.instanceId, 'TrackMeasures', {});
    expect((await pb.ok(DPIA, { id: dpia.id })).dpia.residualLevel).toBe('high');
  });

  it('10: a member of the DPIA team cannot give the FG advice on it', async () => {
    expect(await attempt(fgOnTeam, dpia.instanceId, 'FgAssessment', { fgOpinion: 'positief', fgAdvice: 'Akkoord' })).toMatchObject({ code: 'DPIA_FG_IN_TEAM', members: ['fg-gs.putten'] });
    expect((await pb.ok(DPIA, { id: dpia.id })).dpia.fgAdvice).toEqual([]);
    await perform(fg, dpia.instanceId, 'FgAssessment', { fgOpinion: 'negatief', fgAdvice: 'Niet starten zonder voorafgaande raadpleging; liever afzien van het model.' });
  });

  it('10: MT/B&W do not follow the advice and say why; the processing may not start', async () => {
    await perform(gs, dpia.instanceId, 'DecideOnAdvice', { adviceFollowed: false, notFollowedReason: 'Het college wil het model met menselijke toets inzetten, na raadpleging van de AP.' });
    const { dpia: decided } = await pb.ok(DPIA, { id: dpia.id });
    expect(decided.fgAdvice[0]).toMatchObject({ followed: false, notFollowedReason: 'Het college wil het model met menselijke toets inzetten, na raadpleging van de AP.', decidedBy: 'gemeentesecretaris.putten' });
    expect(decided.status).toBe('prior_consultation');
    expect(await openTaskIds(pb, dpia.instanceId)).toEqual(['SubmitToAp']);
    const refused = await owner.gql(START_PROCESSING, { processingId: dpia.processingId });
    expect(refused.errors?.[0].extensions?.code).toBe('DPIA_PRIOR_CONSULTATION_PENDING');
  });

  it('art. 36: submitted nine weeks ago, the AP term of eight weeks has passed: the timer asks the PB to remind the AP', async () => {
    const future = new Date(Date.now() + WEEK).toISOString().slice(0, 10);
    expect(await attempt(pb, dpia.instanceId, 'SubmitToAp', { apSubmittedAt: future, apReference: 'AP-z2026-1' })).toMatchObject({ code: 'DPIA_AP_SUBMISSION_IN_FUTURE' });
    await perform(pb, dpia.instanceId, 'SubmitToAp', { apSubmittedAt: weeksAgo(9), apReference: 'AP-z2026-1' });
    const { dpia: submitted } = await pb.ok(DPIA, { id: dpia.id });
    expect(Date.parse(submitted.apTermEndsAt) - Date.parse(submitted.apSubmittedAt)).toBe(8 * WEEK);
    await eventually(async () => (await openTaskIds(pb, dpia.instanceId)).includes('RemindAp'));
    await perform(pb, dpia.instanceId, 'RemindAp', { reminderNote: 'Telefonisch gerappelleerd.' });
    expect((await owner.gql(START_PROCESSING, { processingId: dpia.processingId })).errors?.[0].extensions?.code).toBe('DPIA_PRIOR_CONSULTATION_PENDING');
  });

  it('art. 36 lid 2: the AP extends its term once, by six weeks', async () => {
    await pb.ok(CORRELATE, { name: 'ap-antwoord', businessKey: dpia.reference, variables: { apLetter: 'verlenging' } });
    await perform(pb, dpia.instanceId, 'RecordApExtension', { extensionNote: 'Complexiteit van het model' });
    const { dpia: extended } = await pb.ok(DPIA, { id: dpia.id });
    expect(extended.apTermExtended).toBe(true);
    expect(Date.parse(extended.apTermEndsAt) - Date.parse(extended.apSubmittedAt)).toBe(14 * WEEK);
  });

  it('the AP answers; the processing is allowed and may start after the register is updated', async () => {
    await pb.ok(CORRELATE, { name: 'ap-antwoord', businessKey: dpia.reference, variables: { apLetter: 'advies' } });
    await perform(pb, dpia.instanceId, 'RecordApAdvice', { apAdvice: 'Toegestaan mits menselijke toets en jaarlijkse audit op bias.', processingAllowed: true });
    const { processing } = await owner.ok(PROCESSING, { id: dpia.processingId });
    expect(processing.status).toBe('allowed');
    await perform(pb, dpia.instanceId, 'UpdateRegister', { registerNote: 'Advies AP verwerkt' });
    const { dpia: done } = await pb.ok(DPIA, { id: dpia.id });
    expect(done).toMatchObject({ status: 'completed', processingAllowed: true, apAdvice: 'Toegestaan mits menselijke toets en jaarlijkse audit op bias.' });
    // Nothing is left open: the case waits only for the re-assessment timer.
    expect(await openTaskIds(pb, dpia.instanceId)).toEqual([]);
    const { startProcessing } = await owner.ok(START_PROCESSING, { processingId: dpia.processingId });
    expect(startProcessing.status).toBe('in_use');
  });
});
