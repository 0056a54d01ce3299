import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';
import { aBreachReport, aReport, REPORT_INCIDENT } from '../support/incident-operations';
import { anAccessRequest, REGISTER_REQUEST } from '../support/dsr-operations';

/**
 * Issue 8.1, "every read of a case's personal data appends an audit entry": reading a report's or
 * a request's personal fields leaves a `case.read` entry, whichever query returned the record;
 * reading only codes and dates leaves none.
 */
const INCIDENT_CODES = `query Incident($id: ID!) { incident(id: $id) { id reference status impact discoveredAt } }`;
const INCIDENT_TEXT = `query Incident($id: ID!) { incident(id: $id) { id reference whatHappened } again: incident(id: $id) { reporterName cause } }`;
const REGISTER_TEXT = `query Register { incidentRegister(first: 10) { nodes { reference whatHappened } } }`;
const REQUEST_CODES = `query Request($id: ID!) { dataSubjectRequest(id: $id) { reference status right } }`;
const REQUEST_TEXT = `query Request($id: ID!) { dataSubjectRequest(id: $id) { reference requester { name bsn } verbatimText } }`;

describe('reads of personal data in incident reports and requests are audited', () => {
  let db: TestDatabase;
  let platform: Platform;
  let ciso: TestClient;
  let pb: TestClient;
  let incidents: { id: string; instanceId: string }[];
  let request: { id: string; instanceId: string };

  const reads = async (instanceId: string, actor: string) =>
    (await platform.database.dataSource.query(
      `SELECT details->>'data' AS data FROM audit_entry WHERE action = 'case.read' AND instance_id = $1 AND actor = $2 ORDER BY seq`,
      [instanceId, actor],
    )).map((r: { data: string }) => r.data);

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    const employee = await TestClient.as(platform, 'medewerker.putten');
    incidents = [
      (await employee.ok(REPORT_INCIDENT, { report: aReport() })).reportIncident,
      (await employee.ok(REPORT_INCIDENT, { report: aBreachReport(2) })).reportIncident,
    ];
    request = (await employee.ok(REGISTER_REQUEST, { request: anAccessRequest() })).registerDataSubjectRequest;
    ciso = await TestClient.as(platform, 'ciso.putten');
    pb = await TestClient.as(platform, 'privacybeheerder.putten');
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('records nothing when only codes and dates of an incident are read', async () => {
    expect((await ciso.ok(INCIDENT_CODES, { id: incidents[0].id })).incident.reference).toMatch(/^INC-/);
    expect(await reads(incidents[0].instanceId, 'ciso.putten')).toEqual([]);
  });

  it('records one case.read per request when the report texts are read, however many fields or aliases', async () => {
    const data = await ciso.ok(INCIDENT_TEXT, { id: incidents[0].id });
    expect(data.incident.whatHappened).toContain('pc bij de balie');
    expect(await reads(incidents[0].instanceId, 'ciso.putten')).toEqual(['incident-report']);
    await ciso.ok(INCIDENT_TEXT, { id: incidents[0].id });
    expect(await reads(incidents[0].instanceId, 'ciso.putten')).toEqual(['incident-report', 'incident-report']);
  });

  it('records a read for every incident whose text a register page shows', async () => {
    const page = await ciso.ok(REGISTER_TEXT);
    expect(page.incidentRegister.nodes).toHaveLength(2);
    expect(await reads(incidents[1].instanceId, 'ciso.putten')).toEqual(['incident-report']);
    expect(await reads(incidents[0].instanceId, 'ciso.putten')).toHaveLength(3);
  });

  it("records a read of a request's requester and text, not of its status", async () => {
    await pb.ok(REQUEST_CODES, { id: request.id });
    expect(await reads(request.instanceId, 'privacybeheerder.putten')).toEqual([]);
    const data = await pb.ok(REQUEST_TEXT, { id: request.id });
    expect(data.dataSubjectRequest.requester.name).toBe('J. de Vries');
    expect(await reads(request.instanceId, 'privacybeheerder.putten')).toEqual(['request']);
  });
});
