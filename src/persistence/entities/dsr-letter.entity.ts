import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DsrLetterKind = 'acknowledgement' | 'repair' | 'extension' | 'decision';

/** A letter of a data-subject request as generated from its template and sent. */
@Entity('dsr_letter')
export class DsrLetterEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column('text') kind: DsrLetterKind;
  @Column('text') markdown: string;
  @Column('text') html: string;
  @Column('text', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
