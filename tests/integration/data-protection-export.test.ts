import path from 'node:path';
import type { Platform } from '../../src/platform';
import { EXPORT_PERSON } from '../support/data-protection-operations';
import { anAccessRequest, daysAgo, DsrStaff, REGISTER_REQUEST, staffOf } from '../support/dsr-operations';
import { aReport, perform, REPORT_INCIDENT, REPORT_VIA_INTEGRATION } from '../support/incident-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';

/**
 * Issue 8.6, the export of everything the platform holds on one person (art. 15 AVG for the
 * platform itself). Willem de Groot asked Putten for access; he also reported, through the web
 * form, that a letter about him went astray, and a colleague's report names him as affected. He
 * made a request in Leusden too. Putten's FG asks the platform what it holds on him, knowing only
 * his BSN: the answer lists his request with its letters, his report, the report naming him, where
 * else he is mentioned, and the audit trail of those cases — and nothing of Leusden. The export
 * itself is in the audit trail.
 */
describe('the export of everything held on one person', () => {
  let db: TestDatabase;
  let platform: Platform;
  let staff: DsrStaff;
  let fg: TestClient;
  let integration: TestClient;
  const willem = { name: 'Willem de Groot', bsn: '999993653', email: 'w.degroot@example.nl', postalAddress: 'Veldweg 8, 3882 AB Putten' };
  const ids: Record<string, string> = {};
  const sql = () => platform.database.dataSource;
  const auditCount = async () => (await sql().query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n as number;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn'), retentionPollMs: 3_600_000 });
    staff = await staffOf(platform, 'putten');
    fg = await TestClient.as(platform, 'fg');
    const token = await platform.devIdentity!.sign({ username: 'service-account-zaaksysteem', realmRoles: ['integratie'], tenants: ['putten', 'leusden'] }, 'zaaksysteem');
    integration = new TestClient(platform, token);

    const { registerDataSubjectRequest: request } = await staff.frontOffice.ok(REGISTER_REQUEST, {
      request: anAccessRequest({ receivedAt: daysAgo(2), requester: willem, verbatimText: 'Welke gegevens heeft u van mij? W. de Groot' }),
    });
    ids.request = request.instanceId;
    await perform(staff.pb, ids.request, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'digid', toetsingToelichting: 'Willem de Groot logde in met DigiD.' });
    await perform(staff.pb, ids.request, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, ids.request, 'Acknowledge', { verdagen: false });

    const { reportIncidentViaIntegration: own } = await integration.ok(REPORT_VIA_INTEGRATION, {
      tenantId: 'putten',
      report: { ...aReport({ whatHappened: 'Ik kreeg de brief van mijn buren.' }), reporterName: willem.name, reporterContact: willem.email },
    });
    ids.ownReport = own.instanceId;
    const { reportIncident: other } = await staff.employee.ok(REPORT_INCIDENT, {
      report: aReport({ whatHappened: 'Een uitdraai met sociale gegevens lag bij de printer.', affected: 'Dossier van Willem de Groot (Veldweg 8).' }),
    });
    ids.otherReport = other.instanceId;
    const { registerDataSubjectRequest: leusden } = await (await TestClient.as(platform, 'medewerker.leusden')).ok(REGISTER_REQUEST, {
      request: anAccessRequest({ receivedAt: daysAgo(1), requester: willem }),
    });
    ids.leusden = leusden.instanceId;
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  let exported: any;

  it('finds by his BSN alone his request, his own report and the report that names him, and nothing of Leusden', async () => {
    ({ personalDataExport: exported } = await fg.ok(EXPORT_PERSON, { person: { bsn: willem.bsn }, tenantId: 'putten' }));
    expect(exported.tenantId).toBe('putten');
    expect(exported.cases.map((c: any) => [c.caseId, c.caseType, c.roles, c.closed, c.hold?.reason ?? null])).toEqual([
      [ids.request, 'data-subject-request', ['requester'], false, 'case-running'],
      [ids.ownReport, 'incident', ['reporter'], false, 'case-running'],
      [ids.otherReport, 'incident', ['mentioned'], false, 'case-running'],
    ]);
    // The BSN led to the name and e-mail address in his request, which found the reports.
    expect(exported.document.searchedBy).toEqual(['bsn', 'name', 'email']);
  });

  it('gives his request in full with its letters, and his report with him as reporter', () => {
    const [request, ownReport, otherReport] = exported.document.cases;
    expect(request.dataSubjectRequest).toMatchObject({ right: 'access', requester: { name: willem.name, bsn: willem.bsn, email: willem.email }, verbatimText: expect.stringContaining('W. de Groot') });
    expect(request.dataSubjectRequest.letters.map((l: any) => l.kind)).toEqual(['acknowledgement']);
    expect(request.dataSubjectRequest.letters[0].markdown).toContain(willem.name);
    // Elsewhere in the case: the PB's note on the identity check, as a task answer.
    expect(request.mentions).toContainEqual({ in: 'taakantwoorden', table: 'user_task', column: 'output', path: '$.toetsingToelichting', text: 'Willem de Groot logde in met DigiD.' });
    expect(ownReport.incident).toMatchObject({ reporter: { name: willem.name, contact: willem.email, anonymous: false }, report: { whatHappened: 'Ik kreeg de brief van mijn buren.' } });
    expect(otherReport.incident.report).toMatchObject({ affected: 'Dossier van Willem de Groot (Veldweg 8).' });
    expect(otherReport.incident.reporter).toMatchObject({ name: null });
  });

  it('includes the audit trail of those cases, and no entry of another case', async () => {
    const trail = exported.document.auditTrail as any[];
    const caseIds = new Set(exported.cases.map((c: any) => c.caseId));
    expect(trail.filter((e) => e.action === 'process.started').map((e) => e.caseId).sort()).toEqual([...caseIds].sort());
    expect(trail.every((e) => caseIds.has(e.caseId))).toBe(true);
    expect(trail.some((e) => e.action === 'task.completed' && e.caseId === ids.request)).toBe(true);
  });

  it('records the export as a read of each case and of the person, under a pseudonym', async () => {
    const entries: any[] = await sql().query(
      `SELECT action, instance_id, actor, role_used, details FROM audit_entry WHERE details->>'subject' = $1 ORDER BY seq`,
      [exported.subject],
    );
    expect(entries.map((e) => [e.action, e.instance_id])).toEqual([
      ['case.read', ids.request],
      ['case.read', ids.ownReport],
      ['case.read', ids.otherReport],
      ['person.exported', null],
    ]);
    expect(entries.at(-1)).toMatchObject({ actor: 'fg', role_used: 'fg', details: { subject: exported.subject, searchedBy: ['bsn', 'name', 'email'], cases: 3 } });
    const identifying = entries.filter((e) => JSON.stringify(e).match(/Groot|999993653|example\.nl/));
    expect(identifying).toEqual([]);
    // The same person asked about by his e-mail address gets the same pseudonym.
    const { personalDataExport: again } = await staff.pb.ok(EXPORT_PERSON, { person: { email: 'W.deGroot@example.nl' } });
    expect(again.subject).toBe(exported.subject);
    expect(again.document.auditTrail.some((e: any) => e.action === 'person.exported' && e.details.subject === exported.subject)).toBe(true);
  });

  it("shows Leusden's PB only Leusden's case, and refuses other municipalities, other roles and bad identifiers without a trace", async () => {
    const leusdenPb = await TestClient.as(platform, 'privacybeheerder.leusden');
    const { personalDataExport: leusden } = await leusdenPb.ok(EXPORT_PERSON, { person: { bsn: willem.bsn } });
    expect(leusden.cases.map((c: any) => c.caseId)).toEqual([ids.leusden]);

    const before = await auditCount();
    expect((await leusdenPb.gql(EXPORT_PERSON, { person: { bsn: willem.bsn }, tenantId: 'putten' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await staff.frontOffice.gql(EXPORT_PERSON, { person: { bsn: willem.bsn } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await TestClient.as(platform, 'ciso.putten').then((c) => c.gql(EXPORT_PERSON, { person: { bsn: willem.bsn } }))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await fg.gql(EXPORT_PERSON, { person: { bsn: willem.bsn } })).errors?.[0].extensions?.code).toBe('TENANT_REQUIRED');
    const invalid = await staff.pb.gql(EXPORT_PERSON, { person: { name: 'Wim', email: 'geen adres' } });
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'PERSON_IDENTIFIERS_INVALID', fieldErrors: [{ field: 'name' }, { field: 'email' }] });
    expect(await auditCount()).toBe(before);
  });
});
