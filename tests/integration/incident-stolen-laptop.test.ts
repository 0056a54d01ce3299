import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';
import { INSTANCE } from '../support/operations';
import { aReport, hoursAgo, INCIDENT, openTaskIds, perform, REPORT_INCIDENT } from '../support/incident-operations';

/**
 * Scenario (c), BLNP Bijlage 3 steps 11–14 and 15: a laptop is stolen from a car. The IRT
 * finds criminal activity, the gemeentesecretaris decides on the police report (aangifte);
 * the disk was encrypted, so the FG advises — and the GS decides — not to notify the AP
 * (EDPB example: stolen device with state-of-the-art encryption). It is still registered.
 */
describe('scenario (c): a stolen laptop with a police report', () => {
  let db: TestDatabase;
  let platform: Platform;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('runs the criminal branch and ends without an AP notification', async () => {
    const employee = await TestClient.as(platform, 'medewerker2.leusden');
    const ciso = await TestClient.as(platform, 'ciso.leusden');
    const irt = await TestClient.as(platform, 'irt.leusden');
    const gs = await TestClient.as(platform, 'gemeentesecretaris.leusden');
    const fg = await TestClient.as(platform, 'fg');

    const { reportIncident: incident } = await employee.ok(REPORT_INCIDENT, {
      report: aReport({
        whatHappened: 'Dienstlaptop gestolen uit de auto bij een huisbezoek.',
        noticedBy: 'Consulent Wmo',
        occurredAt: hoursAgo(6),
        discoveredAt: hoursAgo(5),
        cause: 'Inbraak in de auto.',
        discoveryMethod: 'Ruit ingeslagen aangetroffen.',
        affected: 'Laptop met lokale kopieën van Wmo-dossiers (versleutelde schijf).',
        possibleImpact: 'Mogelijk inzage in gezondheidsgegevens als de versleuteling faalt.',
        personalDataSuspected: true,
        classificationCode: 'beheer.diefstal-van-apparatuur',
      }),
    });
    expect(incident.proposedImpact).toBe('midden');

    await perform(ciso, incident.instanceId, 'AssessReport', { incidentConfirmed: true, impact: 'hoog', impactCorrectionReason: 'Gezondheidsgegevens en diefstal: IRT.', personalData: true });
    await perform(ciso, incident.instanceId, 'AssembleIrt', { irtMembers: 'CISO, FG, PB, systeembeheer' });
    await perform(irt, incident.instanceId, 'IrtFirstAssessment', { criminalActivity: true, investigationApproach: 'Apparaat op afstand blokkeren; sleutelbeheer controleren.' });

    expect(await openTaskIds(gs, incident.instanceId)).toEqual(['DecidePoliceReport']);
    await perform(gs, incident.instanceId, 'DecidePoliceReport', { policeReportFiled: true, policeTakesOver: false, policeNote: 'Na overleg met de burgemeester aangifte gedaan.' });
    await perform(irt, incident.instanceId, 'ContainAndInvestigate', {
      containmentSummary: 'Laptop op afstand geblokkeerd, account ingetrokken.',
      finalEstimate: 'BitLocker met TPM en pincode; herstelsleutel niet op het apparaat.',
      systemsRestored: true,
    });
    await perform(irt, incident.instanceId, 'InformExternalParties', { ibdInformed: true, thirdPartiesInformed: false, banksInformed: false });

    await perform(fg, incident.instanceId, 'FgAdvice', {
      lossOrUnlawfulProcessing: true,
      specialCategories: true,
      sensitiveData: true,
      natureAndScale: 'Verlies van een versleutelde laptop met Wmo-dossiers van ongeveer 60 cliënten.',
      approxDataSubjects: 60,
      vulnerableSubjects: true,
      dataUnintelligible: true,
      likelyConsequences: 'Geen, zolang de sleutel veilig is.',
      adviceNotifyAp: false,
      adviceInformSubjects: false,
      adviceMotivation: 'Versleuteld volgens de stand van de techniek; sleutel niet gecompromitteerd.',
    });
    await perform(gs, incident.instanceId, 'GsDecision', { notifyAp: false, informSubjects: false, decisionMotivation: 'Conform advies FG: niet melden, wel registreren.' });

    const { incident: file } = await ciso.ok(INCIDENT, { id: incident.id });
    expect(file.breach.advice.proposal).toMatchObject({ notifyAp: false, informSubjects: false });
    expect(file.breach.decision).toMatchObject({ notifyAp: false, informSubjects: false, followsAdvice: true });
    expect(file.breach.apNotification).toBeNull();
    expect(file.breach.overdue).toBe(false);

    expect(await openTaskIds(ciso, incident.instanceId)).toEqual(['CloseIncident']);
    const { processInstance } = await ciso.ok(INSTANCE, { id: incident.instanceId });
    expect(processInstance.variables).toMatchObject({ criminalActivity: true, policeReportFiled: true, policeTakesOver: false });
    const left = processInstance.history.filter((h: any) => h.kind === 'left').map((h: any) => h.elementId);
    expect(left).toEqual(expect.arrayContaining(['DecidePoliceReport', 'GsDecision']));
    expect(left).not.toContain('FileApNotification');
    expect(processInstance.history.find((h: any) => h.elementId === 'DecidePoliceReport' && h.kind === 'left').actor).toBe('gemeentesecretaris.leusden');
  });
});
