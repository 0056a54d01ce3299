import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';
import { attempt, openTaskIds, perform } from '../support/incident-operations';
import { aProcessing, DPIA, PROCESSING, quickscanValues, REGISTER, REGISTER_CSV, SIGNAL_NEW_PROCESSING, START_PROCESSING } from '../support/dpia-operations';

/**
 * BLNP Bijlage 4, a processing below the threshold: the process owner signals it, the FG advises, the PB
 * runs the quickscan (one EDPB criterion, no AP list type): no DPIA is required, the reasoning is recorded,
 * the PB does a compliance check and the verwerkingsregister shows it with its re-assessment date.
 */
describe('DPIA: a processing below the threshold gets a compliance check, no DPIA', () => {
  let db: TestDatabase;
  let platform: Platform;
  let owner: TestClient;
  let fg: TestClient;
  let pb: TestClient;
  let ownerElsewhere: TestClient;
  let dpia: any;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    owner = await TestClient.as(platform, 'proceseigenaar.bunschoten');
    fg = await TestClient.as(platform, 'fg');
    pb = await TestClient.as(platform, 'privacybeheerder.bunschoten');
    ownerElsewhere = await TestClient.as(platform, 'proceseigenaar.putten');
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('refuses a register entry without the art. 30 fields, naming them, and starts nothing', async () => {
    const result = await owner.gql(SIGNAL_NEW_PROCESSING, { processing: aProcessing({ purposes: ' ', dataCategories: [] }), signal: 'Nieuw' });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'DPIA_PROCESSING_INVALID', fields: ['purposes', 'dataCategories'] });
    expect((await owner.ok(REGISTER, {})).processingRegister.totalCount).toBe(0);
  });

  it('1–2: the process owner signals a new processing; it is in the register and the FG advises first', async () => {
    dpia = (await owner.ok(SIGNAL_NEW_PROCESSING, { processing: aProcessing(), signal: 'Nieuw digitaal loket voor parkeervergunningen' })).signalNewProcessing;
    expect(dpia).toMatchObject({ tenantId: 'bunschoten', kind: 'initial', status: 'signalled' });
    expect(dpia.reference).toMatch(/^DPIA-\d{4}-\d{5}$/);
    expect(await openTaskIds(fg, dpia.instanceId)).toEqual(['FgAdviceToOwner']);
    expect(await openTaskIds(ownerElsewhere, dpia.instanceId)).toEqual([]);
    const { processing } = await owner.ok(PROCESSING, { id: dpia.processingId });
    expect(processing).toMatchObject({ status: 'in_assessment', processOwner: 'proceseigenaar.bunschoten', dataCategories: ['NAW-gegevens', 'Kenteken', 'BSN'] });
    expect((await ownerElsewhere.ok(PROCESSING, { id: dpia.processingId })).processing).toBeNull();
  });

  it('2–3: the FG advises the owner, who gives the PB the assignment', async () => {
    await perform(fg, dpia.instanceId, 'FgAdviceToOwner', { ownerAdvice: 'Laat de privacybeheerder een quickscan doen.', dpiaAdvised: true });
    await perform(owner, dpia.instanceId, 'AssignToPb', { assignmentNote: 'Graag voor de livegang op 1 maart.' });
    expect(await openTaskIds(pb, dpia.instanceId)).toEqual(['Quickscan']);
  });

  it('4: an incomplete quickscan is refused and leaves the task open', async () => {
    const values = quickscanValues() as Record<string, unknown>;
    delete values.edpb_large_scale;
    expect(await attempt(pb, dpia.instanceId, 'Quickscan', values)).toMatchObject({ code: 'FORM_INVALID' });
    expect(await openTaskIds(pb, dpia.instanceId)).toEqual(['Quickscan']);
  });

  it('4–5: one EDPB criterion and no listed type: no DPIA required, the reasoning is recorded, compliance check follows', async () => {
    await perform(pb, dpia.instanceId, 'Quickscan', quickscanValues({ edpb: ['large_scale'] }));
    const { dpia: scanned } = await pb.ok(DPIA, { id: dpia.id });
    expect(scanned.route).toBe('compliance_check');
    expect(scanned.quickscan).toMatchObject({ dpiaRequired: false, routeChosenBy: 'rules', answeredBy: 'privacybeheerder.bunschoten' });
    expect(scanned.quickscan.triggers.edpbCriteria).toEqual(['large_scale']);
    expect(scanned.quickscan.reasoning).toContain('Uitkomst: een DPIA is niet verplicht.');
    expect(scanned.quickscan.reasoning).toContain('1 van de 9 EDPB-criteria is van toepassing');
    expect(await openTaskIds(pb, dpia.instanceId)).toEqual(['ComplianceCheck']);
  });

  it('11: after the compliance check the register shows the processing allowed, with its re-assessment in four years', async () => {
    await perform(pb, dpia.instanceId, 'ComplianceCheck', { complianceFindings: 'Grondslag, bewaartermijn en verwerkersovereenkomst in orde.' });
    await perform(pb, dpia.instanceId, 'UpdateRegister', { registerNote: 'Opgenomen na compliance check.' });
    const { processing } = await owner.ok(PROCESSING, { id: dpia.processingId });
    expect(processing.status).toBe('allowed');
    const { dpia: done } = await pb.ok(DPIA, { id: dpia.id });
    expect(done).toMatchObject({ status: 'completed', complianceFindings: 'Grondslag, bewaartermijn en verwerkersovereenkomst in orde.' });
    const years = (Date.parse(processing.nextReassessmentAt) - Date.parse(done.completedAt)) / (365.25 * 24 * 3600_000);
    expect(Math.round(years)).toBe(4);
    expect(processing.dpiaHistory).toEqual([{ reference: dpia.reference, kind: 'initial', status: 'completed', route: 'compliance_check', residualLevel: null }]);
  });

  it('the register filters and exports as CSV; another municipality sees none of it', async () => {
    expect((await owner.ok(REGISTER, { filter: { status: ['allowed'] } })).processingRegister.totalCount).toBe(1);
    expect((await owner.ok(REGISTER, { filter: { status: ['in_use'] } })).processingRegister.totalCount).toBe(0);
    expect((await owner.ok(REGISTER, { filter: { nameContains: 'PARKEER' } })).processingRegister.totalCount).toBe(1);
    expect((await ownerElsewhere.ok(REGISTER, {})).processingRegister.totalCount).toBe(0);
    const csv: string = (await fg.ok(REGISTER_CSV, { filter: { tenantId: 'bunschoten' } })).processingRegisterCsv;
    const [header, row, end] = csv.split('\r\n');
    expect(header.split(',')).toContain('volgende_herbeoordeling');
    expect(row).toContain('Digitaal aanvragen parkeervergunning,bunschoten,College van burgemeester en wethouders');
    expect(row).toContain('NAW-gegevens; Kenteken; BSN');
    expect(row).toContain(`${dpia.reference},compliance check`);
    expect(end).toBe('');
  });

  it('the process owner takes the processing into use; the PB cannot', async () => {
    const refused = await pb.gql(START_PROCESSING, { processingId: dpia.processingId });
    expect(refused.errors?.[0].extensions?.code).toBe('DPIA_FORBIDDEN');
    const { startProcessing } = await owner.ok(START_PROCESSING, { processingId: dpia.processingId });
    expect(startProcessing.status).toBe('in_use');
  });
});
