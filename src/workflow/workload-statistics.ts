import type { DataSource } from 'typeorm';

export interface WorkloadStatistics {
  /** Open tasks and, of those, overdue ones (due date passed), per process key. */
  tasks: { processKey: string; open: number; overdue: number }[];
  /** Timers whose due time has passed but that have not fired yet, and how late the oldest is. */
  dueTimers: number;
  oldestDueTimerSeconds: number;
  /** Recorded service calls not yet performed, given up on, and the age of the oldest pending one. */
  outboxPending: number;
  outboxDead: number;
  oldestPendingOutboxSeconds: number;
}

/** What operators watch: read at every metrics scrape, in one round trip. */
export async function readWorkloadStatistics(dataSource: DataSource): Promise<WorkloadStatistics> {
  const [tasks, [other]] = await Promise.all([
    dataSource.query(
      `SELECT process_key, count(*)::int AS open, count(*) FILTER (WHERE due_at < now())::int AS overdue
         FROM user_task WHERE status = 'open' GROUP BY process_key ORDER BY process_key`,
    ),
    dataSource.query(
      `SELECT (SELECT count(*)::int FROM timer_job WHERE due_at <= now()) AS due_timers,
              (SELECT coalesce(extract(epoch FROM now() - min(due_at)), 0)::float8 FROM timer_job WHERE due_at <= now()) AS oldest_due_timer,
              (SELECT count(*)::int FROM outbox_message WHERE status = 'pending') AS outbox_pending,
              (SELECT count(*)::int FROM outbox_message WHERE status = 'dead') AS outbox_dead,
              (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM outbox_message WHERE status = 'pending') AS oldest_outbox`,
    ),
  ]);
  return {
    tasks: tasks.map((r: any) => ({ processKey: r.process_key, open: r.open, overdue: r.overdue })),
    dueTimers: other.due_timers,
    oldestDueTimerSeconds: other.oldest_due_timer,
    outboxPending: other.outbox_pending,
    outboxDead: other.outbox_dead,
    oldestPendingOutboxSeconds: other.oldest_outbox,
  };
}
