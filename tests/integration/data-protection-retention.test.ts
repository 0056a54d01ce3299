import path from 'node:path';
import { verifyAllChains } from '../../src/audit/chain-verifier';
import type { Platform } from '../../src/platform';
import { RETENTION_STATUS, whereInDatabase } from '../support/data-protection-operations';
import { databaseSnapshot } from '../support/database-snapshot';
import { anAccessRequest, daysAgo, REGISTER_REQUEST, REQUEST, staffOf, DsrStaff } from '../support/dsr-operations';
import { aReport, INCIDENT, perform, REPORT_VIA_INTEGRATION } from '../support/incident-operations';
import { createTestDatabase, itOnPostgres, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';

/**
 * Issue 8.6, retention per case type. Pieter Jansen asked for access at the counter and withdrew
 * his request after a phone call: the case ended. One year later (DSR_RETENTION_PERIOD) the
 * retention timer removes his data in one transaction with its audit entry; the register keeps the
 * case number, right, dates and outcome. A report judged "no incident" goes after the incident
 * period. Time passes by moving the moment a case ended back, never by waiting.
 */
describe('retention periods per case type, enforced by the retention timer', () => {
  let db: TestDatabase;
  let platform: Platform;
  let staff: DsrStaff;
  let fg: TestClient;
  let ciso: TestClient;
  let integration: TestClient;
  let request: any;
  let incident: any;
  const sql = () => platform.database.dataSource;
  const auditOf = (instanceId: string, action: string) =>
    sql().query(`SELECT * FROM audit_entry WHERE instance_id = $1 AND action = $2`, [instanceId, action]);
  const retentionOf = async (instanceId: string) => (await sql().query(`SELECT * FROM case_retention WHERE instance_id = $1`, [instanceId]))[0];
  const endedAgo = (instanceId: string, interval: string) =>
    sql().query(`UPDATE case_retention SET closed_at = closed_at - $2::interval WHERE instance_id = $1`, [instanceId, interval]);

  beforeAll(async () => {
    db = await createTestDatabase();
    // The timer round is driven by hand: the background round would race the assertions.
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn'), retentionPollMs: 3_600_000 });
    staff = await staffOf(platform, 'putten');
    fg = await TestClient.as(platform, 'fg');
    ciso = await TestClient.as(platform, 'ciso.putten');
    const token = await platform.devIdentity!.sign({ username: 'service-account-zaaksysteem', realmRoles: ['integratie'], tenants: ['putten'] }, 'zaaksysteem');
    integration = new TestClient(platform, token);
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('starts the retention period when a case ends, and not before', async () => {
    ({ registerDataSubjectRequest: request } = await staff.frontOffice.ok(REGISTER_REQUEST, {
      request: anAccessRequest({
        // Received two months ago: the deadline watch has run its course, so withdrawing ends the case.
        receivedAt: daysAgo(60),
        requester: { name: 'Pieter Jansen', bsn: '111222333', postalAddress: 'Molenweg 3, 3881 CC Putten', email: 'p.jansen@example.nl' },
        verbatimText: 'Graag inzage in mijn gegevens. Pieter Jansen, Molenweg 3',
      }),
    }));
    await perform(staff.pb, request.instanceId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'balie', toetsingToelichting: 'Pieter Jansen toonde zijn rijbewijs.' })
    expect(await retentionOf(request.instanceId)).toBeUndefined();
    await perform(staff.pb, request.instanceId, 'SettleInformally', { verzoekIngetrokken: true, afstemmingToelichting: 'Pieter Jansen vond zijn gegevens in MijnOverheid.' });

    const row = await retentionOf(request.instanceId);
    expect(row).toMatchObject({ tenant_id: 'putten', case_type: 'data-subject-request', reference: request.reference, end_event_id: 'RequestWithdrawn', personal_data_removed_at: null });

    ({ reportIncidentViaIntegration: incident } = await integration.ok(REPORT_VIA_INTEGRATION, {
      tenantId: 'putten',
      report: { ...aReport({ whatHappened: 'Karin Smit meldt dat de printer op de gang vastloopt.' }), reporterName: 'Karin Smit', reporterContact: 'k.smit@example.nl' },
    }));
    await perform(ciso, incident.instanceId, 'AssessReport', { incidentConfirmed: false, impact: 'laag', personalData: false, assessmentNote: 'Storing, geen incident.' });
    expect(await retentionOf(incident.instanceId)).toMatchObject({ case_type: 'incident', end_event_id: 'NoIncidentEnd' });
  });

  it('shows the FG the periods per case type and when each ended case loses its personal data', async () => {
    const { retentionStatus } = await fg.ok(RETENTION_STATUS, { tenantId: 'putten' });
    expect(retentionStatus.rules.map((r: any) => [r.caseType, r.period, r.setting])).toEqual([
      ['incident', 'P5Y', 'INCIDENT_RETENTION_PERIOD'],
      ['data-subject-request', 'P1Y', 'DSR_RETENTION_PERIOD'],
      ['dpia', null, null],
      ['other', 'P1Y', 'CASE_RETENTION_PERIOD'],
    ]);
    const closedAt = new Date((await retentionOf(request.instanceId)).closed_at);
    const entry = retentionStatus.upcoming.find((u: any) => u.caseId === request.instanceId);
    const oneYearLater = new Date(closedAt);
    oneYearLater.setUTCFullYear(oneYearLater.getUTCFullYear() + 1);
    expect(entry).toMatchObject({ caseType: 'data-subject-request', reference: request.reference, since: closedAt.toISOString(), dueAt: oneYearLater.toISOString(), scheduledBy: 'retention-timer' });
    expect(retentionStatus.counts.find((c: any) => c.caseType === 'data-subject-request')).toMatchObject({ kept: 1, removedByRetention: 0 });
  });

  it('refuses the schedule to an employee and asks the FG which municipality', async () => {
    expect((await staff.frontOffice.gql(RETENTION_STATUS, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await fg.gql(RETENTION_STATUS, {})).errors?.[0].extensions?.code).toBe('TENANT_REQUIRED');
    expect((await staff.pb.gql(RETENTION_STATUS, { tenantId: 'leusden' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('removes nothing before the period has passed', async () => {
    const before = await databaseSnapshot(sql());
    expect(await platform.dataProtection.removeDueCaseData()).toBe(0);
    expect(await databaseSnapshot(sql())).toEqual(before);
  });

  it('after a year removes the request\'s personal data in one go, with one audit entry, keeping the register entry', async () => {
    expect(await whereInDatabase(sql(), 'Pieter Jansen')).not.toEqual([]);
    await endedAgo(request.instanceId, '1 year 1 day');
    expect(await platform.dataProtection.removeDueCaseData()).toBe(1);

    for (const text of ['Pieter Jansen', '111222333', 'p.jansen@example.nl', 'Molenweg 3']) expect({ text, at: await whereInDatabase(sql(), text) }).toEqual({ text, at: [] });
    const { dataSubjectRequest: kept } = await staff.pb.ok(REQUEST, { id: request.id });
    expect(kept).toMatchObject({ reference: request.reference, right: 'access', status: 'withdrawn', outcome: 'withdrawn', letters: [], verbatimText: '[verwijderd]', requester: { name: '[verwijderd]', bsn: null, email: null } });
    expect(kept.legalDeadline.receivedOn).toBe(request.legalDeadline.receivedOn);
    expect(await retentionOf(request.instanceId)).toMatchObject({ removal_reason: 'retention', personal_data_removed_at: expect.any(Date) });
    const [entry, ...more] = await auditOf(request.instanceId, 'case.personal-data-destroyed');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor: 'system:retention', details: { caseType: 'data-subject-request', reason: 'retention', period: 'P1Y' } });
    // The incident's period (five years) has not passed: its report is still there.
    expect(await whereInDatabase(sql(), 'Karin Smit')).not.toEqual([]);
  });

  it('fires exactly once: a later round finds the case done', async () => {
    expect(await platform.dataProtection.removeDueCaseData()).toBe(0);
    expect(await auditOf(request.instanceId, 'case.personal-data-destroyed')).toHaveLength(1);
  });

  itOnPostgres('fires exactly once when two servers run the round at the same moment', async () => {
    await endedAgo(incident.instanceId, '5 years 1 day');
    const rounds = await Promise.all([platform.dataProtection.removeDueCaseData(), platform.dataProtection.removeDueCaseData()]);
    expect(rounds.sort()).toEqual([0, 1]);
    expect(await auditOf(incident.instanceId, 'case.personal-data-destroyed')).toHaveLength(1);
  });

  it('destroys an incident file after the incident period: the register entry stays', async () => {
    await sql().query(`UPDATE case_retention SET closed_at = least(closed_at, now() - interval '5 years 1 day') WHERE instance_id = $1`, [incident.instanceId]);
    await platform.dataProtection.removeDueCaseData();
    expect(await whereInDatabase(sql(), 'Karin Smit')).toEqual([]);
    expect(await whereInDatabase(sql(), 'k.smit@example.nl')).toEqual([]);
    const { incident: file } = await ciso.ok(INCIDENT, { id: incident.id });
    expect(file).toMatchObject({ reference: incident.reference, status: 'destroyed', whatHappened: null, classificationCode: aReport().classificationCode });
    expect(await auditOf(incident.instanceId, 'case.personal-data-destroyed')).toHaveLength(1);
    const { retentionStatus } = await fg.ok(RETENTION_STATUS, { tenantId: 'putten' });
    expect(retentionStatus.counts.map((c: any) => [c.caseType, c.kept, c.removedByRetention])).toEqual([
      ['data-subject-request', 0, 1],
      ['incident', 0, 1],
    ]);
  });

  it('leaves every audit chain intact', async () => {
    const reports = await verifyAllChains((q, p) => sql().query(q, p));
    expect(reports.filter((r) => !r.ok)).toEqual([]);
  });
});
