import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DsrLetterKind = 'acknowledgement' | 'repair' | 'extension' | 'decision' | 'withdrawal';

/** A letter of a data-subject request as generated from its template and sent, with the PDF that was sent. */
@Entity('dsr_letter')
export class DsrLetterEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column('text') kind: DsrLetterKind;
  @Column('text') markdown: string;
  @Column('text') html: string;
  /** The PDF as sent; null for letters written before PDFs were made. Loaded only when asked for (`select: false`). */
  @Column('bytea', { nullable: true, select: false }) pdf: Buffer | null;
  /** SHA-256 (hex) of `pdf`. */
  @Column('text', { name: 'pdf_sha256', nullable: true }) pdfSha256: string | null;
  @Column('text', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
