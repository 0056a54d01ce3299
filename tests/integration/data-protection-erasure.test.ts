import { execFileSync, execSync } from 'node:child_process';
import path from 'node:path';
import { verifyAllChains } from '../../src/audit/chain-verifier';
import type { Platform } from '../../src/platform';
import { ERASE_PERSON, EXPORT_PERSON, whereInDatabase } from '../support/data-protection-operations';
import { databaseSnapshot } from '../support/database-snapshot';
import { anAccessRequest, daysAgo, DsrStaff, REGISTER_OBJECTION, REGISTER_REQUEST, REQUEST, staffOf } from '../support/dsr-operations';
import { ADD_LOG_NOTE, aReport, INCIDENT, perform, REPORT_VIA_INTEGRATION } from '../support/incident-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, startTestPlatform, TestClient } from '../support/test-platform';

/**
 * Issue 8.6, erasure (art. 17 AVG for the platform itself). Annelies Bakker asked Putten for access
 * to her data and received a decision; through the municipality's web form she also reported a
 * letter she thought was meant for someone else. Later she asks to be forgotten. The PB erases her
 * from the cases the law no longer needs — not while the report is being assessed, not while the
 * objection term runs — and afterwards her name, BSN, e-mail and address are nowhere in the
 * database, while the audit trail keeps every entry (with a pseudonym) and still verifies.
 */
