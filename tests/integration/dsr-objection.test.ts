import path from 'node:path';
import type { Platform } from '../../src/platform';
import { attempt, openTask, openTaskIds, perform } from '../support/incident-operations';
import { anAccessRequest, daysAgo, DsrStaff, letterOf, REGISTER_OBJECTION, REGISTER_REQUEST, REQUEST, staffOf } from '../support/dsr-operations';
import { INSTANCE } from '../support/operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform } from '../support/test-platform';

/**
 * An erasure request partly refused with its grounds (art. 17(3) AVG), and the requester's objection
 * (bezwaar) within six weeks of sending (art. 6:7 Awb): it continues the case with its handling by a
 * jurist who took no part in the decision.
 */
describe('an erasure request partly refused, and an objection', () => {
  let db: TestDatabase;
  let platform: Platform;
  let staff: DsrStaff;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    staff = await staffOf(platform, 'bunschoten');
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('refuses part of the erasure with grounds, sends the besluit, and handles the objection', async () => {
    const { registerDataSubjectRequest: request } = await staff.frontOffice.ok(REGISTER_REQUEST, {
      request: anAccessRequest({
        right: 'erasure',
        channel: 'digid_eform',
        receivedAt: daysAgo(6),
        verbatimText: 'Verwijder alle gegevens over mijn bijstandsuitkering en mijn oude parkeervergunning.',
        departments: [{ name: 'Sociaal domein', candidateGroup: 'afdelingsmanager' }],
      }),
    });
    const caseId = request.instanceId;
    // Nothing to object to yet.
    const early = await staff.jurist.gql(REGISTER_OBJECTION, { requestId: request.id, objection: { receivedAt: new Date().toISOString() } });
    expect(early.errors?.[0].extensions?.code).toBe('DSR_NO_DECISION_SENT');

    await perform(staff.pb, caseId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'digid' });
    await perform(staff.pb, caseId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, caseId, 'Acknowledge', { verdagen: false });
    await perform(staff.manager, caseId, 'GatherData', { gegevensAanwezig: true, gegevensOverzicht: 'Uitkeringsdossier 2019–2024; parkeervergunning 2018.' });

    // "Buiten behandeling" only after a repair term ran out; a refusal ground must fit the right.
    const notProcessed = await attempt(staff.pb, caseId, 'PrepareDecision', { uitkomst: 'not_processed', weigeringsgronden: 'identity_not_established', motivering: 'x' });
    expect(notProcessed?.code).toBe('DSR_NOT_PROCESSED_WITHOUT_REPAIR_TERM');
    const wrongGround = await attempt(staff.pb, caseId, 'PrepareDecision', {
      uitkomst: 'partly_granted',
      weigeringsgronden: 'personal_work_notes',
      motivering: 'x',
      opgenomenOnderdelen: 'data_erased,recipients_informed',
    });
    expect(wrongGround?.code).toBe('DSR_DECISION_INVALID');
    expect(wrongGround?.fieldErrors).toEqual([expect.objectContaining({ field: 'personal_work_notes', code: 'GROUND_NOT_APPLICABLE' })]);
    await perform(staff.pb, caseId, 'PrepareDecision', {
      uitkomst: 'partly_granted',
      weigeringsgronden: 'legal_obligation_or_public_task',
      motivering: 'De gegevens van uw parkeervergunning zijn gewist. Het uitkeringsdossier bewaren wij op grond van de Participatiewet en de Archiefwet.',
      opgenomenOnderdelen: 'data_erased,recipients_informed',
    });
    // The manager sends the draft back once; the drafter corrects it and the manager signs.
    const noReason = await attempt(staff.manager, caseId, 'SignDecision', { ondertekend: false });
    expect(noReason?.code).toBe('DSR_ANSWER_INVALID');
    await perform(staff.manager, caseId, 'SignDecision', { ondertekend: false, ondertekeningOpmerking: 'Noem de bewaartermijn van het dossier.' });
    await perform(staff.pb, caseId, 'PrepareDecision', {
      uitkomst: 'partly_granted',
      weigeringsgronden: 'legal_obligation_or_public_task',
      motivering: 'De gegevens van uw parkeervergunning zijn gewist. Het uitkeringsdossier bewaren wij op grond van de Participatiewet en de Archiefwet tot tien jaar na beëindiging.',
      opgenomenOnderdelen: 'data_erased,recipients_informed',
    });
    await perform(staff.manager, caseId, 'SignDecision', { ondertekend: true });
    await perform(staff.pb, caseId, 'SendDecision', { verzonden: true, verzendwijze: 'digitaal' });

    const { dataSubjectRequest: decided } = await staff.pb.ok(REQUEST, { id: request.id });
    expect(decided).toMatchObject({ status: 'decided', outcome: 'partly_granted', grounds: ['legal_obligation_or_public_task'], decidedBy: 'privacybeheerder.bunschoten' });
    const letter = letterOf(decided, 'decision');
    expect(letter).toContain('Wij wijzen uw verzoek gedeeltelijk toe.');
    expect(letter).toContain('tot tien jaar na beëindiging');
    expect(letter).toContain('Wij baseren ons besluit op de volgende grond(en):');
    expect(letter).toContain(`uiterlijk op **`);

    // The requester objects today; the jurist (who took no part in the decision) handles it.
    const { registerObjection } = await staff.jurist.ok(REGISTER_OBJECTION, { requestId: request.id, objection: { receivedAt: new Date().toISOString() } });
    expect(registerObjection.objection).toMatchObject({ basis: 'received_within_term', deadline: decided.objectionDeadline, outcome: null });
    const again = await staff.jurist.gql(REGISTER_OBJECTION, { requestId: request.id, objection: { receivedAt: new Date().toISOString() } });
    expect(again.errors?.[0].extensions?.code).toBe('DSR_OBJECTION_ALREADY_RECEIVED');

    await openTask(staff.jurist, caseId, 'HandleObjection');
    await perform(staff.jurist, caseId, 'HandleObjection', { beslissingOpBezwaar: 'ongegrond', bezwaarMotivering: 'De bewaarplicht volgt uit de Archiefwet.' });
    const { dataSubjectRequest: handled } = await staff.pb.ok(REQUEST, { id: request.id });
    expect(handled.objection).toMatchObject({ outcome: 'ongegrond', decidedBy: 'jurist.bunschoten' });
    expect(await openTaskIds(staff.jurist, caseId)).toEqual([]);
    const { processInstance } = await staff.pb.ok(INSTANCE, { id: caseId });
    expect(processInstance.activeElementIds).not.toContain('ObjectionTerm');
  });

  it('refuses an objection that arrives after the six weeks, and leaves the case as it was', async () => {
    const { registerDataSubjectRequest: request } = await staff.frontOffice.ok(REGISTER_REQUEST, {
      request: anAccessRequest({ right: 'rectification', receivedAt: daysAgo(80), departments: [{ name: 'Burgerzaken' }] }),
    });
    const caseId = request.instanceId;
    await perform(staff.pb, caseId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'balie' });
    await perform(staff.pb, caseId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, caseId, 'Acknowledge', { verdagen: false });
    await perform(staff.manager, caseId, 'GatherData', { gegevensAanwezig: true });
    await perform(staff.pb, caseId, 'PrepareDecision', { uitkomst: 'refused', weigeringsgronden: 'manifestly_unfounded_or_excessive', motivering: 'Het is uw twaalfde gelijke verzoek dit jaar.' });
    await perform(staff.manager, caseId, 'SignDecision', { ondertekend: true });
    await perform(staff.pb, caseId, 'SendDecision', { verzonden: true, verzendwijze: 'post' });
    const { dataSubjectRequest: decided } = await staff.pb.ok(REQUEST, { id: request.id });
    // Sent after the deadline: the register says so.
    expect(decided).toMatchObject({ status: 'decided', outcome: 'refused', sentOnTime: false });

    // Seven weeks pass: the decision's sending date is moved back instead of waiting.
    await platform.database.dataSource.query(`UPDATE dsr_request SET sent_at = sent_at - interval '49 days' WHERE id = $1`, [request.id]);
    const late = await staff.jurist.gql(REGISTER_OBJECTION, { requestId: request.id, objection: { receivedAt: new Date().toISOString() } });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'DSR_OBJECTION_LATE', basis: 'received_late' });
    const { dataSubjectRequest: unchanged } = await staff.pb.ok(REQUEST, { id: request.id });
    expect(unchanged.objection).toBeNull();
  });

  it('ends a request withdrawn after informal settlement without a besluit, so there is nothing to object to', async () => {
    const { registerDataSubjectRequest: request } = await staff.frontOffice.ok(REGISTER_REQUEST, { request: anAccessRequest({ receivedAt: daysAgo(2) }) });
    await perform(staff.pb, request.instanceId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'digid' });
    await perform(staff.pb, request.instanceId, 'SettleInformally', { verzoekIngetrokken: true, afstemmingToelichting: 'Telefonisch opgelost.' });
    const { dataSubjectRequest: withdrawn } = await staff.pb.ok(REQUEST, { id: request.id });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn' });
    const objection = await staff.jurist.gql(REGISTER_OBJECTION, { requestId: request.id, objection: { receivedAt: new Date().toISOString() } });
    expect(objection.errors?.[0].extensions?.code).toBe('DSR_NO_DECISION_SENT');
  });
});
