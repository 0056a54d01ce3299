import type { EntityManager } from 'typeorm';
import type { DiagramModel } from '../deployment/diagram-model';
import type { ProcessInstanceEntity } from '../persistence/entities';
import type { HistoryEvent } from '../process-runtime';

/**
 * Records that a case ended, in the command's transaction: from here its retention period runs
 * (src/data-protection). Written once; a failed case is not ended and is not recorded.
 */
export async function recordCaseClosed(em: EntityManager, instance: ProcessInstanceEntity, model: DiagramModel, history: HistoryEvent[], closedAt: Date): Promise<void> {
  const endEvent = [...history].reverse().find((h) => h.elementType === 'bpmn:EndEvent');
  await em.query(
    `INSERT INTO case_retention (instance_id, tenant_id, case_type, process_key, reference, closed_at, end_event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (instance_id) DO NOTHING`,
    [instance.id, instance.tenantId, model.caseType ?? 'other', instance.processKey, instance.businessKey, closedAt, endEvent?.elementId ?? null],
  );
}
