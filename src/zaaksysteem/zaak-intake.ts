import type { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { ProcessInstanceEntity, ZaakLinkEntity } from '../persistence/entities';
import type { WorkflowService } from '../workflow/workflow-service';
import type { ResolvedProcess } from './catalogue-resolution';
import type { ZgwHttpClient } from './zgw-http';

/** Who acts when the zaaksysteem drives a case: the platform, in the integration role, for one municipality. */
export function integrationActor(tenantId: string): Actor {
  return { kind: 'system', userId: 'system:zaaksysteem', subject: 'system:zaaksysteem', roles: ['integratie'], tenants: [tenantId] };
}

/** A zaak registered in the zaaksysteem that is to become a case here. */
export interface ZaakArrival {
  tenantId: string;
  process: ResolvedProcess;
  zaakUrl: string;
  /** Reads the zaak, its rollen and eigenschappen, as the integration. */
  client: ZgwHttpClient;
  actor: Actor;
  /** Must run in the start's transaction: the zaak link (whose unique zaak_url stops a second start). */
  onStarted: (em: EntityManager, instance: ProcessInstanceEntity) => Promise<void>;
}

/**
 * Starts the case for a zaak. The default starts the process with the zaak URL as business key
 * and variable `zaakUrl`; a domain whose cases need a record of their own (a data-subject
 * request) registers its own intake for its process key.
 */
export type ZaakIntake = (arrival: ZaakArrival) => Promise<void>;

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505' || /duplicate key/.test((err as Error).message);

export interface ZaakIntakes {
  workflow: WorkflowService;
  /** Intakes by process key; processes without one use the default. */
  byProcess: Record<string, ZaakIntake>;
}

/**
 * Starts the process for a zaak registered in the zaaksysteem (a notification, or reconciliation
 * that found it). The link commits with the start, so the unique zaak_url makes a second start —
 * a redelivery racing the first — fail cleanly. Returns false when the zaak already has its case.
 */
export async function startCaseForZaak(
  intakes: ZaakIntakes,
  arrival: Omit<ZaakArrival, 'onStarted' | 'actor'>,
  alsoInTransaction?: (em: EntityManager) => Promise<void>,
): Promise<boolean> {
  const { tenantId, process, zaakUrl } = arrival;
  const onStarted = async (em: EntityManager, instance: ProcessInstanceEntity) => {
    await em.insert(ZaakLinkEntity, { instanceId: instance.id, kind: 'case', tenantId, processKey: process.processKey, zaakUrl, createdAt: new Date() });
    await alsoInTransaction?.(em);
  };
  const actor = integrationActor(tenantId);
  const intake = intakes.byProcess[process.processKey];
  try {
    if (intake) await intake({ ...arrival, actor, onStarted });
    else await intakes.workflow.start({ processKey: process.processKey, businessKey: zaakUrl, variables: { zaakUrl }, tenantId, actor, onStarted });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** True for a zaak that carries one of our case ids: it mirrors a case that started here. */
export function originatesHere(zaak: { kenmerken?: { bron: string }[] | null }, bron: string): boolean {
  return (zaak.kenmerken ?? []).some((k) => k.bron === bron);
}
