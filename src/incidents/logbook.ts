import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DiagramModel } from '../deployment/diagram-model';
import type { Actor } from '../identity/actor';
import { IncidentEntity, IncidentLogEntryEntity, InstanceEventEntity, ProcessDefinitionEntity } from '../persistence/entities';

export interface LogbookLine {
  at: Date;
  /** process: a step of the diagram finished; platform: a decision or record the platform wrote; team: a note. */
  source: 'process' | 'platform' | 'team';
  actor: string;
  text: string;
}

/**
 * Appends a line the platform writes itself (assessment, advice, decision, filing…). Texts hold
 * codes and choices only, never personal data: they survive the destruction of the file.
 */
export async function logEvent(em: EntityManager, incident: Pick<IncidentEntity, 'id' | 'tenantId'>, text: string, actor: Actor, at = new Date()) {
  await em.insert(IncidentLogEntryEntity, { id: randomUUID(), incidentId: incident.id, tenantId: incident.tenantId, kind: 'event', text, occurredAt: at, recordedBy: actor.userId, recordedAt: at });
}

/** A note of the team: what was done, decided or found, and when (may be written down afterwards). */
export async function logNote(em: EntityManager, incident: IncidentEntity, text: string, occurredAt: Date, actor: Actor, now: Date) {
  await em.insert(IncidentLogEntryEntity, { id: randomUUID(), incidentId: incident.id, tenantId: incident.tenantId, kind: 'note', text, occurredAt, recordedBy: actor.userId, recordedAt: now });
}

const LOGGED_TYPES = new Set(['bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:BoundaryEvent', 'bpmn:IntermediateCatchEvent']);

/**
 * The logbook (BLNP steps 6 and 8): every finished step of the process with who and when, the
 * platform's records, and the team's notes, in time order.
 */
export async function readLogbook(em: EntityManager, incident: Pick<IncidentEntity, 'id' | 'instanceId'>): Promise<LogbookLine[]> {
  const entries = await em.find(IncidentLogEntryEntity, { where: { incidentId: incident.id } });
  const events = await em.find(InstanceEventEntity, { where: { instanceId: incident.instanceId, kind: 'left' } });
  const definitionId = (await em.query(`SELECT definition_id FROM process_instance WHERE id = $1`, [incident.instanceId]))[0]?.definition_id;
  const definition = definitionId ? await em.findOne(ProcessDefinitionEntity, { where: { id: definitionId } }) : null;
  const elements = (definition?.model as DiagramModel | undefined)?.elements ?? {};
  const lines: LogbookLine[] = [
    ...events
      .filter((e) => LOGGED_TYPES.has(e.elementType))
      .map((e) => ({ at: e.at, source: 'process' as const, actor: e.actor, text: `${elements[e.elementId]?.name ?? e.elementId} afgerond` })),
    ...entries.map((e) => ({ at: e.occurredAt, source: e.kind === 'note' ? ('team' as const) : ('platform' as const), actor: e.recordedBy, text: e.text })),
  ];
  return lines.sort((a, b) => a.at.getTime() - b.at.getTime());
}