describe('erasing a person from closed cases, with the audit trail kept but pseudonymised', () => {
  let db: TestDatabase;
  let platform: Platform;
  let staff: DsrStaff;
  let ciso: TestClient;
  let fg: TestClient;
  let integration: TestClient;
  let request: any;
  let incident: any;
  const person = { name: 'Annelies Bakker', bsn: '111222333', email: 'a.bakker@example.nl' };
  const ADDRESS = 'Kerkstraat 12, 3881 BB Putten';
  const sql = () => platform.database.dataSource;
  const erase = (client: TestClient, caseIds: string[], extra: Record<string, unknown> = {}) =>
    client.gql(ERASE_PERSON, { input: { person, caseIds, ...extra.input as object }, ...(extra.tenantId ? { tenantId: extra.tenantId } : {}) });

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn'), retentionPollMs: 3_600_000 });
    staff = await staffOf(platform, 'putten');
    ciso = await TestClient.as(platform, 'ciso.putten');
    fg = await TestClient.as(platform, 'fg');
    const token = await platform.devIdentity!.sign({ username: 'service-account-zaaksysteem', realmRoles: ['integratie'], tenants: ['putten'] }, 'zaaksysteem');
    integration = new TestClient(platform, token);
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('refuses while her report is still being assessed, and changes nothing', async () => {
    ({ reportIncidentViaIntegration: incident } = await integration.ok(REPORT_VIA_INTEGRATION, {
      tenantId: 'putten',
      report: {
        ...aReport({
          whatHappened: `Annelies Bakker (BSN ${person.bsn}) ontving een brief met een ander adres erop.`,
          affected: 'Eén brief.',
        }),
        reporterName: person.name,
        reporterContact: person.email,
      },
    }));
    await ciso.ok(ADD_LOG_NOTE, { incidentId: incident.id, text: 'Gebeld met Annelies Bakker: zij stuurt de brief terug.' });

    const before = await databaseSnapshot(sql());
    const refused = await erase(staff.pb, [incident.instanceId]);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'ERASURE_CASE_OPEN',
      blocking: [{ caseId: incident.instanceId, reference: incident.reference, code: 'ERASURE_CASE_OPEN', reason: 'case-running', until: null }],
    });
    expect(await databaseSnapshot(sql())).toEqual(before);
  });

  it('refuses while the objection term against her decision runs, naming when it ends', async () => {
    ({ registerDataSubjectRequest: request } = await staff.frontOffice.ok(REGISTER_REQUEST, {
      request: anAccessRequest({
        // Received weeks ago: the deadline watch has run its course, so the case ends with the objection.
        receivedAt: daysAgo(40),
        requester: { ...person, postalAddress: ADDRESS },
        verbatimText: `Geachte heer/mevrouw, ik wil weten welke gegevens u van mij heeft. Annelies Bakker, ${ADDRESS}`,
      }),
    }));
    const caseId = request.instanceId;
    await perform(staff.pb, caseId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'balie' });
    await perform(staff.pb, caseId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, caseId, 'Acknowledge', { verdagen: false });
    await perform(staff.manager, caseId, 'GatherData', { gegevensAanwezig: true, gegevensOverzicht: `BRP: Annelies Bakker, ${ADDRESS}; e-mail ${person.email}` });
    await perform(staff.pb, caseId, 'PrepareDecision', {
      uitkomst: 'granted',
      motivering: 'U heeft recht op inzage (artikel 15 AVG).',
      verstrekteGegevens: `Naam Annelies Bakker, BSN ${person.bsn}, adres ${ADDRESS}.`,
      categorieen: 'NAW-gegevens',
      doeleinden: 'Bijhouden van de BRP.',
      ontvangers: 'Afnemers van de BRP.',
      bewaartermijn: 'Zolang u ingeschreven staat.',
    });
    await perform(staff.manager, caseId, 'SignDecision', { ondertekend: true });
    await perform(staff.pb, caseId, 'SendDecision', { verzonden: true, verzendwijze: 'post' });

    // Read first: reading the request's personal data is itself an audited change.
    const { dataSubjectRequest: sent } = await staff.pb.ok(REQUEST, { id: request.id });
    // The escalation the late request caused is still being delivered in the background; let it settle.
    await eventually(async () => Number((await sql().query(`SELECT count(*)::int AS n FROM outbox_message WHERE status = 'pending'`))[0].n) === 0);
    const before = await databaseSnapshot(sql());
    const refused = await erase(staff.pb, [caseId]);
    const extensions = refused.errors?.[0].extensions as any;
    expect(extensions).toMatchObject({ code: 'ERASURE_LEGAL_HOLD', blocking: [{ caseId, code: 'ERASURE_LEGAL_HOLD', reason: 'objection-term' }] });
    expect(await databaseSnapshot(sql())).toEqual(before);
    // Six weeks after sending plus the week a posted objection may take: after the last day of the term.
    expect(extensions.blocking[0].until.slice(0, 10) > sent.objectionDeadline).toBe(true);
  });

  it('lets only the PB of her municipality erase; other municipalities see no such case', async () => {
    const before = await databaseSnapshot(sql());
    const cases = [request.instanceId];
    expect((await erase(fg, cases, { tenantId: 'putten' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await erase(staff.frontOffice, cases)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const leusden = await TestClient.as(platform, 'privacybeheerder.leusden');
    expect((await erase(leusden, cases, { tenantId: 'putten' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const elsewhere = await erase(leusden, cases);
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'ERASURE_CASE_NOT_FOUND', caseIds: cases });
    expect((await erase(staff.pb, ['00000000-0000-4000-8000-000000000000'])).errors?.[0].extensions?.code).toBe('ERASURE_CASE_NOT_FOUND');
    expect((await erase(staff.pb, ['niet-een-zaak'])).errors?.[0].extensions?.code).toBe('ERASURE_INPUT_INVALID');
    expect((await erase(staff.pb, cases, { input: { requestReference: 'verzoek van mevrouw Bakker' } })).errors?.[0].extensions?.code).toBe('ERASURE_INPUT_INVALID');
    const badPerson = await staff.pb.gql(ERASE_PERSON, { input: { person: { bsn: '123456789' }, caseIds: cases } });
    expect(badPerson.errors?.[0].extensions).toMatchObject({ code: 'PERSON_IDENTIFIERS_INVALID', fieldErrors: [{ field: 'bsn' }] });
    expect(await databaseSnapshot(sql())).toEqual(before);
  });

  it('erases her from both cases once the report is closed and the decision on her objection is final', async () => {
    await perform(ciso, incident.instanceId, 'AssessReport', {
      incidentConfirmed: false,
      impact: 'laag',
      personalData: false,
      assessmentNote: 'De brief was wel voor Annelies Bakker bestemd; geen incident.',
    });
    await staff.jurist.ok(REGISTER_OBJECTION, { requestId: request.id, objection: { receivedAt: new Date().toISOString() } });
    await perform(staff.jurist, request.instanceId, 'HandleObjection', { beslissingOpBezwaar: 'ongegrond', bezwaarMotivering: 'Mevrouw Bakker kreeg alle gegevens (Annelies Bakker).' });
    // Eight weeks pass: the decision on objection is dated back instead of waiting for the appeal term.
    await sql().query(`UPDATE dsr_request SET objection = jsonb_set(objection, '{decidedAt}', to_jsonb($2::text)) WHERE id = $1`, [request.id, daysAgo(56)]);

    const { personalDataExport: before } = await staff.pb.ok(EXPORT_PERSON, { person });
    expect(before.cases.map((c: any) => [c.caseId, c.roles, c.hold])).toEqual([
      [incident.instanceId, ['reporter'], null],
      [request.instanceId, ['requester'], null],
    ]);
    for (const text of [person.name, person.bsn, person.email, ADDRESS]) expect(await whereInDatabase(sql(), text)).not.toEqual([]);

    const { erasePersonalData: erased } = await staff.pb.ok(ERASE_PERSON, {
      input: { person, caseIds: [request.instanceId, incident.instanceId], requestReference: 'AVG-2026-00042' },
    });
    expect(erased.subject).toBe(before.subject);
    expect(erased.cases.map((c: any) => [c.reference, c.caseType, c.roles])).toEqual([
      [incident.reference, 'incident', ['reporter']],
      [request.reference, 'data-subject-request', ['requester']],
    ]);

    // Nowhere in the database any more: every text, jsonb and array column of every table.
    for (const text of [person.name, person.bsn, person.email, ADDRESS]) expect({ text, at: await whereInDatabase(sql(), text) }).toEqual({ text, at: [] });
  });

  it('keeps the register entries of both cases', async () => {
    const { dataSubjectRequest: kept } = await staff.pb.ok(REQUEST, { id: request.id });
    expect(kept).toMatchObject({ reference: request.reference, right: 'access', outcome: 'granted', status: 'decided', letters: [], requester: { name: '[verwijderd]' } });
    expect(kept.objection).toMatchObject({ outcome: 'ongegrond', motivation: null });
    const { incident: report } = await ciso.ok(INCIDENT, { id: incident.id });
    expect(report).toMatchObject({ reference: incident.reference, status: 'not_an_incident', whatHappened: `[verwijderd] (BSN [verwijderd]) ontving een brief met een ander adres erop.` });
    const [retention] = await sql().query(`SELECT removal_reason FROM case_retention WHERE instance_id = $1`, [request.instanceId]);
    expect(retention).toEqual({ removal_reason: 'erasure' });
  });

  it('keeps every audit entry, with a pseudonym that no longer leads to her, and every chain still verifies', async () => {
    const reports = await verifyAllChains((q, p) => sql().query(q, p));
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    // And as operators check it: `npm run audit:verify` (the compiled CLI) on this database.
    const root = path.resolve(__dirname, '../..');
    execSync('npx tsc -p tsconfig.build.json', { cwd: root, stdio: 'inherit' });
    const output = execFileSync(process.execPath, ['dist/src/audit/verify-cli.js'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.databaseUrl, LOG_LEVEL: 'error' },
      encoding: 'utf8',
    });
    expect(output).toContain(`all ${reports.length} audit chains intact`);
    const entries: any[] = await sql().query(
      `SELECT action, instance_id, details FROM audit_entry WHERE action IN ('person.exported', 'person.erased', 'case.personal-data-erased') ORDER BY seq`,
    );
    const subject = entries[0].details.subject;
    expect(subject).toMatch(/^psn-[0-9a-f]{24}$/);
    expect(entries.map((e) => [e.action, e.details.subject])).toEqual([
      ['person.exported', subject],
      ['case.personal-data-erased', subject],
      ['case.personal-data-erased', subject],
      ['person.erased', subject],
    ]);
    expect(entries.at(-1).details).toMatchObject({ request: 'AVG-2026-00042', cases: [incident.instanceId, request.instanceId] });
    expect(await sql().query(`SELECT * FROM person_pseudonym WHERE pseudonym = $1`, [subject])).toEqual([]);
    // Asked again, the platform knows nothing of her: a new pseudonym, no cases.
    const { personalDataExport: after } = await staff.pb.ok(EXPORT_PERSON, { person });
    expect(after.cases).toEqual([]);
    expect(after.subject).not.toBe(subject);
  });
});
