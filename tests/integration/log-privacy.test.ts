import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { COMPLETE, CORRELATE, DEPLOY, INBOX, INSTANCE, START, TASK } from '../support/operations';

/**
 * A citizen's name, e-mail address, BSN and the free text of a report go through every path that
 * logs — success, refusals, an engine failure, a database error — at log level debug; none of it
 * may appear in anything the server writes.
 */
describe('personal data never reach the logs', () => {
  const NAME = 'Jantje Geheimnaam';
  const EMAIL = 'jantje.geheim@example.nl';
  const BSN = '123456782';
  const REPORT = 'ik heb de map met dossiers in de trein laten liggen';
  const personal = [NAME, EMAIL, BSN, REPORT, 'Geheimnaam', 'jantje.geheim', 'dossiers in de trein'];

  let db: TestDatabase;
  let platform: Platform;
  const written: string[] = [];
  const spies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    spies.push(jest.spyOn(process.stdout, 'write').mockImplementation(capture as any));
    spies.push(jest.spyOn(process.stderr, 'write').mockImplementation(capture as any));
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' '))));
    }
    platform = await startTestPlatform(db, { logLevel: 'debug' });
  });
  afterAll(async () => {
    await platform?.close();
    spies.forEach((s) => s.mockRestore());
    await db?.drop();
  });

  it('keeps them out of every log line while a case is reported, read, refused and completed', async () => {
    await (await TestClient.as(platform, 'procesbeheerder.putten')).ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'demo' });
    const employee = await TestClient.as(platform, 'medewerker.putten');
    const variables = { melderNaam: NAME, melderEmail: EMAIL, bsn: BSN, omschrijving: REPORT, approvalTimeout: 'P3D' };
    const { startProcess } = await employee.ok(START, { key: 'runtime-demo', businessKey: 'PRIV-1', variables });
    const [task] = (await employee.ok(INBOX, { filter: { search: 'PRIV-1' } })).tasks.edges.map((e: any) => e.node);
    expect((await employee.ok(TASK, { id: task.id })).task.caseData.melderEmail).toBe(EMAIL);

    // Refusals that carry the personal data in their input.
    expect((await employee.gql(COMPLETE, { id: task.id, values: { amount: NAME, summary: REPORT } })).errors?.[0].extensions?.code).toBe('FORM_INVALID');
    expect((await employee.gql(COMPLETE, { id: EMAIL, values: { summary: REPORT } })).errors?.[0].extensions?.code).toBe('TASK_NOT_FOUND');
    expect((await employee.gql(CORRELATE, { name: 'x', businessKey: EMAIL, variables: { naam: NAME } })).errors?.[0].extensions?.code).toBe('MESSAGE_NOT_CORRELATED');
    // An engine failure: the approval timer's duration is the e-mail address.
    await employee.ok(START, { key: 'runtime-demo', businessKey: 'PRIV-2', variables: { ...variables, approvalTimeout: EMAIL } });
    const [badTimerTask] = (await employee.ok(INBOX, { filter: { search: 'PRIV-2' } })).tasks.edges.map((e: any) => e.node);
    const failed = await employee.gql(COMPLETE, { id: badTimerTask.id, values: { amount: 500, summary: REPORT } });
    expect(failed.errors?.[0].extensions?.code).toBe('PROCESS_STEP_FAILED');
    expect((await employee.gql(`{ tasks(filter: { search: "${REPORT}" }) { totalCount } }`)).errors).toBeUndefined();
    // A database error with the personal data in the statement's parameters, inside a request. Input
    // no longer causes one (NUL text is refused up front, see graphql-fuzz), so the service's query is injected.
    jest.spyOn(platform.workflow, 'start').mockImplementationOnce(() => platform.database.dataSource.query('SELECT $1::int', [`${REPORT} ${EMAIL}`]));
    const dbError = await employee.gql(START, { key: 'runtime-demo', variables: { ...variables, omschrijving: REPORT } });
    expect(dbError.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');

    await employee.ok(COMPLETE, { id: task.id, values: { amount: 2, summary: `${REPORT} (${NAME}, ${EMAIL})` } });
    const { processInstance } = await employee.ok(INSTANCE, { id: startProcess.id });
    expect(processInstance.variables.melderNaam).toBe(NAME);

    const log = written.join('');
    // The logs did record this work (so the capture works) ...
    expect(log).toContain('"message":"http request"');
    expect(log).toContain('"message":"internal error"');
    expect(log).toContain('"message":"query failed"');
    // ... and none of the personal data.
    for (const value of personal) expect(log).not.toContain(value);
  });
});
