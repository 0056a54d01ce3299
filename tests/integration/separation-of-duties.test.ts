import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from '../../src/platform';
import { databaseSnapshot } from '../support/database-snapshot';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';
import { ASSIGN, CLAIM, COMPLETE, CORRELATE, DEPLOY, INBOX, START, UNCLAIM } from '../support/operations';

/**
 * Functiescheiding in the incident procedure (bpmn/incident-triage.bpmn), on PostgreSQL:
 * whoever reported an incident does not assess or close it; the FG advises and the GS decides,
 * never the same person; the PB who files the AP notification did not decide it; a text to
 * affected people is checked by someone other than its author.
 */
const BPMN_DIR = path.resolve(__dirname, '../../bpmn');
const INCIDENT_XML = fs.readFileSync(path.join(BPMN_DIR, 'incident-triage.bpmn'), 'utf8');

describe('separation of duties in the incident procedure', () => {
  let db: TestDatabase;
  let platform: Platform;
  const as = (username: string) => TestClient.as(platform, username);

  const openTask = async (instanceId: string, elementId: string): Promise<string> => {
    const rows = await platform.database.dataSource.query(
      `SELECT id FROM user_task WHERE instance_id = $1 AND element_id = $2 AND status = 'open'`,
      [instanceId, elementId],
    );
    expect(rows).toHaveLength(1);
    return rows[0].id;
  };
  const snapshot = () => databaseSnapshot(platform.database.dataSource);
  const inboxIds = async (client: TestClient) => (await client.ok(INBOX, { first: 100 })).tasks.edges.map((e: any) => e.node.id);

  /** Expects a SEPARATION_OF_DUTIES refusal naming the rule, and that nothing changed. */
  async function expectRefused(attempt: () => Promise<{ errors?: any[] }>, details: Record<string, unknown>) {
    const before = await snapshot();
    const result = await attempt();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'SEPARATION_OF_DUTIES', ...details });
    expect(await snapshot()).toEqual(before);
  }

  /** Reports an incident in Putten and walks it to the given task (personal data involved). */
  async function incidentAt(reporter: TestClient, untilElement: string, variables: Record<string, unknown> = {}, tenantId?: string) {
    const { startProcess } = await reporter.ok(START, { key: 'incident-triage', businessKey: `INC-${Math.random()}`, variables, tenantId });
    const id = startProcess.id as string;
    const steps: [string, string, Record<string, unknown>][] = [
      ['MeldingBeoordelen', 'regionale-ciso', { impact: 'laag', persoonsgegevens: true }],
      ['IctHerstelt', 'systeembeheer.putten', {}],
      ['FgAdvies', 'fg', { adviesMeldenAp: true, betrokkenenInformeren: true }],
      ['GsBesluit', 'gemeentesecretaris.putten', { apMelden: true }],
      ['MeldingApDoen', 'privacybeheerder.putten', { meldnummerAp: 'AP-2026-1' }],
      ['TekstBetrokkenenOpstellen', 'communicatie.putten', {}],
    ];
    for (const [element, who, values] of steps) {
      if (element === untilElement) break;
      await (await as(who)).ok(COMPLETE, { id: await openTask(id, element), values });
    }
    return { instanceId: id, taskId: await openTask(id, untilElement) };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: BPMN_DIR });
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  describe('whoever reported an incident does not assess or close it (notInitiator)', () => {
    it('refuses the reporting CISO to claim, self-assign or complete the assessment, and hides it from their inbox', async () => {
      const reporter = await as('ciso.putten');
      const { taskId } = await incidentAt(reporter, 'MeldingBeoordelen');
      expect(await inboxIds(reporter)).not.toContain(taskId);
      expect(await inboxIds(await as('regionale-ciso'))).toContain(taskId);

      const details = { rule: 'notInitiator', initiatorVia: 'startedBy', taskElementId: 'MeldingBeoordelen' };
      await expectRefused(() => reporter.gql(CLAIM, { id: taskId }), details);
      await expectRefused(() => reporter.gql(ASSIGN, { id: taskId, userId: 'ciso.putten' }), details);
      await expectRefused(() => reporter.gql(COMPLETE, { id: taskId, values: { impact: 'laag', persoonsgegevens: false } }), details);
      // A coordinator cannot hand it to the reporter either.
      await expectRefused(async () => (await as('regionale-ciso')).gql(ASSIGN, { id: taskId, userId: 'ciso.putten' }), details);
    });

    it('also binds the person on whose behalf the zaaksysteem reported the case (reportedBy)', async () => {
      const zaaksysteem = new TestClient(
        platform,
        await platform.devIdentity!.sign(
          { username: 'service-account-zaaksysteem', realmRoles: ['integratie'], tenants: ['bunschoten', 'leusden', 'nijkerk', 'putten'] },
          'zaaksysteem',
        ),
      );
      const { taskId } = await incidentAt(zaaksysteem, 'MeldingBeoordelen', { reportedBy: 'ciso.putten' }, 'putten');
      const reporter = await as('ciso.putten');
      expect(await inboxIds(reporter)).not.toContain(taskId);
      await expectRefused(() => reporter.gql(CLAIM, { id: taskId }), { rule: 'notInitiator', initiatorVia: 'reportedBy' });
      // Another CISO of Putten may: the rule binds the reporter, not the role.
      expect((await (await as('regionale-ciso')).ok(CLAIM, { id: taskId })).claimTask.assignee).toBe('regionale-ciso');
    });

    it('lets only an integration name whom a case is reported for, and only at its start', async () => {
      const colleague = await as('medewerker.putten');
      const before = await snapshot();
      const start = await colleague.gql(START, { key: 'incident-triage', variables: { reportedBy: 'ciso.putten' } });
      expect(start.errors?.[0].extensions).toMatchObject({ code: 'INVALID_VARIABLES', fields: ['reportedBy'] });
      const message = await colleague.gql(CORRELATE, { name: 'antwoordOntvangen', businessKey: 'INC-1', variables: { reportedBy: 'medewerker.putten' } });
      expect(message.errors?.[0].extensions).toMatchObject({ code: 'INVALID_VARIABLES', fields: ['reportedBy'] });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses the reporter to close the incident at the end', async () => {
      const reporter = await as('ciso.putten');
      const { startProcess } = await reporter.ok(START, { key: 'incident-triage', businessKey: 'INC-CLOSE' });
      await (await as('regionale-ciso')).ok(COMPLETE, {
        id: await openTask(startProcess.id, 'MeldingBeoordelen'),
        values: { impact: 'laag', persoonsgegevens: false },
      });
      await (await as('helpdesk.putten')).ok(COMPLETE, { id: await openTask(startProcess.id, 'IctHerstelt'), values: {} });
      const closing = await openTask(startProcess.id, 'IncidentAfsluiten');
      await expectRefused(() => reporter.gql(COMPLETE, { id: closing, values: {} }), { rule: 'notInitiator', taskElementId: 'IncidentAfsluiten' });
      expect((await (await as('regionale-ciso')).ok(COMPLETE, { id: closing, values: {} })).completeTask.status).toBe('completed');
    });
  });

  describe('the FG advises, the GS decides: never the same person in one case (separateFrom)', () => {
    it('refuses the person who is both FG and GS to decide after advising, in claim, assign and complete', async () => {
      const { instanceId, taskId: advice } = await incidentAt(await as('medewerker.putten'), 'FgAdvies');
      const twoHats = await as('fg-gs.putten');
      await twoHats.ok(COMPLETE, { id: advice, values: { adviesMeldenAp: true, betrokkenenInformeren: false } });
      const decision = await openTask(instanceId, 'GsBesluit');

      expect(await inboxIds(twoHats)).not.toContain(decision);
      expect(await inboxIds(await as('gemeentesecretaris.putten'))).toContain(decision);
      const details = { rule: 'separateFrom', conflictingTask: 'FgAdvies', taskElementId: 'GsBesluit', performer: 'fg-gs.putten' };
      await expectRefused(() => twoHats.gql(CLAIM, { id: decision }), details);
      await expectRefused(() => twoHats.gql(ASSIGN, { id: decision, userId: 'fg-gs.putten' }), details);
      await expectRefused(() => twoHats.gql(COMPLETE, { id: decision, values: { apMelden: false } }), details);
      expect((await (await as('gemeentesecretaris.putten')).ok(COMPLETE, { id: decision, values: { apMelden: false } })).completeTask.status).toBe(
        'completed',
      );
    });

    it('lets the same two-hatted person decide a case in which someone else advised', async () => {
      const { taskId } = await incidentAt(await as('medewerker.putten'), 'GsBesluit');
      const twoHats = await as('fg-gs.putten');
      expect(await inboxIds(twoHats)).toContain(taskId);
      expect((await twoHats.ok(CLAIM, { id: taskId })).claimTask.assignee).toBe('fg-gs.putten');
    });
  });

  it('refuses the PB who decided on the notification to file it (separateFrom GsBesluit)', async () => {
    // A small municipality where the deputy secretary is also privacy officer.
    const deputy = new TestClient(
      platform,
      await platform.devIdentity!.sign({ username: 'gs-pb.putten', realmRoles: ['gemeentesecretaris', 'privacybeheerder'], tenants: ['putten'] }, 'privacyflow-web'),
    );
    const { instanceId, taskId: decision } = await incidentAt(await as('medewerker.putten'), 'GsBesluit');
    await deputy.ok(COMPLETE, { id: decision, values: { apMelden: true } });
    const filing = await openTask(instanceId, 'MeldingApDoen');
    expect(await inboxIds(deputy)).not.toContain(filing);
    await expectRefused(() => deputy.gql(COMPLETE, { id: filing, values: { meldnummerAp: 'AP-1' } }), {
      rule: 'separateFrom',
      conflictingTask: 'GsBesluit',
    });
  });

  describe('four eyes on the text to affected people (separateFrom TekstBetrokkenenOpstellen)', () => {
    it('refuses the author to check their own text, also through claim-by-a-colleague and complete-by-the-author', async () => {
      const author = await as('privacybeheerder.putten');
      const { instanceId, taskId: draft } = await incidentAt(await as('medewerker.putten'), 'TekstBetrokkenenOpstellen');
      await author.ok(COMPLETE, { id: draft, values: {} });
      const check = await openTask(instanceId, 'TekstBetrokkenenControleren');
      const details = { rule: 'separateFrom', conflictingTask: 'TekstBetrokkenenOpstellen' };

      expect(await inboxIds(author)).not.toContain(check);
      await expectRefused(() => author.gql(CLAIM, { id: check }), details);
      // The author is a coordinator and may assign, but not to themself.
      await expectRefused(() => author.gql(ASSIGN, { id: check, userId: 'privacybeheerder.putten' }), details);
      // Bypass attempt: a colleague claims it, the author (coordinator) takes it back and completes it unassigned.
      const colleague = await as('communicatie.putten');
      await colleague.ok(CLAIM, { id: check });
      expect((await author.gql(COMPLETE, { id: check, values: {} })).errors?.[0].extensions?.code).toBe('TASK_HELD_BY_OTHER');
      await author.ok(UNCLAIM, { id: check });
      await expectRefused(() => author.gql(COMPLETE, { id: check, values: {} }), details);
      expect((await colleague.ok(COMPLETE, { id: check, values: {} })).completeTask.completedBy).toBe('communicatie.putten');
    });
  });

  describe('deployment refuses rules that cannot be right', () => {
    const deployer = () => as('procesbeheerder.putten');
    it('refuses a separateFrom naming a task that does not exist, and a notInitiator that is not true or false', async () => {
      const broken = INCIDENT_XML.replace('name="separateFrom" value="FgAdvies"', 'name="separateFrom" value="FgAdvies, FgAdviesOud"').replace(
        '<camunda:property name="notInitiator" value="true" />',
        '<camunda:property name="notInitiator" value="ja" />',
      );
      const result = await (await deployer()).gql(DEPLOY, { xml: broken, name: 'kapot' });
      expect(result.errors?.[0].extensions?.code).toBe('DIAGRAM_REJECTED');
      const problems = (result.errors?.[0].extensions?.problems as any[]).map((p) => [p.rule, p.elementId]);
      expect(problems).toEqual(
        expect.arrayContaining([
          ['invalid-separate-from', 'GsBesluit'],
          ['invalid-not-initiator', 'MeldingBeoordelen'],
        ]),
      );
      expect(problems).toHaveLength(2);
    });

    it('refuses a separateFrom that names a non-user-task element', async () => {
      const broken = INCIDENT_XML.replace('name="separateFrom" value="FgAdvies"', 'name="separateFrom" value="MeldenGateway"');
      const result = await (await deployer()).gql(DEPLOY, { xml: broken, name: 'kapot' });
      expect((result.errors?.[0].extensions?.problems as any[]).map((p) => p.rule)).toEqual(['invalid-separate-from']);
    });
  });
});
