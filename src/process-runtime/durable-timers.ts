import { Timers } from 'bpmn-elements';

export interface ArmedTimer {
  elementId: string;
  /** executionId of the timer's owner: unique per armed timer within an instance. */
  executionId: string;
  dueAt: Date;
}

/**
 * Timers for an engine that lives for one command only. A timer that is already due fires
 * inside the command (bpmn-engine recomputes the delay from the saved expireAt on resume);
 * every other timer is only recorded, persisted as a timer_job row, and the instance is woken
 * by the poller when it falls due. No native timer ever outlives the command, and month-long
 * timers (beyond setTimeout's 24.8-day limit) behave like any other.
 */
export class DurableTimers {
  readonly timers: any;
  private pending = 0;

  /**
   * @param fireNow ids of timer events to fire at once whatever their delay: the timer start event
   * of an instance the platform starts because its schedule fell due (see timer-start-schedule).
   */
  constructor(fireNow: ReadonlySet<string> = new Set()) {
    const self = this;
    this.timers = new (Timers as any)({
      setTimeout(callback: (...args: unknown[]) => void, delay: number, ...args: unknown[]) {
        const owner = args[0] as { id?: string } | undefined;
        if (delay > 0 && !(owner?.id && fireNow.has(owner.id))) return { deferred: true };
        self.pending++;
        return {
          handle: setImmediate(() => {
            self.pending--;
            callback(...args);
          }),
        };
      },
      clearTimeout(ref: any) {
        if (ref?.handle) {
          clearImmediate(ref.handle);
          self.pending--;
        }
      },
    });
  }

  /** Due timers that are about to fire within this command. */
  get firing(): number {
    return this.pending;
  }

  /** Timers still armed in the engine, i.e. those to persist. */
  armed(): ArmedTimer[] {
    const result: ArmedTimer[] = [];
    for (const timer of this.timers.executing as any[]) {
      const owner = timer.owner;
      if (!owner?.id || !owner?.executionId || !timer.expireAt) continue;
      result.push({ elementId: owner.id, executionId: owner.executionId, dueAt: new Date(timer.expireAt) });
    }
    return result;
  }
}
