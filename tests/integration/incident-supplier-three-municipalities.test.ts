import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';
import { COMPLETE, INBOX, INSTANCE, START, TASK } from '../support/operations';
import { openTaskIds, perform } from '../support/incident-operations';

const SHARED_CASE = `query Shared($id: ID!) { processInstance(id: $id) { id tenantId participatingTenants status variables openTasks { id elementId } } }`;
const AUDIT_LOG = `query AuditLog($filter: AuditLogFilterInput) {
  auditLog(filter: $filter, first: 100) { tenantId edges { node { actor action taskId details } } } }`;

/**
 * Scenario (f): one security incident in a shared application (an "Innovatieve Oplossing") affects
 * several municipalities (shared/seeds/supplier-incident-process-nvsi.txt). The supplier and the
 * NVSI handle it once, in bpmn/supplier-incident-nvsi.bpmn, owned by the tenant `nvsi`; the
 * municipalities the supplier names share the case: their FG, CISO and PB read it, and each decides
 * for itself, as controller, whether to notify the AP. A municipality not named sees nothing.
 * No code of its own: the diagram runs on the platform's generic shared-case support.
 */
describe('scenario (f): a supplier incident across three municipalities', () => {
  let db: TestDatabase;
  let platform: Platform;
  const as = async (username: string, roles: string[], tenant: string) =>
    new TestClient(platform, await platform.devIdentity!.sign({ username, realmRoles: roles, tenants: [tenant] }, 'privacyflow-web'));

  const affected = ['bunschoten', 'leusden', 'nijkerk'];
  const inboxOf = async (client: TestClient, instanceId: string) =>
    (await client.ok(INBOX, { filter: { instanceId }, first: 100 })).tasks.edges.map((e: any) => e.node);

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('from the report at the helpdesk to informing every affected municipality of the evaluation', async () => {
    const helpdesk = await as('helpdesk.leverancier', ['leverancier'], 'nvsi');
    const supplier = await as('beoordelaar.leverancier', ['leverancier'], 'nvsi');
    const productOwner = await as('productowner.leverancier', ['leverancier'], 'nvsi');
    const fgNvsi = await as('fg.nvsi', ['fg'], 'nvsi');
    const escalationTeam = await as('escalatieteam.nvsi', ['escalatieteam'], 'nvsi');
    const chair = await as('voorzitter.regiegroep', ['regiegroep'], 'nvsi');

    // Steps 1–3: Bunschoten's functional administrator finds the cause in the application and
    // reports it to the supplier's helpdesk, which registers the incident.
    const { startProcess: incident } = await helpdesk.ok(START, { key: 'supplier-incident-nvsi', businessKey: 'IO-2026-7' });
    expect(incident).toMatchObject({ tenantId: 'nvsi', activeElementIds: ['AssessIncident'] });
    // The helpdesk employee who registered the report does not assess it (notInitiator).
    expect(await openTaskIds(helpdesk, incident.id)).toEqual([]);

    // Step 4: the supplier assesses by its protocol and finds three municipalities involved.
    await perform(supplier, incident.id, 'AssessIncident', {
      meldendeGemeente: 'bunschoten',
      omschrijving: 'Exportfunctie toont dossiers van andere gemeenten in dezelfde omgeving.',
      privacyImpact: true,
      grootIncident: true,
      betrokkenGemeenten: 'bunschoten, leusden,nijkerk',
    });
    const { processInstance: shared } = await fgNvsi.ok(SHARED_CASE, { id: incident.id });
    expect(shared.participatingTenants).toEqual(affected);

    // Steps 6–7: a larger incident — the leak is closed at once, then impact and measures.
    await perform(supplier, incident.id, 'CloseLeak', { lekGedicht: true, dichtingMaatregel: 'Exportfunctie uitgeschakeld.' });
    await perform(supplier, incident.id, 'DetermineImpact', { impact: 'Inzage in circa 40 dossiers over gemeentegrenzen.', maatregelen: 'Autorisatiecontrole in export toegevoegd.' });

    // Step 5: the supplier informs the FG of the NVSI, who informs and advises the municipalities' FGs.
    await perform(fgNvsi, incident.id, 'AdviseMunicipalities', { adviesMeldenAp: true, adviesFgNvsi: 'Risico voor betrokkenen niet uit te sluiten: melden bij de AP.' });

    // Each affected municipality now has its own task, in its own inbox, for its own PB.
    const rows = await platform.database.dataSource.query(
      `SELECT tenant_id, local_variables->>'gemeente' AS gemeente FROM user_task WHERE instance_id = $1 AND element_id = 'AssessOwnNotification' ORDER BY tenant_id`,
      [incident.id],
    );
    expect(rows).toEqual(affected.map((tenant) => ({ tenant_id: tenant, gemeente: tenant })));

    for (const [i, tenant] of affected.entries()) {
      const pb = await as(`privacybeheerder.${tenant}`, ['privacybeheerder'], tenant);
      const fg = await as(`fg.${tenant}`, ['fg'], tenant);
      const ciso = await as(`ciso.${tenant}`, ['ciso'], tenant);
      const employee = await as(`medewerker.${tenant}`, ['medewerker'], tenant);

      // The FG, the CISO and the PB of the municipality see the shared case …
      for (const reader of [fg, ciso, pb]) {
        const { processInstance } = await reader.ok(SHARED_CASE, { id: incident.id });
        expect(processInstance).toMatchObject({ id: incident.id, tenantId: 'nvsi', variables: expect.objectContaining({ adviesMeldenAp: true }) });
        // … and of its tasks only their own municipality's.
        expect(processInstance.openTasks.map((t: any) => t.elementId)).toEqual(['AssessOwnNotification']);
      }
      // Other staff of the municipality do not: the case is the supervisors' and the PB's business.
      expect((await employee.ok(SHARED_CASE, { id: incident.id })).processInstance).toBeNull();

      // The PB finds exactly one task in the inbox: its own municipality's, not the others'.
      const [task, ...others] = await inboxOf(pb, incident.id);
      expect(others).toEqual([]);
      expect(task.elementId).toBe('AssessOwnNotification');
      const { task: detail } = await pb.ok(TASK, { id: task.id });
      expect(detail.caseData).toMatchObject({ gemeente: tenant, adviesFgNvsi: expect.any(String) });
      // The FG reads along but decides nothing (art. 38(6) AVG): it is no candidate.
      const refused = await fg.gql(COMPLETE, { id: task.id, values: { meldenBijAp: false, motiveringGemeente: 'x' } });
      expect(refused.errors?.[0].extensions?.code).toBe('NOT_A_CANDIDATE');

      // The municipality decides itself whether it notifies the AP (the two others differ).
      await pb.ok(COMPLETE, {
        id: task.id,
        values: i < 2
          ? { meldenBijAp: true, apMeldnummer: `AP-2026-10${i}`, motiveringGemeente: 'Dossiers van inwoners ingezien door andere gemeenten.' }
          : { meldenBijAp: false, motiveringGemeente: 'Alleen testdossiers betrokken.' },
      });

      // The completion is in the municipality's own audit chain, read by its FG.
      const { auditLog } = await fg.ok(AUDIT_LOG, { filter: { tenantId: tenant, instanceId: incident.id, action: 'task.completed' } });
      expect(auditLog.edges.map((e: any) => [e.node.actor, e.node.taskId])).toEqual([[`privacybeheerder.${tenant}`, task.id]]);
    }
    // No municipality's action went into the NVSI's chain.
    const nvsiEntries = await platform.database.dataSource.query(
      `SELECT actor FROM audit_entry WHERE tenant_id = 'nvsi' AND instance_id = $1 AND action = 'task.completed'`,
      [incident.id],
    );
    expect(nvsiEntries.map((e: any) => e.actor).sort()).toEqual(['beoordelaar.leverancier', 'beoordelaar.leverancier', 'beoordelaar.leverancier', 'fg.nvsi']);

    // A fourth municipality, not affected, sees nothing: the case answers like a missing id.
    for (const [username, roles] of [['fg.putten', ['fg']], ['ciso.putten', ['ciso']], ['privacybeheerder.putten', ['privacybeheerder']]] as const) {
      const outsider = await as(username, [...roles], 'putten');
      expect((await outsider.ok(SHARED_CASE, { id: incident.id })).processInstance).toBeNull();
      expect(await inboxOf(outsider, incident.id)).toEqual([]);
      expect((await outsider.ok(INBOX, { filter: { scope: 'supervised' }, first: 100 })).tasks.edges).toEqual([]);
    }

    // Step 8: the supplier, with the NVSI, calls in the escalation team.
    await perform(productOwner, incident.id, 'DecideEscalation', { escalatieteamInschakelen: true, overlegNvsi: 'Overleg met FG NVSI, 14:00.' });
    // Steps 9–10: the team assesses, advises on availability, and informs the municipalities.
    await perform(escalationTeam, incident.id, 'EscalationAssessment', { applicatieBeschikbaarHouden: false, adviesEscalatieteam: 'Applicatie offline tot de fix is getest.' });
    await perform(escalationTeam, incident.id, 'InformMunicipalitiesOfMeasures', {
      informatieAanGemeenten: 'Applicatie tijdelijk niet beschikbaar; export hersteld na test.',
      geinformeerdOp: '2026-03-02',
    });
    await perform(supplier, incident.id, 'ResolveIncident', { oplossing: 'Autorisatiecontrole uitgerold en getest.', opgelostOp: '2026-03-04' });

    // Step 11: evaluation with supplier, NVSI and the chair of the steering group …
    await perform(chair, incident.id, 'EvaluateIncident', { evaluatie: 'Ontbrekende autorisatiecontrole in export; testset uitgebreid.' });
    // … whose results the NVSI shares with every affected municipality (step 12).
    await perform(fgNvsi, incident.id, 'InformEvaluationResults', { evaluatieGedeeldOp: '2026-03-20', kanaal: 'regiegroepoverleg' });

    const { processInstance } = await fgNvsi.ok(INSTANCE, { id: incident.id });
    expect(processInstance.status).toBe('completed');
    // Afterwards each affected municipality can still look the case up; the fourth still cannot.
    expect((await (await as('fg.leusden', ['fg'], 'leusden')).ok(SHARED_CASE, { id: incident.id })).processInstance.status).toBe('completed');
    expect((await (await as('fg.putten', ['fg'], 'putten')).ok(SHARED_CASE, { id: incident.id })).processInstance).toBeNull();
    // No incident-management code ran for it.
    expect(await platform.database.dataSource.query(`SELECT count(*)::int AS n FROM incident`)).toEqual([{ n: 0 }]);
  });

  it('refuses a list of affected municipalities that are no tenant ids, and changes nothing', async () => {
    const helpdesk = await as('helpdesk.leverancier', ['leverancier'], 'nvsi');
    const supplier = await as('beoordelaar.leverancier', ['leverancier'], 'nvsi');
    const { startProcess: incident } = await helpdesk.ok(START, { key: 'supplier-incident-nvsi', businessKey: 'IO-2026-8' });
    const [task] = await inboxOf(supplier, incident.id);
    const result = await supplier.gql(COMPLETE, {
      id: task.id,
      values: { omschrijving: 'Storing', privacyImpact: false, grootIncident: false, betrokkenGemeenten: 'Gemeente Leusden; Nijkerk' },
    });
    expect(result.errors?.[0].extensions?.code).toBe('PARTICIPATING_TENANTS_INVALID');
    const { processInstance } = await supplier.ok(SHARED_CASE, { id: incident.id });
    expect(processInstance).toMatchObject({ participatingTenants: [], openTasks: [{ id: task.id, elementId: 'AssessIncident' }] });
  });
});
