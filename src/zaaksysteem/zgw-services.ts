import type { EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import { ProcessInstanceEntity, ZaakLinkEntity } from '../persistence/entities';
import type { ServiceHandler, ServiceInvocation, ServiceRegistry } from '../workflow/service-registry';
import type { ZaaksysteemDirectory } from './zaaksysteem-directory';
import { addEmployeeRole, attachDocument, closeZaak, findOrCreateZaak, recordBesluit, setStatus, ZaakDocument } from './zaak-operations';
import { ZgwError, ZgwErrorCode } from './zgw-error';
import { ZgwHttpClient } from './zgw-http';

/** Where the documents a diagram attaches come from (AP notification, letters, decisions): the domain modules provide them. */
export type DocumentSource = (invocation: ServiceInvocation) => Promise<ZaakDocument | null>;

export interface ZgwServiceDependencies {
  directory: ZaaksysteemDirectory;
  documents?: DocumentSource;
  fetchImpl?: typeof fetch;
}

const amsterdamDate = (d: Date) => DateTime.fromJSDate(d).setZone('Europe/Amsterdam').toISODate()!;

class ZgwCall {
  constructor(
    readonly deps: ZgwServiceDependencies,
    readonly invocation: ServiceInvocation,
    readonly instance: ProcessInstanceEntity,
    readonly em: EntityManager,
  ) {}

  static async of(deps: ZgwServiceDependencies, invocation: ServiceInvocation): Promise<ZgwCall> {
    const em = invocation.em;
    const instance = await em.findOneByOrFail(ProcessInstanceEntity, { id: invocation.instanceId });
    return new ZgwCall(deps, invocation, instance, em);
  }

  get resolved() {
    return this.deps.directory.process(this.invocation.tenantId, this.instance.processKey);
  }

  /** The person on whose behalf the platform acts: the case's initiator, for the zaaksysteem's audit trail. */
  client(): ZgwHttpClient {
    const user = String(this.invocation.variables.initiator ?? this.instance.startedBy);
    return new ZgwHttpClient(this.resolved.municipality.settings, { userId: user, representation: user }, this.deps.fetchImpl);
  }

  async zaakUrl(): Promise<string> {
    const link = await this.em.findOneBy(ZaakLinkEntity, { instanceId: this.instance.id });
    if (!link) throw new ZgwError(ZgwErrorCode.NOT_CONFIGURED, `case ${this.instance.id} has no zaak yet: zgw.zaak-aanmaken must come first`);
    return link.zaakUrl;
  }

  mapped(table: Record<string, string>, key: string, kind: string): string {
    const url = table[key];
    if (!url) throw new ZgwError(ZgwErrorCode.NOT_CONFIGURED, `no ${kind} configured for "${key}" in process ${this.instance.processKey}`);
    return url;
  }
}

function handler(name: string, description: string, deps: ZgwServiceDependencies, run: (call: ZgwCall) => Promise<void>): ServiceHandler {
  return { name, description, perform: async (invocation) => run(await ZgwCall.of(deps, invocation)) };
}

/** The zaaksysteem calls a diagram can make from a service task (`camunda:topic`). */
export function zgwServiceHandlers(deps: ZgwServiceDependencies): ServiceHandler[] {
  return [
    handler('zgw.zaak-aanmaken', 'Maakt de zaak aan in het zaaksysteem (ons zaaknummer als kenmerk).', deps, async (call) => {
      if (await call.em.findOneBy(ZaakLinkEntity, { instanceId: call.instance.id })) return;
      const { process } = call.resolved;
      const vars = call.invocation.variables;
      const { url } = await findOrCreateZaak(call.client(), process, {
        caseId: call.instance.id,
        bron: deps.directory.settings.bron,
        startdatum: amsterdamDate(call.instance.startedAt),
        uiterlijkeEinddatumAfdoening: typeof vars.zgwUiterlijkeEinddatum === 'string' ? vars.zgwUiterlijkeEinddatum : undefined,
      });
      // Commits with the outbox's "done" (a savepoint, so a failed insert leaves the relay's transaction usable);
      // a crash before that is caught by the kenmerk look-up above.
      await call.em.transaction((em) => em.insert(ZaakLinkEntity, { instanceId: call.instance.id, tenantId: call.instance.tenantId, processKey: call.instance.processKey, zaakUrl: url, createdAt: new Date() }));
    }),
    handler('zgw.status-zetten', 'Zet de status die bij deze stap in het diagram hoort.', deps, async (call) => {
      const statustype = call.mapped(call.resolved.process.statustypen, call.invocation.elementId, 'statustype');
      await setStatus(call.client(), await call.zaakUrl(), statustype);
    }),
    handler('zgw.rol-toevoegen', 'Voegt de behandelaar (variabele zgwBehandelaar) als rol toe.', deps, async (call) => {
      const roltype = call.mapped(call.resolved.process.roltypen, 'behandelaar', 'roltype');
      const username = String(call.invocation.variables.zgwBehandelaar ?? call.invocation.variables.initiator ?? call.instance.startedBy);
      await addEmployeeRole(call.client(), await call.zaakUrl(), roltype, username, 'Behandelaar in privacyflow');
    }),
    handler('zgw.document-toevoegen', 'Voegt het document van deze stap toe aan de zaak.', deps, async (call) => {
      const type = call.mapped(call.resolved.process.informatieobjecttypen, call.invocation.elementId, 'informatieobjecttype');
      const doc = await deps.documents?.(call.invocation);
      if (!doc) throw new ZgwError(ZgwErrorCode.DOCUMENT_MISSING, `no document for step ${call.invocation.elementId} of case ${call.instance.id}`);
      await attachDocument(call.client(), await call.zaakUrl(), type, doc);
    }),
    handler('zgw.besluit-vastleggen', 'Legt het besluit vast met de bezwaartermijn (variabele zgwBesluitdatum).', deps, async (call) => {
      const type = call.resolved.process.besluittype;
      if (!type) throw new ZgwError(ZgwErrorCode.NOT_CONFIGURED, `process ${call.instance.processKey} has no besluittype`);
      const datum = typeof call.invocation.variables.zgwBesluitdatum === 'string' ? call.invocation.variables.zgwBesluitdatum : amsterdamDate(new Date());
      await recordBesluit(call.client(), await call.zaakUrl(), type, datum);
    }),
    handler('zgw.zaak-afsluiten', 'Zet het resultaat (variabele zgwResultaat) en de eindstatus.', deps, async (call) => {
      const { process } = call.resolved;
      const resultaattype = call.mapped(process.resultaattypen, String(call.invocation.variables.zgwResultaat ?? ''), 'resultaattype');
      await closeZaak(call.client(), await call.zaakUrl(), resultaattype, process.eindstatustype);
    }),
  ];
}

export function registerZgwServices(registry: ServiceRegistry, deps: ZgwServiceDependencies): ServiceRegistry {
  for (const h of zgwServiceHandlers(deps)) registry.register(h);
  return registry;
}
