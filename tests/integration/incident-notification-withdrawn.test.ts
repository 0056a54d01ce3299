import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';
import {
  AP_FORM_BSN_LIST,
  aBreachReport,
  attempt,
  INCIDENT,
  openTaskIds,
  perform,
  RECORD_AP_ACKNOWLEDGEMENT,
  REPORT_INCIDENT,
  UPDATE_AP_NOTIFICATION,
} from '../support/incident-operations';

/**
 * Scenario (e), BLNP Bijlage 3 steps 15, 16, 25 and 26: a provisional notification is filed
 * within 72 hours as a precaution, supplemented, and withdrawn when the investigation shows
 * there was no breach. Along the way: the FG advises and the GS decides (never the same
 * person), and advice and decision cannot be changed afterwards.
 */
describe('scenario (e): a provisional AP notification is withdrawn', () => {
  let db: TestDatabase;
  let platform: Platform;
  let employee: TestClient;
  let ciso: TestClient;
  let fgAndGs: TestClient;
  let gs: TestClient;
  let pb: TestClient;
  let ict: TestClient;
  let irt: TestClient;
  let incident: any;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    employee = await TestClient.as(platform, 'medewerker.putten');
    ciso = await TestClient.as(platform, 'ciso.putten');
    fgAndGs = await TestClient.as(platform, 'fg-gs.putten');
    gs = await TestClient.as(platform, 'gemeentesecretaris.putten');
    pb = await TestClient.as(platform, 'privacybeheerder.putten');
    ict = await TestClient.as(platform, 'systeembeheer.putten');
    irt = await TestClient.as(platform, 'irt.putten');
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('the CISO lowers the proposed impact with a reason and starts the clock at awareness', async () => {
    ({ reportIncident: incident } = await employee.ok(REPORT_INCIDENT, {
      report: aBreachReport(2, { whatHappened: 'Een map met 12 dossiers van inwoners ligt mogelijk sinds gisteren in de openbare printerruimte.' }),
    }));
    expect(incident.proposedImpact).toBe('midden');
    await perform(ciso, incident.instanceId, 'AssessReport', {
      incidentConfirmed: true,
      impact: 'laag',
      impactCorrectionReason: 'Printerruimte is alleen met een pas toegankelijk; map is snel terug te vinden.',
      personalData: true,
    });
    const { incident: assessed } = await ciso.ok(INCIDENT, { id: incident.id });
    expect(assessed).toMatchObject({ impact: 'laag', personalData: true, impactCorrectionReason: expect.stringContaining('pas toegankelijk') });
    expect(assessed.breach.awareAt).toBe(assessed.discoveredAt);
  });

  it('15: the FG advises with the platform proposal; who advised may not decide', async () => {
    await perform(fgAndGs, incident.instanceId, 'FgAdvice', {
      lossOrUnlawfulProcessing: true,
      specialCategories: false,
      sensitiveData: false,
      natureAndScale: 'Mogelijk inzage in 12 papieren dossiers.',
      approxDataSubjects: 12,
      vulnerableSubjects: false,
      dataUnintelligible: false,
      likelyConsequences: 'Beperkt; geen gevoelige gegevens.',
      adviceNotifyAp: true,
      adviceInformSubjects: false,
      adviceMotivation: 'Uit voorzorg voorlopig melden; na onderzoek definitief maken of intrekken.',
    });
    const { incident: advised } = await gs.ok(INCIDENT, { id: incident.id });
    expect(advised.breach.advice).toMatchObject({ advisedBy: 'fg-gs.putten', notifyAp: true, informSubjects: false });
    expect(advised.breach.advice.proposal).toMatchObject({ notifyAp: true, informSubjects: false });
    expect(advised.breach.advice.proposal.reasons.join(' ')).toContain('art. 33 lid 1');

    const refused = await attempt(fgAndGs, incident.instanceId, 'GsDecision', { notifyAp: true, informSubjects: false, decisionMotivation: 'Zelf besloten' });
    expect(refused?.code).toBe('SEPARATION_OF_DUTIES');
    expect((await gs.ok(INCIDENT, { id: incident.id })).incident.breach.decision).toBeNull();

    await perform(gs, incident.instanceId, 'GsDecision', { notifyAp: true, informSubjects: false, decisionMotivation: 'Voorlopig melden conform advies.' });
    const { incident: decided } = await gs.ok(INCIDENT, { id: incident.id });
    expect(decided.breach.decision).toMatchObject({ decidedBy: 'gemeentesecretaris.putten', notifyAp: true, followsAdvice: true });
  });

  it('advice and decision are immutable: no API changes them and the database refuses', async () => {
    const mutations = await gs.ok(`query { __schema { mutationType { fields { name } } } }`);
    const names: string[] = mutations.__schema.mutationType.fields.map((f: any) => f.name);
    expect(names.filter((n) => /advice|decision/i.test(n))).toEqual([]);
    const sql = platform.database.dataSource;
    await expect(sql.query(`UPDATE breach_advice SET notify_ap = false`)).rejects.toThrow(/immutable record/);
    await expect(sql.query(`UPDATE breach_decision SET decided_by = 'iemand-anders'`)).rejects.toThrow(/immutable record/);
    await expect(sql.query(`DELETE FROM breach_decision`)).rejects.toThrow(/immutable record/);
    const { incident: after } = await gs.ok(INCIDENT, { id: incident.id });
    expect(after.breach.advice.notifyAp).toBe(true);
    expect(after.breach.decision.decidedBy).toBe('gemeentesecretaris.putten');
  });

  it('16: the PB completes the AP form and files the provisional notification within 72 hours', async () => {
    const incomplete = await attempt(pb, incident.instanceId, 'FileApNotification', { apNotificationNumber: 'AP-2026-1001' });
    expect(incomplete?.code).toBe('AP_FORM_INVALID');
    expect((incomplete?.fieldErrors as any[]).map((e) => e.field)).toEqual(expect.arrayContaining(['notifier', 'natureOfBreach', 'measuresTaken']));

    const badOption = await pb.gql(UPDATE_AP_NOTIFICATION, { incidentId: incident.id, form: { natureOfBreach: ['weggegooid'] } });
    expect(badOption.errors?.[0].extensions).toMatchObject({ code: 'AP_FORM_INVALID' });
    const notPb = await gs.gql(UPDATE_AP_NOTIFICATION, { incidentId: incident.id, form: { summary: 'x' } });
    expect(notPb.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await pb.ok(UPDATE_AP_NOTIFICATION, { incidentId: incident.id, form: { ...AP_FORM_BSN_LIST, dataCategories: ['naw'], incidentTypes: ['papieren-document'] } });
    await perform(pb, incident.instanceId, 'FileApNotification', { apNotificationNumber: 'AP-2026-1001' });
    const { incident: filed } = await pb.ok(INCIDENT, { id: incident.id });
    expect(filed.breach.apNotification).toMatchObject({ status: 'provisional', apNumber: 'AP-2026-1001', lateReason: null });
    expect(filed.breach.apNotification.markdown).toContain('| Status | Voorlopige melding |');
    expect(filed.breach.apNotification.html).toContain('<th scope="row">Meldnummer AP</th><td>AP-2026-1001</td>');
  });

  it('the provisional notification is supplemented, each supplement kept with what it adds', async () => {
    const withoutNote = await pb.gql(UPDATE_AP_NOTIFICATION, { incidentId: incident.id, form: { subjectsMin: 0, subjectsMax: 12 } });
    expect(withoutNote.errors?.[0].extensions?.code).toBe('AP_FORM_INVALID');
    const { updateApNotification } = await pb.ok(UPDATE_AP_NOTIFICATION, {
      incidentId: incident.id,
      form: { subjectsMin: 0, subjectsMax: 12 },
      note: 'Aantal betrokkenen bijgesteld: mogelijk niemand.',
    });
    expect(updateApNotification.events.map((e: any) => e.kind)).toEqual(['drafted', 'edited', 'submitted', 'supplemented']);
    expect(updateApNotification.events[3]).toMatchObject({ note: 'Aantal betrokkenen bijgesteld: mogelijk niemand.', actor: 'privacybeheerder.putten' });
    await pb.ok(RECORD_AP_ACKNOWLEDGEMENT, { incidentId: incident.id, acknowledgement: 'Ontvangstbevestiging AP per e-mail, kenmerk AP-2026-1001' });
  });

  it('25–26: the investigation finds no breach; the IRT concludes to withdraw and the PB withdraws', async () => {
    await perform(ict, incident.instanceId, 'RepairLow', { repairSummary: 'Map ongeopend in de afgesloten printerruimte teruggevonden.' });
    await perform(irt, incident.instanceId, 'ReassessApNotification', { apOutcome: 'intrekken', reassessmentMotivation: 'Map ongeopend teruggevonden: geen inbreuk.' });
    await perform(pb, incident.instanceId, 'FinalizeApNotification', { apAcknowledgement: 'Intrekking bevestigd door de AP' });
    const { incident: withdrawn } = await pb.ok(INCIDENT, { id: incident.id });
    expect(withdrawn.breach.apNotification).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'Map ongeopend teruggevonden: geen inbreuk.',
      closedBy: 'privacybeheerder.putten',
      acknowledgement: 'Intrekking bevestigd door de AP',
    });
    expect(withdrawn.breach.apNotification.events.map((e: any) => e.kind)).toEqual(['drafted', 'edited', 'submitted', 'supplemented', 'withdrawn']);
    expect(withdrawn.breach.apNotification.markdown).toContain('| Status | Ingetrokken |');
    const late = await pb.gql(UPDATE_AP_NOTIFICATION, { incidentId: incident.id, form: { summary: 'nog iets' }, note: 'aanvulling' });
    expect(late.errors?.[0].extensions?.code).toBe('AP_NOTIFICATION_WRONG_STATE');
    // Data subjects were not to be informed: the case goes to closing.
    expect(await openTaskIds(ciso, incident.instanceId)).toEqual(['CloseIncident']);
  });
});
