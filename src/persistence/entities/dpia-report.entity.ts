import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The DPIA report as written for one questionnaire version (Markdown, HTML and PDF, each with the heat map). */
@Entity('dpia_report')
export class DpiaReportEntity {
  @PrimaryColumn('uuid', { name: 'dpia_id' }) dpiaId: string;
  @PrimaryColumn('int') version: number;
  @Column('text') markdown: string;
  @Column('text') html: string;
  @Column('text', { name: 'heat_map_svg' }) heatMapSvg: string;
  /** The report as PDF; null for reports written before PDFs were made. Loaded only when asked for (`select: false`). */
  @Column('bytea', { nullable: true, select: false }) pdf: Buffer | null;
  /** SHA-256 (hex) of `pdf`. */
  @Column('text', { name: 'pdf_sha256', nullable: true }) pdfSha256: string | null;
  @Column('text', { name: 'written_by' }) writtenBy: string;
  @Column('timestamptz', { name: 'written_at' }) writtenAt: Date;
}
