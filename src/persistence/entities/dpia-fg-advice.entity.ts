import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The FG's advice on one DPIA version (step 10), and whether it was followed and why not. */
@Entity('dpia_fg_advice')
export class DpiaFgAdviceEntity {
  @PrimaryColumn('uuid', { name: 'dpia_id' }) dpiaId: string;
  @PrimaryColumn('int') version: number;
  @Column('text') opinion: string;
  @Column('text') advice: string;
  @Column('text', { name: 'advised_by' }) advisedBy: string;
  @Column('timestamptz', { name: 'advised_at' }) advisedAt: Date;
  @Column('boolean', { nullable: true }) followed: boolean | null;
  @Column('text', { name: 'not_followed_reason', nullable: true }) notFollowedReason: string | null;
  /** When MT/B&W sent this version back to the team: what the next round is to revise. */
  @Column('text', { name: 'revision_request', nullable: true }) revisionRequest: string | null;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
}
