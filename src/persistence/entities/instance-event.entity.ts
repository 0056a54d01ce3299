import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type InstanceEventKind = 'entered' | 'left';

/** History of an instance: each element entered and left, by whom (user or system), when. */
@Entity('instance_event')
export class InstanceEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid', { name: 'instance_id' }) instanceId: string;
  @Column('text', { name: 'element_id' }) elementId: string;
  @Column('text', { name: 'element_type' }) elementType: string;
  @Column('text') kind: InstanceEventKind;
  @Column('text') actor: string;
  @Column('timestamptz') at: Date;
}
