import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationDefinitionNode } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { WorkloadStatistics } from '../workflow/workload-statistics';

const KNOWN_PATHS = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

/**
 * The platform's Prometheus metrics. One registry per platform (tests run several in one process).
 * Labels are bounded: operations are named by their root field (from the schema, not the
 * client's free operationName), paths by a fixed list.
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  private readonly operationDuration: Histogram<'operation' | 'type' | 'outcome'>;
  private readonly httpRequests: Counter<'path' | 'status'>;
  private readonly timerLateness: Histogram;

  constructor(readWorkload: () => Promise<WorkloadStatistics>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'privacyflow_' });
    this.operationDuration = new Histogram({
      name: 'privacyflow_graphql_operation_duration_seconds',
      help: 'GraphQL operations: duration by root fields, operation type and outcome (count = request rate)',
      labelNames: ['operation', 'type', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.httpRequests = new Counter({
      name: 'privacyflow_http_requests_total',
      help: 'HTTP requests by path and status (includes refusals before GraphQL: 401, 413, 429)',
      labelNames: ['path', 'status'],
      registers: [this.registry],
    });
    this.timerLateness = new Histogram({
      name: 'privacyflow_timer_lateness_seconds',
      help: 'How long after its due time a timer fired',
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600],
      registers: [this.registry],
    });

    // Workload gauges are read from the database at scrape time, so every server reports the same truth.
    let workload: Promise<WorkloadStatistics | null> | null = null;
    const current = () => (workload ??= readWorkload().catch(() => null).finally(() => setImmediate(() => (workload = null))));
    const gauge = (name: string, help: string, labelNames: string[], fill: (g: Gauge<string>, w: WorkloadStatistics) => void) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        async collect() {
          this.reset();
          const w = await current();
          if (w) fill(this, w);
        },
      });
    gauge('privacyflow_open_tasks', 'Open user tasks per process', ['process_key'], (g, w) => w.tasks.forEach((t) => g.set({ process_key: t.processKey }, t.open)));
    gauge('privacyflow_overdue_tasks', 'Open user tasks past their due date per process', ['process_key'], (g, w) =>
      w.tasks.forEach((t) => g.set({ process_key: t.processKey }, t.overdue)),
    );
    gauge('privacyflow_timers_due', 'Timers past their due time that have not fired yet', [], (g, w) => g.set(w.dueTimers));
    gauge('privacyflow_timer_oldest_due_seconds', 'How late the oldest unfired due timer is', [], (g, w) => g.set(w.oldestDueTimerSeconds));
    gauge('privacyflow_outbox_backlog', 'Recorded service calls by state', ['status'], (g, w) => {
      g.set({ status: 'pending' }, w.outboxPending);
      g.set({ status: 'dead' }, w.outboxDead);
    });
    gauge('privacyflow_outbox_oldest_pending_seconds', 'Age of the oldest service call not yet performed', [], (g, w) => g.set(w.oldestPendingOutboxSeconds));
    gauge('privacyflow_database_up', '1 when the last scrape could read the database', [], (g, w) => g.set(w ? 1 : 0));
  }

  observeHttpRequest(path: string, status: number): void {
    this.httpRequests.inc({ path: KNOWN_PATHS.has(path) ? path : 'other', status: String(status) });
  }

  observeTimerFired(latenessSeconds: number): void {
    this.timerLateness.observe(Math.max(0, latenessSeconds));
  }

  /** Apollo plugin: one observation per operation. */
  graphqlPlugin(): ApolloServerPlugin {
    const histogram = this.operationDuration;
    return {
      async requestDidStart() {
        const startedAt = process.hrtime.bigint();
        let operation = '(invalid)';
        let type = 'unknown';
        return {
          async didResolveOperation({ operation: op }) {
            if (!op) return;
            operation = operationLabel(op);
            type = op.operation;
          },
          async willSendResponse({ response }) {
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
            histogram.observe({ operation, type, outcome: errors?.length ? 'error' : 'ok' }, seconds);
          },
        };
      },
    };
  }
}

/** The root field an operation asks for (`completeTask`), or `multiple`: bounded by the schema. */
function operationLabel(op: OperationDefinitionNode): string {
  const names = new Set<string>();
  for (const s of op.selectionSet.selections) if (s.kind === Kind.FIELD) names.add(s.name.value);
  if (names.size === 1 && op.selectionSet.selections.length > 0) return [...names][0];
  return names.size === 0 ? '(fragments)' : 'multiple';
}
