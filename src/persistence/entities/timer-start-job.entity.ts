import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The schedule of a process with a timer start event: when the platform next starts instances
 * of it. One row per process key, for the latest deployed version; the poller takes a due row
 * with FOR UPDATE SKIP LOCKED, starts the instances and moves or deletes the row in one commit.
 */
@Entity('timer_start_job')
export class TimerStartJobEntity {
  @PrimaryColumn('text', { name: 'process_key' }) processKey: string;
  @Column('uuid', { name: 'definition_id' }) definitionId: string;
  @Column('text', { name: 'element_id' }) elementId: string;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  /** Firings left including the due one; null for an unbounded cycle (`R/…`). */
  @Column('int', { nullable: true }) remaining: number | null;
}
