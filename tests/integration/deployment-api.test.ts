import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { FIXTURES, readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { COMPLETE, DEPLOY, INBOX, INSTANCE, START } from '../support/operations';

describe('deploying diagrams', () => {
  let db: TestDatabase;
  let platform: Platform;
  let deployer: TestClient;

  const definitionCount = async () => (await platform.database.dataSource.query(`SELECT count(*)::int AS n FROM process_definition`))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    deployer = await TestClient.as(platform, 'procesbeheerder.bunschoten');
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('deploys the diagrams in bpmn/ at start', async () => {
    const rows = await platform.database.dataSource.query(`SELECT process_key, version FROM process_definition ORDER BY process_key`);
    const bundled = fs.readdirSync(path.resolve(__dirname, '../../bpmn')).filter((f) => f.endsWith('.bpmn'));
    expect(rows.length).toBe(bundled.length);
    expect(rows.map((r: any) => r.process_key)).toContain('incident-triage');
  });

  it('gives identical XML the same version and changed XML the next; running cases stay on theirs', async () => {
    const xml = readFixture('runtime-demo.bpmn');
    const first = await deployer.ok(DEPLOY, { xml, name: 'demo' });
    const again = await deployer.ok(DEPLOY, { xml, name: 'demo' });
    expect(first.deployProcess).toMatchObject({ created: true, definition: { version: 1 } });
    expect(again.deployProcess).toMatchObject({ created: false, definition: { version: 1, id: first.deployProcess.definition.id } });

    const employee = await TestClient.as(platform, 'medewerker.bunschoten');
    const { startProcess: old } = await employee.ok(START, { key: 'runtime-demo', variables: { approvalTimeout: 'P1D' } });

    const changed = xml.replace('name="Goedkeuren"', 'name="Goedkeuren door CISO"');
    const second = await deployer.ok(DEPLOY, { xml: changed, name: 'demo' });
    expect(second.deployProcess).toMatchObject({ created: true, definition: { version: 2 } });

    const { startProcess: fresh } = await employee.ok(START, { key: 'runtime-demo', variables: { approvalTimeout: 'P1D' } });
    expect([old.definitionVersion, fresh.definitionVersion]).toEqual([1, 2]);

    // The old case still runs on version 1: its next task carries the old name.
    const inbox = await employee.ok(INBOX, { first: 100 });
    const oldIntake = inbox.tasks.edges.map((e: any) => e.node).find((t: any) => t.instanceId === old.id);
    await employee.ok(COMPLETE, { id: oldIntake.id, values: { amount: 101 } });
    const ciso = await TestClient.as(platform, 'ciso.bunschoten');
    const approvals = (await ciso.ok(INBOX, { first: 100 })).tasks.edges.map((e: any) => e.node);
    expect(approvals.find((t: any) => t.instanceId === old.id).name).toBe('Goedkeuren');
    const view = await ciso.ok(INSTANCE, { id: old.id });
    expect(view.processInstance.definitionVersion).toBe(1);
    expect(view.processInstance.bpmnXml).not.toContain('Goedkeuren door CISO');
  });

  it('refuses deployment by someone who is not a process manager', async () => {
    const employee = await TestClient.as(platform, 'medewerker.bunschoten');
    const before = await definitionCount();
    const result = await employee.gql(DEPLOY, { xml: readFixture('runtime-demo.bpmn').replace('Testproces', 'X'), name: 'x' });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await definitionCount()).toBe(before);
  });

  const hostileDir = path.join(FIXTURES, 'hostile');
  const hostile = fs.existsSync(hostileDir) ? fs.readdirSync(hostileDir).filter((f) => f.endsWith('.bpmn')) : [];
  const expectedRules: Record<string, string> = JSON.parse(fs.readFileSync(path.join(hostileDir, 'expected-rules.json'), 'utf8'));

  it('has a hostile corpus to run', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(10);
  });

  it.each(hostile)('refuses %s with DIAGRAM_REJECTED, lists the problems, and stores nothing', async (file) => {
    const before = await definitionCount();
    const result = await deployer.gql(DEPLOY, { xml: fs.readFileSync(path.join(hostileDir, file), 'utf8'), name: file });
    expect(result.errors?.[0].extensions?.code).toBe('DIAGRAM_REJECTED');
    expect((result.errors?.[0].extensions?.problems as { rule: string }[]).map((p) => p.rule)).toContain(expectedRules[file]);
    expect(await definitionCount()).toBe(before);
  });

  it('returns bpmnlint warnings with a successful deployment', async () => {
    const result = await deployer.ok(`mutation ($xml: String!) { deployProcess(xml: $xml, name: "demo") { created warnings { rule elementId message } } }`, {
      xml: readFixture('runtime-demo.bpmn'),
    });
    expect(result.deployProcess.warnings).toEqual([{ rule: 'bpmnlint/fake-join', elementId: 'End', message: 'Incoming flows do not join' }]);
  });

  it('refuses a diagram over the size limit before parsing it', async () => {
    const huge = readFixture('runtime-demo.bpmn').replace('<bpmn:process', `<!-- ${'x'.repeat(1024 * 1024)} --><bpmn:process`);
    const result = await deployer.gql(DEPLOY, { xml: huge, name: 'huge' });
    expect(result.errors?.[0].extensions?.code).toBe('DIAGRAM_REJECTED');
    expect((result.errors?.[0].extensions?.problems as any[])[0].rule).toBe('size-limit');
  });
});
