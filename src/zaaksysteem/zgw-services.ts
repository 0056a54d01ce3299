import type { EntityManager } from 'typeorm';
import { DateTime, Duration } from 'luxon';
import { OutboxMessageEntity, ProcessDefinitionEntity, ProcessInstanceEntity, ZaakLinkEntity } from '../persistence/entities';
import type { ZaakLinkKind } from '../persistence/entities/zaak-link.entity';
import { resolveWithVariables } from '../process-runtime';
import type { ServiceHandler, ServiceInvocation, ServiceRegistry, ServiceSkipped } from '../workflow/service-registry';
import type { ResolvedMunicipality, ResolvedProcess } from './catalogue-resolution';
import type { ZaaksysteemDirectory } from './zaaksysteem-directory';
import { addEmployeeRole, attachDocument, besluitOfZaak, closeZaak, documentOfZaak, findOrCreateZaak, linkDocumentToBesluit, recordBesluit, setStatus, ZaakDocument } from './zaak-operations';
import { ZgwError, ZgwErrorCode } from './zgw-error';
import type { ZgwHttpClient } from './zgw-http';

/**
 * Where the documents a diagram attaches come from: the domain's rendering of the AP
 * notification, a decision letter, …; `kind` is the service task's `document` property.
 * Null when the case has no such document.
 */
export type DocumentSource = (invocation: ServiceInvocation, kind: string) => Promise<ZaakDocument | null>;

export interface ZgwServiceDependencies {
  /** The resolved configuration; undefined when the platform runs without a zaaksysteem. Read at every call. */
  directory: () => ZaaksysteemDirectory | undefined;
  documents: () => DocumentSource | undefined;
}

/** The topics a diagram may use (camunda:topic of an External service task). */
export const ZGW_SERVICES = {
  createZaak: 'zgw.zaak-aanmaken',
  setStatus: 'zgw.status-zetten',
  addRole: 'zgw.rol-toevoegen',
  attachDocument: 'zgw.document-toevoegen',
  recordBesluit: 'zgw.besluit-vastleggen',
  linkBesluitDocument: 'zgw.besluit-document-koppelen',
  closeZaak: 'zgw.zaak-afsluiten',
  /** An objection against the case's decision: a zaak of its own (the bezwaar zaaktype), related to the case's zaak. */
  createBezwaarZaak: 'zgw.bezwaarzaak-aanmaken',
  /** The decision on the objection: resultaat and eindstatus of the bezwaar zaak. */
  closeBezwaarZaak: 'zgw.bezwaarzaak-afsluiten',
} as const;

/**
 * How the bezwaar zaak relates to the case's zaak (Zaken 1.5.1 `RelevanteZaak.aardRelatie`, seen from
 * the bezwaar zaak): `vervolg`, "de andere zaak gaf aanleiding tot het starten van de onderhanden
 * zaak". The besluit taken in the original zaak is what the bezwaar is lodged against, and this is how
 * the VNG guidance for bezwaar en beroep relates the two (shared/reference/zgw-integration.md), so
 * zaaksystemen that show "vervolgzaken" show the objection under the request. Not `onderwerp` (a zaak
 * merely relevant to this one) and not `bijdrage` (the bezwaar zaak does not contribute to the outcome
 * of a zaak that is already closed).
 */
export const BEZWAAR_AARD_RELATIE = 'vervolg' as const;

/**
 * An outage of the zaaksysteem (maintenance, a night) must not lose calls: 2 s, 4 s, … up to an
 * hour between attempts, about 13 hours in all before a call is given up.
 */
export const ZGW_MAX_ATTEMPTS = 24;

const AMSTERDAM = 'Europe/Amsterdam';
const amsterdamDate = (d: Date) => DateTime.fromJSDate(d).setZone(AMSTERDAM).toISODate()!;
const skipped = (reason: string): ServiceSkipped => ({ skipped: reason });
const misconfigured = (message: string) => new ZgwError(ZgwErrorCode.NOT_CONFIGURED, message, { retryable: false });

/** One performed service task: the case, the municipality's zaaksysteem and the task's properties. */
class ZgwCall {
  constructor(
    readonly directory: ZaaksysteemDirectory,
    readonly invocation: ServiceInvocation,
    readonly instance: ProcessInstanceEntity,
    readonly municipality: ResolvedMunicipality,
    readonly process: ResolvedProcess,
    readonly properties: Record<string, string>,
  ) {}

  get em(): EntityManager {
    return this.invocation.em;
  }

  /** The person on whose behalf the platform acts: the case's initiator, for the zaaksysteem's audit trail. */
  client(): ZgwHttpClient {
    const user = String(this.invocation.variables.initiator ?? this.instance.startedBy);
    return this.directory.client(this.municipality.settings, { userId: user, representation: user });
  }

