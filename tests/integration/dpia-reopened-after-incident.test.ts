import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';
import { aProcessing, DPIA, PROCESSING, quickscanValues, SIGNAL_NEW_PROCESSING } from '../support/dpia-operations';
import { aReport, INVESTIGATION, openTaskIds, perform, REPORT_INCIDENT } from '../support/incident-operations';

/**
 * Issue 6 point 8 (BLNP Bijlage 4 and 3): the evaluation of an incident shows that the DPIA of the
 * processing it concerned no longer holds, and reopens it from the incident case.
 */
const REOPEN = `mutation Reopen($incidentId: ID!, $processingId: ID!, $reason: String!) {
  reopenDpiaAfterIncident(incidentId: $incidentId, processingId: $processingId, reason: $reason) {
    id reference kind status signal sourceIncidentId processingId instanceId } }`;
const REOPENED = `query Reopened($id: ID!) { incident(id: $id) { reference reopenedDpias { reference sourceIncidentId kind } } }`;

describe('an incident evaluation reopens the DPIA of the processing it concerned', () => {
  let db: TestDatabase;
  let platform: Platform;
  let owner: TestClient, fg: TestClient, pb: TestClient, ciso: TestClient, ict: TestClient, employee: TestClient, pbElsewhere: TestClient;
  let processingId: string;
  let incident: { id: string; instanceId: string; reference: string };

  const dpiaCount = async () => Number((await platform.database.dataSource.query('SELECT count(*)::int AS n FROM dpia'))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    [owner, fg, pb, ciso, ict, employee, pbElsewhere] = await Promise.all(
      ['proceseigenaar.putten', 'fg', 'privacybeheerder.putten', 'ciso.putten', 'systeembeheer.putten', 'medewerker.putten', 'privacybeheerder.bunschoten']
        .map((u) => TestClient.as(platform, u)),
    );
    // The processing passed its compliance check last year and is in use.
    const first = (await owner.ok(SIGNAL_NEW_PROCESSING, { processing: aProcessing(), signal: 'Nieuw digitaal loket parkeervergunningen' })).signalNewProcessing;
    processingId = first.processingId;
    await perform(fg, first.instanceId, 'FgAdviceToOwner', { ownerAdvice: 'Quickscan laten doen.', dpiaAdvised: true });
    await perform(owner, first.instanceId, 'AssignToPb', { assignmentNote: 'Graag.' });
    await perform(pb, first.instanceId, 'Quickscan', quickscanValues({ edpb: ['large_scale'] }));
    await perform(pb, first.instanceId, 'ComplianceCheck', { complianceFindings: 'In orde.' });
    await perform(pb, first.instanceId, 'UpdateRegister', { registerNote: 'Opgenomen.' });
    expect((await pb.ok(DPIA, { id: first.id })).dpia.completedAt).not.toBeNull();

    // An incident in the parking system: reported, repaired by ICT, closed by the CISO.
    incident = (await employee.ok(REPORT_INCIDENT, { report: aReport({ affected: 'Parkeersysteem: vergunningen van inwoners zichtbaar voor andere inwoners.' }) })).reportIncident;
    await perform(ciso, incident.instanceId, 'AssessReport', { incidentConfirmed: true, impact: 'laag', personalData: false, assessmentNote: 'Configuratiefout' });
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('is refused while the incident is still being handled, and starts nothing', async () => {
    const before = await dpiaCount();
    const early = await pb.gql(REOPEN, { incidentId: incident.id, processingId, reason: 'Te vroeg' });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'DPIA_INCIDENT_NOT_CLOSED', status: 'in_progress' });
    expect(await dpiaCount()).toBe(before);
  });

  it('after closure, the PB reopens the DPIA with what the evaluation found; the new DPIA names the incident and the logbook names the DPIA', async () => {
    await perform(ict, incident.instanceId, 'RepairLow', { repairSummary: 'Rechten in het parkeersysteem hersteld.' });
    await perform(ciso, incident.instanceId, 'CloseIncident', { closureSummary: 'Configuratiefout hersteld.' });

    const missingReason = await pb.gql(REOPEN, { incidentId: incident.id, processingId, reason: '  ' });
    expect(missingReason.errors?.[0].extensions).toMatchObject({ code: 'DPIA_PROCESSING_INVALID', fields: ['reason'] });
    const byCiso = await ciso.gql(REOPEN, { incidentId: incident.id, processingId, reason: 'Autorisaties' });
    expect(byCiso.errors?.[0].extensions?.code).toBe('DPIA_FORBIDDEN');
    const elsewhere = await pbElsewhere.gql(REOPEN, { incidentId: incident.id, processingId, reason: 'Autorisaties' });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('DPIA_NOT_FOUND');

    const { reopenDpiaAfterIncident: reopened } = await pb.ok(REOPEN, { incidentId: incident.id, processingId, reason: 'Autorisatiemodel van het parkeersysteem schiet tekort.' });
    expect(reopened).toMatchObject({ kind: 'reassessment', status: 'signalled', sourceIncidentId: incident.id, processingId });
    expect(reopened.signal).toBe(`Heropend na de evaluatie van ${incident.reference}: Autorisatiemodel van het parkeersysteem schiet tekort.`);
    expect(await openTaskIds(fg, reopened.instanceId)).toEqual(['FgAdviceToOwner']);

    const { incident: seen } = await pb.ok(REOPENED, { id: incident.id });
    expect(seen.reopenedDpias).toEqual([{ reference: reopened.reference, sourceIncidentId: incident.id, kind: 'reassessment' }]);
    const { incident: investigation } = await ciso.ok(INVESTIGATION, { id: incident.id });
    expect(investigation.logbook.map((l: any) => l.text)).toContain('DPIA van verwerking "Digitaal aanvragen parkeervergunning" heropend: Autorisatiemodel van het parkeersysteem schiet tekort.');
    const { processing } = await owner.ok(PROCESSING, { id: processingId });
    expect(processing.dpiaHistory.map((d: any) => d.kind)).toEqual(['initial', 'reassessment']);
  });

  it('does not open a second DPIA while the reopened one runs', async () => {
    const before = await dpiaCount();
    const again = await pb.gql(REOPEN, { incidentId: incident.id, processingId, reason: 'Nog eens' });
    expect(again.errors?.[0].extensions?.code).toBe('DPIA_ALREADY_OPEN');
    expect(await dpiaCount()).toBe(before);
  });
});
