import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The DPIA report as written for one questionnaire version (Markdown, HTML with the heat map embedded). */
@Entity('dpia_report')
export class DpiaReportEntity {
  @PrimaryColumn('uuid', { name: 'dpia_id' }) dpiaId: string;
  @PrimaryColumn('int') version: number;
  @Column('text') markdown: string;
  @Column('text') html: string;
  @Column('text', { name: 'heat_map_svg' }) heatMapSvg: string;
  @Column('text', { name: 'written_by' }) writtenBy: string;
  @Column('timestamptz', { name: 'written_at' }) writtenAt: Date;
}