  /** A property of the service task, FEEL or literal, evaluated against the case's variables at recording time. */
  property(name: string): unknown {
    const text = this.properties[name];
    if (text === undefined || text.trim() === '') return undefined;
    try {
      return resolveWithVariables(text, this.invocation.variables);
    } catch (err) {
      throw misconfigured(`property ${name} of ${this.invocation.elementId} cannot be evaluated: ${(err as Error).message}`);
    }
  }

  /** A date property as yyyy-MM-dd; a moment (the engine's ISO date-times) is taken as its Amsterdam day. */
  dateProperty(name: string): string | undefined {
    const value = this.property(name);
    if (value === undefined || value === null || value === '') return undefined;
    const text = String(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
    const moment = DateTime.fromISO(text, { setZone: true });
    if (!moment.isValid) throw misconfigured(`property ${name} of ${this.invocation.elementId} is not a date: "${text}"`);
    return moment.setZone(AMSTERDAM).toISODate()!;
  }

  /**
   * The case's own zaak, never its bezwaar zaak; undefined when the case has none (it started before
   * the zaaksysteem was configured).
   */
  zaakUrl(): Promise<string | undefined> {
    return this.linkedZaak('case', ZGW_SERVICES.createZaak);
  }

  /** The zaak the case's objection is handled in; undefined when none was created (its step was skipped). */
  bezwaarZaakUrl(): Promise<string | undefined> {
    return this.linkedZaak('objection', ZGW_SERVICES.createBezwaarZaak);
  }

  private async linkedZaak(kind: ZaakLinkKind, creatingService: string): Promise<string | undefined> {
    const link = await this.em.findOneBy(ZaakLinkEntity, { instanceId: this.instance.id, kind });
    if (link) return link.zaakUrl;
    const creating = await this.em.findOne(OutboxMessageEntity, { where: { instanceId: this.instance.id, service: creatingService } });
    if (creating && creating.status !== 'done') {
      throw new ZgwError(ZgwErrorCode.ZAAK_NOT_YET_CREATED, `case ${this.instance.id} has no ${kind === 'case' ? 'zaak' : 'bezwaar zaak'} yet: ${creatingService} is ${creating.status}`, { retryable: true });
    }
    return undefined;
  }

  /** Records the zaak as the case's zaak of this kind. */
  async link(kind: ZaakLinkKind, zaakUrl: string): Promise<void> {
    // Commits with the outbox's "done" (a savepoint, so a failed insert leaves the relay's transaction usable);
    // a crash before that is caught by the kenmerk look-up in findOrCreateZaak.
    await this.em.transaction((em) =>
      em.insert(ZaakLinkEntity, { instanceId: this.instance.id, kind, tenantId: this.instance.tenantId, processKey: this.instance.processKey, zaakUrl, createdAt: new Date() }),
    );
  }

  /** The service task's `resultaat`, which must evaluate to a key of the close step's table. */
  resultaat(): string {
    const resultaat = this.property('resultaat');
    if (typeof resultaat !== 'string' || !resultaat) throw misconfigured(`service task ${this.invocation.elementId} names no resultaat (property "resultaat"), or it evaluated to nothing`);
    return resultaat;
  }

  /** The process's besluittype; a besluit step in a process without one is misconfigured. */
  besluittype(): NonNullable<ResolvedProcess['besluittype']> {
    const type = this.process.besluittype;
    if (!type) throw misconfigured(`process ${this.instance.processKey} of ${this.instance.tenantId} has no besluittype`);
    return type;
  }

  /** Which of the case's documents this step handles (property `document`); a step without one is misconfigured. */
  documentKind(): string {
    const kind = this.property('document');
    if (typeof kind !== 'string' || !kind) throw misconfigured(`service task ${this.invocation.elementId} names no document (property "document")`);
    return kind;
  }

  /** The case's document of `kind`; a case without it needs a person, so the call is not retried. */
  async document(source: DocumentSource | undefined, kind: string): Promise<ZaakDocument> {
    const doc = await source?.(this.invocation, kind);
    if (!doc) throw new ZgwError(ZgwErrorCode.DOCUMENT_MISSING, `case ${this.instance.id} has no document "${kind}" for step ${this.invocation.elementId}`, { retryable: false });
    return doc;
  }

  mapped(table: Record<string, string>, key: string, kind: string): string {
    const url = table[key];
    if (!url) throw misconfigured(`no ${kind} configured for "${key}" in process ${this.instance.processKey} of ${this.instance.tenantId}`);
    return url;
  }
}

const NO_ZAAK = 'the case has no zaak in the zaaksysteem (it started before the zaaksysteem was configured for this process)';
const noBezwaar = (call: ZgwCall) => `no bezwaar zaaktype is configured for process ${call.instance.processKey} of ${call.instance.tenantId}`;
const NO_BEZWAAR_ZAAK = 'the case has no bezwaar zaak in the zaaksysteem (its creation was skipped)';

function handler(name: string, description: string, deps: ZgwServiceDependencies, run: (call: ZgwCall) => Promise<void | ServiceSkipped>): ServiceHandler {
  return {
    name,
    description,
    maxAttempts: ZGW_MAX_ATTEMPTS,
    perform: async (invocation) => {
      // Every municipality runs the same diagrams; only those with a zaaksysteem for this process send anything.
      const directory = deps.directory();
      if (!directory) return skipped('no zaaksysteem is configured (ZGW_CONFIG_FILE)');
      const instance = await invocation.em.findOneByOrFail(ProcessInstanceEntity, { id: invocation.instanceId });
      const mirrored = directory.process(invocation.tenantId, instance.processKey);
      if (!mirrored) {
        return skipped(
          directory.municipality(invocation.tenantId)
            ? `process ${instance.processKey} is not mirrored in the zaaksysteem of ${invocation.tenantId}`
            : `municipality ${invocation.tenantId} has no zaaksysteem configured`,
        );
      }
      const definition = await invocation.em.findOneBy(ProcessDefinitionEntity, { id: instance.definitionId });
      const properties = definition?.model.serviceTasks?.[invocation.elementId]?.properties ?? {};
      return run(new ZgwCall(directory, invocation, instance, mirrored.municipality, mirrored.process, properties));
    },
  };
}

/** The zaaksysteem calls a diagram can make from a service task (`camunda:topic`); properties are their arguments. */
export function zgwServiceHandlers(deps: ZgwServiceDependencies): ServiceHandler[] {
  return [
    handler(ZGW_SERVICES.createZaak, 'Maakt de zaak aan in het zaaksysteem (ons zaaknummer als kenmerk), of gebruikt de zaak waaruit de zaak hier ontstond.', deps, async (call) => {
      if (await call.em.findOneBy(ZaakLinkEntity, { instanceId: call.instance.id, kind: 'case' })) return;
      const omschrijving = call.property('omschrijving');
      const { url } = await findOrCreateZaak(call.client(), call.process.zaaktype, {
        caseId: call.instance.id,
        bron: call.directory.settings.bron,
        startdatum: amsterdamDate(call.instance.startedAt),
        uiterlijkeEinddatumAfdoening: call.dateProperty('uiterlijkeEinddatumAfdoening'),
        omschrijving: typeof omschrijving === 'string' ? omschrijving : undefined,
      });
      await call.link('case', url);
    }),
    handler(ZGW_SERVICES.setStatus, 'Zet de status die in de configuratie bij deze stap hoort.', deps, async (call) => {
      const statustype = call.process.statustypen[call.invocation.elementId];
      if (!statustype) return skipped(`no statustype configured for step ${call.invocation.elementId}`);
      const zaak = await call.zaakUrl();
      if (!zaak) return skipped(NO_ZAAK);
      const toelichting = call.property('toelichting');
      await setStatus(call.client(), zaak, statustype, typeof toelichting === 'string' ? toelichting : undefined);
    }),
    handler(ZGW_SERVICES.addRole, 'Voegt de behandelaar (eigenschap behandelaar, anders de initiator) als rol toe.', deps, async (call) => {
      const roltype = call.mapped(call.process.roltypen, 'behandelaar', 'roltype');
      const zaak = await call.zaakUrl();
      if (!zaak) return skipped(NO_ZAAK);
      const username = String(call.property('behandelaar') ?? call.invocation.variables.initiator ?? call.instance.startedBy);
      await addEmployeeRole(call.client(), zaak, roltype, username, 'Behandelaar in privacyflow');
    }),
    handler(ZGW_SERVICES.attachDocument, 'Voegt het document van deze stap (eigenschap document) toe aan de zaak.', deps, async (call) => {
      const type = call.mapped(call.process.informatieobjecttypen, call.invocation.elementId, 'informatieobjecttype');
      const kind = call.documentKind();
      const zaak = await call.zaakUrl();
      if (!zaak) return skipped(NO_ZAAK);
      const doc = await call.document(deps.documents(), kind);
      await attachDocument(call.client(), zaak, type, doc);
    }),
    handler(ZGW_SERVICES.recordBesluit, 'Legt het besluit vast met de datum tot wanneer bezwaar mogelijk is.', deps, async (call) => {
      const type = call.besluittype();
      const zaak = await call.zaakUrl();
      if (!zaak) return skipped(NO_ZAAK);
      const datum = call.dateProperty('besluitdatum') ?? amsterdamDate(new Date());
      const verzenddatum = call.dateProperty('verzenddatum') ?? datum;
      await recordBesluit(call.client(), zaak, type.url, {
        datum,
        verzenddatum,
        // The besluit takes effect when it is made known (art. 3:40 Awb): on sending.
        ingangsdatum: call.dateProperty('ingangsdatum') ?? verzenddatum,
        // The domain's own term (Awb and Algemene termijnenwet) wins; else the besluittype's reactietermijn, six weeks by art. 6:7 Awb.
        uiterlijkeReactiedatum:
          call.dateProperty('uiterlijkeReactiedatum') ?? DateTime.fromISO(verzenddatum).plus(Duration.fromISO(type.reactietermijn || 'P6W')).toISODate()!,
      });
    }),
    handler(ZGW_SERVICES.linkBesluitDocument, 'Koppelt het document van deze stap (eigenschap document, eerder aan de zaak toegevoegd) aan het besluit van de zaak.', deps, async (call) => {
      const type = call.besluittype();
      const kind = call.documentKind();
      const zaak = await call.zaakUrl();
      if (!zaak) return skipped(NO_ZAAK);
      // The document as the zaak holds it: found by the title under which the document step linked it,
      // so the besluit points at the very file (the PDF as sent) and nothing is uploaded twice.
      const doc = await call.document(deps.documents(), kind);
      const client = call.client();
      const document = await documentOfZaak(client, zaak, doc.titel);
      if (!document) throw new ZgwError(ZgwErrorCode.DOCUMENT_MISSING, `zaak of case ${call.instance.id} holds no document "${doc.titel}": the ${ZGW_SERVICES.attachDocument} step must come first`, { retryable: false });
      const besluit = await besluitOfZaak(client, zaak, type.url);
      if (!besluit) throw new ZgwError(ZgwErrorCode.BESLUIT_MISSING, `zaak of case ${call.instance.id} has no besluit of its besluittype: the ${ZGW_SERVICES.recordBesluit} step must come first`, { retryable: false });
      await linkDocumentToBesluit(client, besluit, document);
    }),
    handler(ZGW_SERVICES.closeZaak, 'Zet het resultaat (eigenschap resultaat) en de eindstatus, waarmee de zaak sluit.', deps, async (call) => {
      const resultaattype = call.mapped(call.process.resultaattypen, call.resultaat(), 'resultaattype');
      const zaak = await call.zaakUrl();
      if (!zaak) return skipped(NO_ZAAK);
      await closeZaak(call.client(), zaak, resultaattype, call.process.eindstatustype);
    }),
    handler(ZGW_SERVICES.createBezwaarZaak, 'Maakt de bezwaarzaak aan (bezwaarzaaktype, ons zaaknummer als kenmerk) met de zaak van het besluit als relevante andere zaak.', deps, async (call) => {
      const bezwaar = call.process.bezwaar;
      if (!bezwaar) return skipped(noBezwaar(call));
      if (await call.em.findOneBy(ZaakLinkEntity, { instanceId: call.instance.id, kind: 'objection' })) return;
      const zaak = await call.zaakUrl();
      if (!zaak) return skipped(NO_ZAAK);
      // The day the objection was received: fixed per case, so a retry after a crash finds the zaak it made.
      const startdatum = call.dateProperty('startdatum');
      if (!startdatum) throw misconfigured(`service task ${call.invocation.elementId} names no startdatum (property "startdatum"), or it evaluated to nothing`);
      const omschrijving = call.property('omschrijving');
      const { url } = await findOrCreateZaak(call.client(), bezwaar.zaaktype, {
        caseId: call.instance.id,
        bron: call.directory.settings.bron,
        startdatum,
        uiterlijkeEinddatumAfdoening: call.dateProperty('uiterlijkeEinddatumAfdoening'),
        omschrijving: typeof omschrijving === 'string' ? omschrijving : undefined,
        relevanteAndereZaken: [{ url: zaak, aardRelatie: BEZWAAR_AARD_RELATIE }],
      });
      await call.link('objection', url);
    }),
    handler(ZGW_SERVICES.closeBezwaarZaak, 'Zet het resultaat van de beslissing op bezwaar (eigenschap resultaat) en de eindstatus van de bezwaarzaak.', deps, async (call) => {
      const bezwaar = call.process.bezwaar;
      if (!bezwaar) return skipped(noBezwaar(call));
      const resultaattype = call.mapped(bezwaar.resultaattypen, call.resultaat(), 'bezwaar resultaattype');
      const zaak = await call.bezwaarZaakUrl();
      if (!zaak) return skipped(NO_BEZWAAR_ZAAK);
      await closeZaak(call.client(), zaak, resultaattype, bezwaar.eindstatustype);
    }),
  ];
}

export function registerZgwServices(registry: ServiceRegistry, deps: ZgwServiceDependencies): ServiceRegistry {
  for (const h of zgwServiceHandlers(deps)) if (!registry.get(h.name)) registry.register(h);
  return registry;
}
