import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, startTestPlatform, TestClient } from '../support/test-platform';
import { aReport, attempt, INCIDENT, openTaskIds, perform, REGISTER, REPORT_INCIDENT } from '../support/incident-operations';

/**
 * Scenario (a), BLNP Bijlage 3: a low-impact security incident that is no breach. An employee
 * reports it, the CISO assesses it as "laag", ICT repairs it and the CISO is informed, the
 * CISO closes it, it is in the incident register and the evaluation is scheduled.
 */
describe('scenario (a): a low-impact incident without personal data is solved by ICT and registered', () => {
  let db: TestDatabase;
  let platform: Platform;
  let employee: TestClient;
  let ciso: TestClient;
  let ict: TestClient;
  let cisoOtherMunicipality: TestClient;
  let incident: any;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    employee = await TestClient.as(platform, 'medewerker.leusden');
    ciso = await TestClient.as(platform, 'ciso.leusden');
    ict = await TestClient.as(platform, 'systeembeheer.leusden');
    cisoOtherMunicipality = await TestClient.as(platform, 'ciso.putten');
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('1–3: the employee reports what happened; the table proposes "laag" and the CISO gets the assessment', async () => {
    const { reportIncident } = await employee.ok(REPORT_INCIDENT, { report: aReport() });
    incident = reportIncident;
    expect(incident).toMatchObject({ tenantId: 'leusden', status: 'reported', reportedVia: 'employee', reportedBy: 'medewerker.leusden', proposedImpact: 'laag' });
    expect(incident.reference).toMatch(/^INC-\d{4}-\d{5}$/);
    expect(await openTaskIds(ciso, incident.instanceId)).toEqual(['AssessReport']);
    expect(await openTaskIds(cisoOtherMunicipality, incident.instanceId)).toEqual([]);
  });

  it('lets only employees report through reportIncident', async () => {
    const result = await ciso.gql(REPORT_INCIDENT, { report: aReport() });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an incomplete report with the fields that are missing, and starts nothing', async () => {
    const result = await employee.gql(REPORT_INCIDENT, { report: aReport({ whatHappened: ' ', affected: '', discoveredAt: new Date(Date.now() + 3600_000).toISOString() }) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'INCIDENT_REPORT_INVALID' });
    expect((result.errors?.[0].extensions?.fieldErrors as any[]).map((e) => e.field).sort()).toEqual(['affected', 'discoveredAt', 'whatHappened']);
    const register = await ciso.ok(REGISTER, {});
    expect(register.incidentRegister.totalCount).toBe(1);
  });

  it('6: the CISO may deviate from the proposal only with a reason', async () => {
    const refused = await attempt(ciso, incident.instanceId, 'AssessReport', { incidentConfirmed: true, impact: 'midden', personalData: false });
    expect(refused).toMatchObject({ code: 'IMPACT_CORRECTION_REASON_REQUIRED' });
    expect(await openTaskIds(ciso, incident.instanceId)).toEqual(['AssessReport']);

    await perform(ciso, incident.instanceId, 'AssessReport', { incidentConfirmed: true, impact: 'laag', personalData: false, assessmentNote: 'Hardwarestoring' });
    const { incident: assessed } = await ciso.ok(INCIDENT, { id: incident.id });
    expect(assessed).toMatchObject({ status: 'in_progress', impact: 'laag', personalData: false, classifiedBy: 'ciso.leusden', breach: null });
  });

  it('4–5: laag → ICT repairs and shares its findings; the CISO is informed', async () => {
    expect(await openTaskIds(ciso, incident.instanceId)).toEqual([]);
    await perform(ict, incident.instanceId, 'RepairLow', { repairSummary: 'Voeding vervangen, pc werkt weer.' });
    const informed = await eventually(async () => {
      const rows = await platform.database.dataSource.query(
        `SELECT service, status, payload->>'elementId' AS element FROM outbox_message WHERE instance_id = $1 AND service = 'notify'`,
        [incident.instanceId],
      );
      return rows.length === 1 && rows[0].status === 'done' ? rows : undefined;
    });
    expect(informed).toEqual([{ service: 'notify', status: 'done', element: 'InformCisoLow' }]);
    // The municipality has no zaaksysteem: the diagram's zaak steps were passed, each recorded as skipped with the reason.
    const zaakSteps = await platform.database.dataSource.query(
      `SELECT payload->>'elementId' AS element, status, skip_reason FROM outbox_message WHERE instance_id = $1 AND service LIKE 'zgw.%' ORDER BY seq`,
      [incident.instanceId],
    );
    expect(zaakSteps).toEqual([
      { element: 'ZaakAanmaken', status: 'done', skip_reason: 'no zaaksysteem is configured (ZGW_CONFIG_FILE)' },
      { element: 'StatusBeoordeeld', status: 'done', skip_reason: 'no zaaksysteem is configured (ZGW_CONFIG_FILE)' },
      { element: 'RolBehandelaar', status: 'done', skip_reason: 'no zaaksysteem is configured (ZGW_CONFIG_FILE)' },
    ]);
  });

  it('9: the CISO closes it; it stays in the register and the evaluation is scheduled two weeks later', async () => {
    const reporterCannotClose = await employee.gql(`query { tasks { totalCount } }`);
    expect(reporterCannotClose.data.tasks.totalCount).toBe(0);
    await perform(ciso, incident.instanceId, 'CloseIncident', { closureSummary: 'Storing verholpen door systeembeheer.' });

    const { incidentRegister } = await ciso.ok(REGISTER, { filter: { personalData: false, impact: ['laag'] } });
    expect(incidentRegister.nodes.map((n: any) => [n.reference, n.status, n.impact])).toEqual([[incident.reference, 'closed', 'laag']]);
    const none = await ciso.ok(REGISTER, { filter: { personalData: true } });
    expect(none.incidentRegister.totalCount).toBe(0);

    const closed = incidentRegister.nodes[0];
    const [timer] = await platform.database.dataSource.query(`SELECT element_id, due_at FROM timer_job WHERE instance_id = $1`, [incident.instanceId]);
    expect(timer.element_id).toBe('EvaluationDue');
    expect(new Date(closed.evaluationDueAt).getTime() - new Date(closed.closedAt).getTime()).toBe(14 * 24 * 3600_000);
    // The engine re-derives the instant from the ISO value it was given: same moment, to the millisecond or so.
    expect(Math.abs(new Date(timer.due_at).getTime() - new Date(closed.evaluationDueAt).getTime())).toBeLessThan(1000);
  });

  it('exports the register as CSV without the report texts', async () => {
    const { incidentRegisterCsv } = await ciso.ok(`query { incidentRegisterCsv(filter: { status: ["closed"] }) }`);
    const [header, row, end] = incidentRegisterCsv.split('\r\n');
    expect(header.split(',').slice(0, 4)).toEqual(['kenmerk', 'gemeente', 'status', 'gemeld_op']);
    expect(row.split(',').slice(0, 3)).toEqual([incident.reference, 'leusden', 'closed']);
    expect(row).toContain('gebruikers.storing-in-pc-of-randapparatuur,laag,laag,nee');
    expect(end).toBe('');
    expect(incidentRegisterCsv).not.toContain('balie');
  });

  it('keeps the register to the municipality and to the roles that keep it', async () => {
    const other = await cisoOtherMunicipality.ok(REGISTER, {});
    expect(other.incidentRegister.totalCount).toBe(0);
    expect((await cisoOtherMunicipality.ok(INCIDENT, { id: incident.id })).incident).toBeNull();
    const forbidden = await employee.gql(REGISTER, {});
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const wrongTenant = await ciso.gql(REGISTER, { filter: { tenantId: 'putten' } });
    expect(wrongTenant.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
