import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DiagramModel } from '../../deployment/diagram-model';

/** An immutable deployed version of one BPMN diagram. */
@Entity('process_definition')
@Index(['processKey', 'version'], { unique: true })
@Index(['processKey', 'xmlSha256'], { unique: true })
export class ProcessDefinitionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'process_key' }) processKey: string;
  @Column('text') name: string;
  @Column('int') version: number;
  @Column('text') xml: string;
  @Column('text', { name: 'xml_sha256' }) xmlSha256: string;
  @Column('jsonb') model: DiagramModel;
  @Column('text', { name: 'deployed_by' }) deployedBy: string;
  @CreateDateColumn({ name: 'deployed_at', type: 'timestamptz' }) deployedAt: Date;
}
