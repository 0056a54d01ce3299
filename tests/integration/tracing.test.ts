import { InMemorySpanExporter, NodeTracerProvider, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { COMPLETE, DEPLOY, INBOX, START } from '../support/operations';

/** A command is one trace: GraphQL operation → database transaction → engine step and audit append. */
describe('OpenTelemetry tracing of a command', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let db: TestDatabase;
  let platform: Platform;

  beforeAll(async () => {
    provider.register();
    db = await createTestDatabase();
    platform = await startTestPlatform(db, {}, { withoutWorkers: true });
    await (await TestClient.as(platform, 'procesbeheerder.putten')).ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'demo' });
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
    await provider.shutdown();
  });

  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  it('traces completeTask from the GraphQL operation through the transaction to the engine step and the audit append', async () => {
    const employee = await TestClient.as(platform, 'medewerker.putten');
    await employee.ok(START, { key: 'runtime-demo', businessKey: 'TRACE-1', variables: { approvalTimeout: 'P3D' } });
    const [task] = (await employee.ok(INBOX, { filter: { search: 'TRACE-1' } })).tasks.edges.map((e: any) => e.node);
    exporter.reset();

    await employee.ok(COMPLETE, { id: task.id, values: { amount: 500, summary: 'geheim' } });
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((s) => s.name === 'graphql completeTask')!;
    expect(operation).toBeDefined();
    const transaction = spans.find((s) => s.name === 'workflow.transaction' && parentOf(s) === operation.spanContext().spanId)!;
    expect(transaction).toBeDefined();
    const step = spans.find((s) => s.name === 'engine.step' && parentOf(s) === transaction.spanContext().spanId)!;
    expect(step.attributes).toMatchObject({ 'bpmn.process_key': 'runtime-demo', 'bpmn.action': 'complete', 'bpmn.status': 'running' });
    const append = spans.find((s) => s.name === 'audit.append' && parentOf(s) === transaction.spanContext().spanId)!;
    expect(append.attributes).toMatchObject({ 'privacyflow.tenant': 'putten', 'privacyflow.action': 'task.completed' });
    expect(new Set([operation, transaction, step, append].map((s) => s.spanContext().traceId)).size).toBe(1);
    // Spans carry ids and codes, never form values.
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('geheim');
  });

  it('marks a refused command\'s spans with the error code, not its message', async () => {
    const employee = await TestClient.as(platform, 'medewerker.putten');
    exporter.reset();
    await employee.gql(COMPLETE, { id: '00000000-0000-4000-8000-000000000000', values: {} });
    const transaction = exporter.getFinishedSpans().find((s) => s.name === 'workflow.transaction')!;
    expect(transaction.status).toMatchObject({ code: 2, message: 'WorkflowError: TASK_NOT_FOUND' });
  });
});
