import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';
import { INSTANCE, START } from '../support/operations';
import { openTaskIds, perform } from '../support/incident-operations';

/**
 * Scenario (g): the SM&D procedure (shared/seeds/data-breach-procedure-smd.txt, 11 steps) is a
 * diagram of its own, bpmn/data-leak-smd.bpmn, with SM&D's roles — bestuurder, aandachts-
 * functionaris AVG, VIM-commissie, voorzitter RvT, eigenaar — and runs on the platform without
 * any code of its own. SM&D is a tenant; its people's tokens carry its roles.
 */
describe('scenario (g): the SM&D data-leak variant runs end to end', () => {
  let db: TestDatabase;
  let platform: Platform;
  const as = async (username: string, roles: string[]) =>
    new TestClient(platform, await platform.devIdentity!.sign({ username, realmRoles: roles, tenants: ['smd'] }, 'privacyflow-web'));

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('from the suspicion to closing the leak, with the RvT chair deciding on the AP notification', async () => {
    const participant = await as('deelnemer-begeleider.smd', ['medewerker']);
    const officer = await as('avg.smd', ['aandachtsfunctionaris-avg']);
    const director = await as('bestuurder.smd', ['bestuurder']);
    const committee = await as('vim.smd', ['vim-commissie']);
    const chair = await as('voorzitter.rvt.smd', ['rvt']);
    const owner = await as('eigenaar.smd', ['eigenaar']);

    const { startProcess: leak } = await participant.ok(START, { key: 'data-leak-smd', businessKey: 'SMD-2026-1' });
    expect(leak).toMatchObject({ tenantId: 'smd', activeElementIds: ['InformDirector'] });

    // Steps 2–3: the officer starts the log and assesses with the national decision trees.
    await perform(officer, leak.id, 'InformDirector', { logbookStarted: true, summary: 'Deelnemerslijst met adressen in een gedeelde map zonder toegangsbeperking.' });
    await perform(officer, leak.id, 'AssessLeak', { lossOrUnlawfulProcessing: true, sensitiveData: false, assessmentNote: 'Onrechtmatige inzage mogelijk.' });
    // Step 4: the director informs the RvT and convenes the VIM committee; the 72-hour clock runs.
    await perform(director, leak.id, 'InformBoard', { boardInformedAt: new Date().toISOString() });
    const timers = await platform.database.dataSource.query(`SELECT element_id FROM timer_job WHERE instance_id = $1`, [leak.id]);
    expect(timers.map((t: any) => t.element_id)).toEqual(['DeadlinePassed']);

    // Step 5: the committee advises, the RvT chair decides, the officer notifies the AP.
    await perform(committee, leak.id, 'AssessNotification', { adviceNotifyAp: true, adviceMotivation: 'Adressen van deelnemers: risico niet uit te sluiten.' });
    expect(await openTaskIds(committee, leak.id)).toEqual([]);
    await perform(chair, leak.id, 'DecideNotification', { notifyAp: true, decisionMotivation: 'Conform advies.' });
    await perform(officer, leak.id, 'FileApNotice', { apNotificationNumber: 'AP-SMD-1' });
    expect(await platform.database.dataSource.query(`SELECT element_id FROM timer_job WHERE instance_id = $1`, [leak.id])).toEqual([]);

    // Steps 6–7: data subjects.
    await perform(chair, leak.id, 'DecideSubjects', { informSubjects: true, subjectsMotivation: 'Deelnemers en mantelzorgers moeten het weten.' });
    await perform(officer, leak.id, 'InformSubjects', { noticeSentAt: new Date().toISOString(), noticeChannel: 'brief' });
    // Steps 8–11: investigation, measures, implementation by the owner, closing.
    await perform(committee, leak.id, 'InvestigateLeak', { findings: 'Map was bij inrichting openbaar gedeeld.' });
    await perform(director, leak.id, 'DecideMeasures', { measures: 'Rechten op gedeelde mappen herzien; jaarlijkse controle.' });
    await perform(owner, leak.id, 'ImplementMeasures', { implementation: 'Rechten aangepast; controle ingepland.' });
    await perform(officer, leak.id, 'CloseLeak', { closureNote: 'Opgenomen in de lijst incidenten; team geïnformeerd.' });

    const { processInstance } = await officer.ok(INSTANCE, { id: leak.id });
    expect(processInstance.status).toBe('completed');
    const decided = processInstance.history.find((h: any) => h.elementId === 'DecideNotification' && h.kind === 'left');
    expect(decided.actor).toBe('voorzitter.rvt.smd');
    // No incident-management code ran for it: no register row.
    expect(await platform.database.dataSource.query(`SELECT count(*)::int AS n FROM incident`)).toEqual([{ n: 0 }]);
  });

  it('a security leak without loss of personal data is only registered', async () => {
    const participant = await as('medewerker.smd', ['medewerker']);
    const officer = await as('avg.smd', ['aandachtsfunctionaris-avg']);
    const { startProcess: leak } = await participant.ok(START, { key: 'data-leak-smd', businessKey: 'SMD-2026-2' });
    await perform(officer, leak.id, 'InformDirector', { logbookStarted: true, summary: 'Kastsleutel zoek; kast bevat geen persoonsgegevens.' });
    await perform(officer, leak.id, 'AssessLeak', { lossOrUnlawfulProcessing: false, sensitiveData: false, assessmentNote: 'Geen persoonsgegevens.' });
    await perform(officer, leak.id, 'RegisterSecurityLeak', { registration: 'Lijst incidenten, nr. 12' });
    const { processInstance } = await officer.ok(INSTANCE, { id: leak.id });
    expect(processInstance.status).toBe('completed');
  });
});
