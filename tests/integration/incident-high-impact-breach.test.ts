import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, startTestPlatform, TestClient } from '../support/test-platform';
import { INSTANCE } from '../support/operations';
import {
  ADD_LOG_NOTE,
  CHECK_MEASURE,
  MEASURE_DONE,
  PLAN_MEASURE,
  AP_FORM_BSN_LIST,
  aBreachReport,
  INVESTIGATION,
  RECORD_HOURS,
  REGISTER_EVIDENCE,
  attempt,
  FG_ADVICE_BSN_LIST,
  INCIDENT,
  openTaskIds,
  perform,
  REGISTER,
  REPORT_VIA_INTEGRATION,
  UPDATE_AP_NOTIFICATION,
} from '../support/incident-operations';

/**
 * Scenario (b), BLNP Bijlage 3 end to end: a high-impact breach reported through the
 * zaaksysteem on an employee's behalf. The IRT is assembled and investigates; the FG advises,
 * the GS decides, the PB files a provisional notification within 72 hours, supplements it and
 * makes it final; the data subjects are informed after the four-eyes check; the incident is
 * closed, evaluated, measures planned, the file archived and destroyed after its retention
 * period. Evaluation delay and retention are configured to zero so those timers are due at once.
 */
describe('scenario (b): a high-impact breach from report to destruction of the file', () => {
  let db: TestDatabase;
  let platform: Platform;
  let zaaksysteem: TestClient;
  let ciso: TestClient;
  let irt: TestClient;
  let fg: TestClient;
  let gs: TestClient;
  let pb: TestClient;
  let department: TestClient;
  let communications: TestClient;
  let incident: any;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, {
      bpmnDir: path.resolve(__dirname, '../../bpmn'),
      incidentEvaluationDelay: 'PT0S',
      incidentRetentionPeriod: 'PT0S',
    });
    const token = await platform.devIdentity!.sign({ username: 'service-account-zaaksysteem', realmRoles: ['integratie'], tenants: ['bunschoten', 'leusden', 'nijkerk', 'putten'] }, 'zaaksysteem');
    zaaksysteem = new TestClient(platform, token);
    ciso = await TestClient.as(platform, 'ciso.bunschoten');
    irt = await TestClient.as(platform, 'irt.bunschoten');
    fg = await TestClient.as(platform, 'fg');
    gs = await TestClient.as(platform, 'gemeentesecretaris.bunschoten');
    pb = await TestClient.as(platform, 'privacybeheerder.bunschoten');
    department = await TestClient.as(platform, 'afdelingsmanager.bunschoten');
    communications = await TestClient.as(platform, 'communicatie.bunschoten');
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('1–3: the zaaksysteem reports on behalf of an employee; an anonymous report carries no reporter', async () => {
    const anonymous = await zaaksysteem.gql(REPORT_VIA_INTEGRATION, { tenantId: 'bunschoten', report: { ...aBreachReport(1), anonymous: true, reporterName: 'X' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('INCIDENT_REPORT_INVALID');
    const needsTenant = await zaaksysteem.gql(REPORT_VIA_INTEGRATION, { report: aBreachReport(1) });
    expect(needsTenant.errors?.[0].extensions?.code).toBe('TENANT_REQUIRED');

    ({ reportIncidentViaIntegration: incident } = await zaaksysteem.ok(REPORT_VIA_INTEGRATION, {
      tenantId: 'bunschoten',
      report: { ...aBreachReport(3), onBehalfOf: 'medewerker.bunschoten' },
    }));
    expect(incident).toMatchObject({ reportedVia: 'integration', reportedBy: 'medewerker.bunschoten', anonymous: false, status: 'reported' });
    const { processInstance } = await ciso.ok(INSTANCE, { id: incident.instanceId });
    expect(processInstance.variables).toMatchObject({ reportedBy: 'medewerker.bunschoten', incidentId: incident.id });
  });

  it('6–11: hoog → the CISO assembles the IRT, which assesses (no criminal activity); the FG is asked to advise', async () => {
    await perform(ciso, incident.instanceId, 'AssessReport', { incidentConfirmed: true, impact: 'hoog', impactCorrectionReason: 'BSN van 40 inwoners bij een externe partij.', personalData: true });
    expect(await openTaskIds(fg, incident.instanceId)).toEqual(['FgAdvice']);
    await perform(ciso, incident.instanceId, 'AssembleIrt', { irtMembers: 'CISO (voorzitter), FG, PB, informatiemanager Sociaal Domein' });
    await perform(irt, incident.instanceId, 'IrtFirstAssessment', { criminalActivity: false, investigationApproach: 'Ontvanger benaderen, mailserverlog nagaan.' });
  });

  it('15–16: FG advice (proposal: notify and inform), GS decision, provisional notification within 72 hours', async () => {
    await perform(fg, incident.instanceId, 'FgAdvice', FG_ADVICE_BSN_LIST);
    await perform(gs, incident.instanceId, 'GsDecision', { notifyAp: true, informSubjects: true, decisionMotivation: 'Conform advies.' });
    await pb.ok(UPDATE_AP_NOTIFICATION, { incidentId: incident.id, form: AP_FORM_BSN_LIST });
    await perform(pb, incident.instanceId, 'FileApNotification', { apNotificationNumber: 'AP-2026-2002' });
    const { incident: file } = await pb.ok(INCIDENT, { id: incident.id });
    expect(file.breach.advice.proposal).toMatchObject({ notifyAp: true, informSubjects: true });
    expect(file.breach.apNotification).toMatchObject({ status: 'provisional', apNumber: 'AP-2026-2002', lateReason: null });
    expect(new Date(file.breach.apNotification.submittedAt).getTime()).toBeLessThan(new Date(file.breach.deadlineAt).getTime());
    // The clock stopped: no breach timers remain.
    const timers = await platform.database.dataSource.query(`SELECT element_id FROM timer_job WHERE instance_id = $1`, [incident.instanceId]);
    expect(timers).toEqual([]);
  });

  it('17–24: the IRT contains and investigates, informs IBD and third parties; the notification is supplemented', async () => {
    await perform(irt, incident.instanceId, 'ContainAndInvestigate', {
      containmentSummary: 'Ontvanger heeft verwijdering schriftelijk bevestigd.',
      finalEstimate: 'NAW en BSN van 40 inwoners; geen verdere verspreiding.',
      systemsRestored: true,
    });
    await perform(irt, incident.instanceId, 'InformExternalParties', { ibdInformed: true, thirdPartiesInformed: false, banksInformed: false });
    await irt.ok(REGISTER_EVIDENCE, {
      incidentId: incident.id,
      item: { description: 'Ondertekende verklaring van verwijdering door de ontvanger', kind: 'physical', storageLocation: 'Kluis CISO', storageMethod: 'Origineel in verzegelde envelop', reason: 'Bewijs van inperking' },
    });
    await irt.ok(RECORD_HOURS, { incidentId: incident.id, hours: { workDate: new Date().toISOString().slice(0, 10), hours: 6, activity: 'Onderzoek en inperking' } });
    await pb.ok(UPDATE_AP_NOTIFICATION, { incidentId: incident.id, form: { subjectsMin: 40, subjectsMax: 40, approxRecords: 40 }, note: 'Definitieve schatting: 40 inwoners.' });
  });

  it('25–26: the IRT confirms; the PB makes the notification final', async () => {
    await perform(irt, incident.instanceId, 'ReassessApNotification', { apOutcome: 'definitief', reassessmentMotivation: 'Inbreuk bevestigd, omvang vastgesteld.' });
    await perform(pb, incident.instanceId, 'FinalizeApNotification', {});
    const { incident: file } = await pb.ok(INCIDENT, { id: incident.id });
    expect(file.breach.apNotification.status).toBe('final');
    expect(file.breach.apNotification.events.map((e: any) => e.kind)).toEqual(['drafted', 'edited', 'submitted', 'supplemented', 'finalized']);
  });

  it('27–32: the department drafts the letter, PB and communications check it (four eyes), then it is sent', async () => {
    await perform(department, incident.instanceId, 'DraftSubjectNotice', { noticeChannel: 'brief', noticeText: 'Beste inwoner, ...' });
    expect(await openTaskIds(department, incident.instanceId)).toEqual([]);
    expect(await openTaskIds(communications, incident.instanceId)).toEqual(['CheckSubjectNotice']);
    await perform(communications, incident.instanceId, 'CheckSubjectNotice', { noticeApproved: false, noticeReviewRemarks: 'Contactgegevens voor vragen ontbreken.' });
    await perform(department, incident.instanceId, 'DraftSubjectNotice', { noticeChannel: 'brief', noticeText: 'Beste inwoner, ... Vragen? Bel 14 033.' });
    await perform(pb, incident.instanceId, 'CheckSubjectNotice', { noticeApproved: true });
    await perform(department, incident.instanceId, 'SendSubjectNotice', { noticeSentAt: new Date().toISOString(), subjectsInformedCount: 40 });
  });

  it('9, 38–41: closed (not by the reporter), evaluated, measures planned, archived and destroyed after retention', async () => {
    const reporter = await TestClient.as(platform, 'medewerker.bunschoten');
    expect(await openTaskIds(reporter, incident.instanceId)).toEqual([]);
    await ciso.ok(ADD_LOG_NOTE, { incidentId: incident.id, text: 'Mevrouw J. (ontvanger) bevestigde telefonisch de verwijdering.' });
    await perform(ciso, incident.instanceId, 'CloseIncident', { closureSummary: 'Datalek gemeld (definitief), betrokkenen per brief geïnformeerd.' });
    await perform(irt, incident.instanceId, 'Evaluate', { evaluationHeldAt: new Date().toISOString(), lessonsLearned: 'Autoaanvulling externe adressen uitzetten.', measuresNeeded: true });
    await perform(department, incident.instanceId, 'PlanMeasures', { measuresPlan: 'Autoaanvulling uit (ICT, 1 maand); bewustwording (afdeling, 3 maanden); effect meten na 6 maanden.' });
    // 40: the measure is owned, reported done by its owner and checked for effect by someone else.
    const { planImprovementMeasure: measure } = await department.ok(PLAN_MEASURE, {
      incidentId: incident.id,
      measure: { description: 'Autoaanvulling van externe e-mailadressen uitzetten', owner: 'afdelingsmanager.bunschoten', dueDate: '2027-01-31' },
    });
    expect(measure).toMatchObject({ status: 'open', owner: 'afdelingsmanager.bunschoten' });
    await department.ok(MEASURE_DONE, { measureId: measure.id, note: 'Uitgezet in de mailclient voor Sociaal Domein.' });
    const ownCheck = await department.gql(CHECK_MEASURE, { measureId: measure.id, effective: true, finding: 'werkt' });
    expect(ownCheck.errors?.[0].extensions?.code).toBe('SEPARATION_OF_DUTIES');
    const { checkImprovementMeasure: checked } = await ciso.ok(CHECK_MEASURE, { measureId: measure.id, effective: true, finding: 'Steekproef: geen autoaanvulling meer op externe adressen.' });
    expect(checked).toMatchObject({ status: 'effective', checkedBy: 'ciso.bunschoten' });

    await perform(pb, incident.instanceId, 'ArchiveCaseFile', { archiveLocation: 'Zaaksysteem, dossier vertrouwelijk', subjectListDestroyed: true });

    const destroyed = await eventually(async () => {
      const { incidentRegister } = await ciso.ok(REGISTER, { filter: { status: ['destroyed'] } });
      return incidentRegister.nodes[0];
    });
    // A minimal register entry stays; the report's texts and the reporter are gone.
    expect(destroyed).toMatchObject({ reference: incident.reference, impact: 'hoog', personalData: true, whatHappened: null, reportedBy: null });
    const { processInstance } = await ciso.ok(INSTANCE, { id: incident.instanceId });
    expect(processInstance).toMatchObject({ status: 'completed', variables: {} });
    const outputs = await platform.database.dataSource.query(`SELECT count(*)::int AS n FROM user_task WHERE instance_id = $1 AND output IS NOT NULL`, [incident.instanceId]);
    expect(outputs[0].n).toBe(0);
    // Team notes may name people and are gone; the platform's own lines stay.
    const { incident: records } = await ciso.ok(INVESTIGATION, { id: incident.id });
    const sources = records.logbook.map((l: any) => l.source);
    expect(sources).not.toContain('team');
    // The evidence goes with the file; the hours stay as the cost of the incident.
    expect(records.evidence).toEqual([]);
    expect(records.hours.totalHours).toBe(6);
    expect(records.logbook.at(-1)).toMatchObject({ source: 'platform', actor: 'system:retention', text: expect.stringContaining('Dossier vernietigd') });
    // What the AP received stays on file (art. 33(5) documentation).
    const { incident: file } = await fg.ok(INCIDENT, { id: incident.id });
    expect(file.breach.apNotification).toMatchObject({ status: 'final', apNumber: 'AP-2026-2002' });
    // The destruction is in the audit trail; the case's retention register says why; no service call keeps a copy of the answers.
    const sql = platform.database.dataSource;
    const entries = await sql.query(`SELECT actor, details FROM audit_entry WHERE instance_id = $1 AND action = 'case.personal-data-destroyed'`, [incident.instanceId]);
    expect(entries).toEqual([{ actor: 'system:retention', details: { caseType: 'incident', reason: 'retention', elementId: 'DestroyCaseFile' } }]);
    expect(await sql.query(`SELECT removal_reason FROM case_retention WHERE instance_id = $1`, [incident.instanceId])).toEqual([{ removal_reason: 'retention' }]);
    expect(await sql.query(`SELECT id FROM outbox_message WHERE instance_id = $1 AND payload ? 'variables'`, [incident.instanceId])).toEqual([]);
  });
});
