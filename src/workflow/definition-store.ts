import type { DataSource, EntityManager } from 'typeorm';
import { ProcessDefinitionEntity } from '../persistence/entities';
import { DefinitionCache } from '../process-runtime';

/** Reads deployed definitions and keeps their parsed engine sources warm. */
export class DefinitionStore {
  private readonly sources = new DefinitionCache();

  constructor(private readonly dataSource: DataSource) {}

  async latest(processKey: string, em: EntityManager = this.dataSource.manager): Promise<ProcessDefinitionEntity | null> {
    return em.findOne(ProcessDefinitionEntity, { where: { processKey }, order: { version: 'DESC' } });
  }

  async byId(id: string, em: EntityManager = this.dataSource.manager): Promise<ProcessDefinitionEntity | null> {
    return em.findOne(ProcessDefinitionEntity, { where: { id } });
  }

  /** Parsed engine source of a definition; only parses XML on a cache miss. */
  async source(definition: Pick<ProcessDefinitionEntity, 'id' | 'xml'>): Promise<unknown> {
    return this.sources.get(definition.id, async () => definition.xml);
  }
}
