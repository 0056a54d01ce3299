import * as elements from 'bpmn-elements';
import BpmnModdle from 'bpmn-moddle';
import serializer, { deserialize, TypeResolver } from 'moddle-context-serializer';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

/** Moddle extensions every engine is built with: Camunda Modeler attributes are our convention. */
export const moddleOptions = { camunda };

const typeResolver = TypeResolver(elements as any);

/**
 * Parses BPMN XML into the serialised form bpmn-engine recovers from. Parsing costs 3–5 ms,
 * so the result is cached per deployed definition (see DefinitionCache).
 */
export async function compileSource(xml: string): Promise<string> {
  const moddleContext = await new BpmnModdle(moddleOptions).fromXML(xml);
  return serializer(moddleContext as any, typeResolver).serialize();
}

export function loadSource(serialized: string): unknown {
  return deserialize(JSON.parse(serialized), typeResolver);
}

/**
 * Deserialised source contexts by definition id. Definitions are immutable, so entries never
 * go stale; the cache is bounded because every cached context costs memory.
 */
export class DefinitionCache {
  private readonly entries = new Map<string, unknown>();

  constructor(private readonly maxEntries = 200) {}

  async get(definitionId: string, xml: () => Promise<string>): Promise<unknown> {
    const hit = this.entries.get(definitionId);
    if (hit) {
      this.entries.delete(definitionId);
      this.entries.set(definitionId, hit);
      return hit;
    }
    const context = loadSource(await compileSource(await xml()));
    this.entries.set(definitionId, context);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return context;
  }
}
