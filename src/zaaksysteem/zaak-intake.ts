import type { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { ZaakLinkEntity } from '../persistence/entities';
import type { WorkflowService } from '../workflow/workflow-service';
import type { ResolvedProcess } from './catalogue-resolution';

/** Who acts when the zaaksysteem drives a case: the platform, in the integration role, for one municipality. */
export function integrationActor(tenantId: string): Actor {
  return { kind: 'system', userId: 'system:zaaksysteem', subject: 'system:zaaksysteem', roles: ['integratie'], tenants: [tenantId] };
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505' || /duplicate key/.test((err as Error).message);

/**
 * Starts the process for a zaak registered in the zaaksysteem (a notification, or reconciliation
 * that found it). The zaak URL is the case's business key, and the link commits with the start,
 * so the unique zaak_url makes a second start — a redelivery racing the first — fail cleanly.
 * Returns false when the zaak already has its case.
 */
export async function startCaseForZaak(
  workflow: WorkflowService,
  tenantId: string,
  process: ResolvedProcess,
  zaakUrl: string,
  alsoInTransaction?: (em: EntityManager) => Promise<void>,
): Promise<boolean> {
  try {
    await workflow.start({
      processKey: process.processKey,
      businessKey: zaakUrl,
      variables: { zaakUrl },
      tenantId,
      actor: integrationActor(tenantId),
      onStarted: async (em, instance) => {
        await em.insert(ZaakLinkEntity, { instanceId: instance.id, tenantId, processKey: process.processKey, zaakUrl, createdAt: new Date() });
        await alsoInTransaction?.(em);
      },
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** True for a zaak that carries one of our case ids: it mirrors a case that started here. */
export function originatesHere(zaak: { kenmerken?: { bron: string }[] }, bron: string): boolean {
  return (zaak.kenmerken ?? []).some((k) => k.bron === bron);
}
