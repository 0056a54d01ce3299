import { describeError } from '../observability/error-description';
import { logger } from '../observability/logger';
import { isDatabaseUnavailable } from '../persistence/database-availability';
import { relayOutbox } from './outbox-relay';
import { fireDueTimers, TimerFiredObserver } from './timer-firing';
import { fireDueTimerStarts } from './timer-start-firing';
import type { WorkflowService } from './workflow-service';

/** A loop that runs `round` every `intervalMs`, never two rounds at once, and stops cleanly. */
class PollingLoop {
  private timer?: NodeJS.Timeout;
  private current?: Promise<unknown>;
  private stopped = false;

  constructor(private readonly name: string, private readonly intervalMs: number, private readonly round: () => Promise<number>) {}

  start(): void {
    const tick = async () => {
      if (this.stopped) return;
      this.current = this.round().catch((err) =>
        // An unreachable database is an outage to wait out (the next round retries), not a bug.
        isDatabaseUnavailable(err)
          ? logger.warn(`${this.name} waits for the database`, describeError(err))
          : logger.error(`${this.name} round failed`, describeError(err)),
      );
      const handled = await this.current;
      // A full round probably left more work: go again at once.
      if (!this.stopped) this.timer = setTimeout(tick, typeof handled === 'number' && handled > 0 ? 0 : this.intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }
}

/** A periodic job of an optional module (zaaksysteem reconciliation); returns the work it did. */
export interface ExtraRound {
  name: string;
  intervalMs: number;
  round: () => Promise<number>;
}

export interface BackgroundWorkers {
  stop(): Promise<void>;
}

/** The timer poller, the timer start poller and the outbox relay; every server process runs them. */
export function startBackgroundWorkers(
  workflow: WorkflowService,
  options: {
    timerPollMs: number;
    outboxPollMs: number;
    tenants: readonly string[];
    extraRounds?: ExtraRound[];
    onTimerFired?: TimerFiredObserver;
  },
): BackgroundWorkers {
  const loops = [
    ...(options.extraRounds ?? []).map((r) => new PollingLoop(r.name, r.intervalMs, r.round)),
    new PollingLoop('timer poller', options.timerPollMs, () => fireDueTimers(workflow.commands, 50, options.onTimerFired)),
    new PollingLoop('timer start poller', options.timerPollMs, () => fireDueTimerStarts(workflow.commands, options.tenants)),
    new PollingLoop('outbox relay', options.outboxPollMs, () => relayOutbox(workflow.dataSource, workflow.services)),
  ];
  loops.forEach((l) => l.start());
  return {
    async stop() {
      await Promise.all(loops.map((l) => l.stop()));
    },
  };
}
