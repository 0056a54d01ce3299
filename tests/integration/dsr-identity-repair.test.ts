import path from 'node:path';
import type { Platform } from '../../src/platform';
import { attempt, openTask, openTaskIds, perform } from '../support/incident-operations';
import { dayAgo, daysAgo, DsrStaff, letterOf, readRequest, registerRequest, staffOf } from '../support/dsr-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform } from '../support/test-platform';

/**
 * BLNP Bijlage 5 "formele vereisten (identiteit!)": when identity is not established the PB sends a
 * repair letter with a term and the clock is suspended (art. 4:5 and 4:15 Awb). A repair resumes the
 * clock, later by the suspended days; a term that runs out unused leads to a "buiten behandeling"
 * decision. The repair letters were sent days ago, so the repair-term timer is due, not waited for.
 */
describe('identity not established: repair, or buiten behandeling', () => {
  let db: TestDatabase;
  let platform: Platform;
  let staff: DsrStaff;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    staff = await staffOf(platform, 'nijkerk');
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  const register = (overrides: Record<string, unknown>) => registerRequest(staff.frontOffice, overrides);
  const read = (id: string) => readRequest(staff, id);

  it('suspends the clock while the requester repairs, and moves the deadline by the suspended days', async () => {
    const request = await register({ receivedAt: daysAgo(10), channel: 'counter' });
    const nominal = request.legalDeadline.deadline.nominalDate;
    await perform(staff.pb, request.instanceId, 'CheckRequest', { identiteitVastgesteld: false, toetsingToelichting: 'Brief zonder handtekening; geen legitimatie.' });
    await perform(staff.pb, request.instanceId, 'SendRepairLetter', { herstelbriefVerzondenOp: dayAgo(8), hersteltermijnDagen: 14, herstelGevraagd: 'Toon uw identiteitsbewijs aan de balie.' });
    const suspended = await read(request.id);
    expect(suspended.status).toBe('suspended');
    expect(letterOf(suspended, 'repair')).toContain('Toon uw identiteitsbewijs aan de balie.');
    expect(letterOf(suspended, 'repair')).toContain('opgeschort');

    // The requester shows an ID at the counter three days ago: suspended from the day after the letter up to that day.
    await perform(staff.pb, request.instanceId, 'AwaitRepair', { aanvullingOntvangenOp: dayAgo(3) });
    const resumed = await read(request.id);
    expect(resumed.status).toBe('open');
    expect(resumed.legalDeadline.suspendedDays).toBe(4);
    const moved = new Date(`${nominal}T12:00:00Z`);
    moved.setUTCDate(moved.getUTCDate() + 4);
    expect(resumed.legalDeadline.deadline.nominalDate).toBe(moved.toISOString().slice(0, 10));

    // The case returns to the formal check; now identity is established (the fact only).
    await perform(staff.pb, request.instanceId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'afgeschermde_kopie' });
    const checked = await read(request.id);
    expect(checked).toMatchObject({ identityVerified: true, identityMethod: 'afgeschermde_kopie', identityCheckedBy: 'privacybeheerder.nijkerk' });
    expect(await openTaskIds(staff.pb, request.instanceId)).toEqual(['SettleInformally']);
  });

  it('declares a request not repaired in time "buiten behandeling", by a besluit open to objection', async () => {
    const request = await register({ receivedAt: daysAgo(20) });
    await perform(staff.pb, request.instanceId, 'CheckRequest', { identiteitVastgesteld: false });
    await perform(staff.pb, request.instanceId, 'SendRepairLetter', { herstelbriefVerzondenOp: dayAgo(16), hersteltermijnDagen: 14, herstelGevraagd: 'Stuur een afgeschermde kopie van uw identiteitsbewijs.' });

    // The term ended two days ago unused: the timer fires and the decision is prepared.
    await openTask(staff.jurist, request.instanceId, 'PrepareDecision');
    expect(await openTaskIds(staff.pb, request.instanceId)).toEqual(['PrepareDecision']);
    const noGround = await attempt(staff.jurist, request.instanceId, 'PrepareDecision', { uitkomst: 'not_processed', motivering: 'Niet aangevuld.' });
    expect(noGround?.code).toBe('DSR_DECISION_INVALID');
    expect((noGround?.fieldErrors as any[])[0].code).toBe('GROUND_MISSING');
    await perform(staff.jurist, request.instanceId, 'PrepareDecision', {
      uitkomst: 'not_processed',
      weigeringsgronden: 'identity_not_established',
      motivering: 'Wij hebben uw identiteit niet kunnen vaststellen; u heeft binnen de hersteltermijn geen aanvulling gestuurd.',
    });
    await perform(staff.manager, request.instanceId, 'SignDecision', { ondertekend: true });
    await perform(staff.pb, request.instanceId, 'SendDecision', { verzonden: true, verzendwijze: 'post' });

    const closed = await read(request.id);
    expect(closed).toMatchObject({ status: 'not_processed', outcome: 'not_processed', grounds: ['identity_not_established'], identityVerified: false, sentOnTime: true });
    // Suspended from the day after the letter up to the end of the unused term.
    expect(closed.legalDeadline.suspendedDays).toBe(13);
    const letter = letterOf(closed, 'decision');
    expect(letter).toContain('Wij stellen uw verzoek buiten behandeling.');
    expect(letter).toContain('De identiteit van de verzoeker is na een verzoek om aanvullende gegevens niet vastgesteld');
    expect(letter).toContain('binnen zes weken na de verzenddatum');
    expect(letter).not.toContain('## Overzicht van uw persoonsgegevens');
  });

  it('requires the way identity was established, and a repair date after the letter', async () => {
    const request = await register({ receivedAt: daysAgo(5) });
    const withoutMethod = await attempt(staff.pb, request.instanceId, 'CheckRequest', { identiteitVastgesteld: true });
    expect(withoutMethod?.code).toBe('DSR_ANSWER_INVALID');
    expect(withoutMethod?.fieldErrors).toEqual([{ field: 'identificatiemethode', message: 'Geef aan hoe de identiteit is vastgesteld.' }]);
    await perform(staff.pb, request.instanceId, 'CheckRequest', { identiteitVastgesteld: false });
    const beforeReceipt = await attempt(staff.pb, request.instanceId, 'SendRepairLetter', { herstelbriefVerzondenOp: dayAgo(9), hersteltermijnDagen: 14, herstelGevraagd: 'ID' });
    expect(beforeReceipt?.code).toBe('DSR_ANSWER_INVALID');
    expect((await read(request.id)).status).toBe('open');
  });
});
