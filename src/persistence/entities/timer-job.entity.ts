import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A timer armed inside an instance's engine state; the poller wakes the instance at due_at. */
@Entity('timer_job')
export class TimerJobEntity {
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId: string;
  /** executionId of the timer owner (unique per armed timer inside one instance). */
  @PrimaryColumn('text', { name: 'execution_id' }) executionId: string;
  @Column('text', { name: 'element_id' }) elementId: string;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
}
