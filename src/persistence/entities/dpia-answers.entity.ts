import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of the art. 35 lid 7 questionnaire of a DPIA; a new assessment round adds a version. */
@Entity('dpia_answers')
export class DpiaAnswersEntity {
  @PrimaryColumn('uuid', { name: 'dpia_id' }) dpiaId: string;
  @PrimaryColumn('int') version: number;
  @Column('jsonb') answers: Record<string, string>;
  @Column('text', { name: 'answered_by' }) answeredBy: string;
  @Column('timestamptz', { name: 'answered_at' }) answeredAt: Date;
}
