import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Platform, PlatformOptions } from '../../src/platform';
import { relayOutbox } from '../../src/workflow/outbox-relay';
import { FakeOpenZaak } from './fake-open-zaak';
import type { TestDatabase } from './test-database';
import { startTestPlatform } from './test-platform';

/** Leusden's zaaksysteem in the scenario tests: the FAKE Open Zaak, configured as an integrator would. */
export const LEUSDEN = {
  rsin: '002220647',
  clientId: 'privacyflow-leusden',
  secret: 'scenario-secret-not-used-anywhere-else',
  webhookAuth: 'Bearer webhook-token-leusden',
  catalogus: 'http://catalogus.example/catalogi/api/v1/catalogussen/leusden',
};

/** The configuration file for Leusden: both procedures of bpmn/ mirrored, requests from the e-form taken in. */
export function leusdenConfiguration(fake: FakeOpenZaak) {
  return {
    municipalities: {
      leusden: {
        rsin: LEUSDEN.rsin,
        apis: fake.base,
        catalogus: LEUSDEN.catalogus,
        clientId: LEUSDEN.clientId,
        secretEnv: 'ZGW_SCENARIO_LEUSDEN_SECRET',
        notificationAuthEnv: 'ZGW_SCENARIO_LEUSDEN_WEBHOOK_AUTH',
        processes: {
          'data-subject-request': {
            zaaktype: 'AVG-VERZOEK',
            startsOnNewZaak: true,
            statustypen: { StatusOntvangen: 'Ontvangen', StatusInBehandeling: 'In behandeling', StatusVerdaagd: 'Verdaagd' },
            informatieobjecttypen: { AttachDecisionLetter: 'Besluit' },
            resultaattypen: {
              granted: 'Toegewezen',
              partly_granted: 'Gedeeltelijk toegewezen',
              refused: 'Afgewezen',
              not_processed: 'Buiten behandeling gesteld',
              withdrawn: 'Ingetrokken',
            },
            besluittype: 'Besluit op verzoek AVG',
            bezwaar: {
              zaaktype: 'BEZWAAR',
              resultaattypen: { gegrond: 'Gegrond', deels_gegrond: 'Deels gegrond', ongegrond: 'Ongegrond', niet_ontvankelijk: 'Niet-ontvankelijk' },
            },
            requestIntake: { departments: [{ name: 'Burgerzaken', candidateGroup: 'afdelingsmanager' }] },
          },
          'incident-management': {
            zaaktype: 'DATALEK',
            statustypen: { StatusBeoordeeld: 'Melding beoordeeld', StatusGemeldBijAp: 'Gemeld bij de AP', StatusBetrokkenenGeinformeerd: 'Betrokkenen geïnformeerd' },
            informatieobjecttypen: { AttachApNotification: 'Melding datalek AP', AttachFinalApNotification: 'Melding datalek AP' },
            roltypen: { behandelaar: 'Behandelaar' },
            resultaattypen: {
              'geen-datalek': 'Geen datalek',
              'niet-meldplichtig': 'Datalek, niet meldplichtig',
              'gemeld-bij-ap': 'Datalek, gemeld bij de AP',
              'melding-ingetrokken': 'Melding ingetrokken',
            },
          },
        },
      },
    },
  };
}

export interface ZaaksysteemScenario {
  platform: Platform;
  fake: FakeOpenZaak;
  requestZaaktype: Record<string, any>;
  soortVerzoek: Record<string, any>;
  incidentZaaktype: Record<string, any>;
  bezwaarZaaktype: Record<string, any>;
}

/**
 * The platform with the diagrams of bpmn/ and Leusden's zaaksysteem (the fake, with the catalogue
 * seeded), every response of the zaaksysteem checked against the official specifications. The
 * outbox relay does not run by itself: `drainOutbox` is "the relay runs now".
 */
export async function startWithZaaksysteem(db: TestDatabase, options: PlatformOptions = {}): Promise<ZaaksysteemScenario> {
  const fake = await new FakeOpenZaak({ clientId: LEUSDEN.clientId, secret: LEUSDEN.secret }).start();
  const { zaaktype: requestZaaktype, soortVerzoek } = fake.seedRequestCatalogue(LEUSDEN.catalogus);
  const { zaaktype: incidentZaaktype } = fake.seedIncidentCatalogue(LEUSDEN.catalogus);
  const { zaaktype: bezwaarZaaktype } = fake.seedBezwaarCatalogue(LEUSDEN.catalogus);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zgw-scenario-')), 'zaaksysteem.json');
  fs.writeFileSync(file, JSON.stringify(leusdenConfiguration(fake)));
  process.env.ZGW_SCENARIO_LEUSDEN_SECRET = LEUSDEN.secret;
  process.env.ZGW_SCENARIO_LEUSDEN_WEBHOOK_AUTH = LEUSDEN.webhookAuth;
  const platform = await startTestPlatform(
    db,
    { zgwConfigFile: file, bpmnDir: path.resolve(__dirname, '../../bpmn') },
    { withoutWorkers: true, zgwContract: fake.contract, ...options },
  );
  return { platform, fake, requestZaaktype, soortVerzoek, incidentZaaktype, bezwaarZaaktype };
}

/** Runs the outbox relay until nothing is left that is due now. */
export async function drainOutbox(platform: Platform): Promise<void> {
  for (let i = 0; i < 100; i++) if ((await relayOutbox(platform.database.dataSource, platform.workflow.services)) === 0) return;
  throw new Error('the outbox did not drain');
}

/** What Open Notificaties delivers when a zaak is created in the zaaksysteem. */
export function newZaakNotification(zaak: Record<string, any>, aanmaakdatum = new Date().toISOString()) {
  return {
    kanaal: 'zaken',
    hoofdObject: zaak.url,
    resource: 'zaak',
    resourceUrl: zaak.url,
    actie: 'create',
    aanmaakdatum,
    kenmerken: { bronorganisatie: LEUSDEN.rsin, zaaktype: zaak.zaaktype, vertrouwelijkheidaanduiding: 'vertrouwelijk' },
  };
}

export function deliverNotification(platform: Platform, body: unknown, auth: string | null = LEUSDEN.webhookAuth) {
  const req = request(platform.url).post('/zgw/notificaties').set('Content-Type', 'application/json');
  return (auth ? req.set('Authorization', auth) : req).send(body as object);
}

/** The statuses of a zaak by their statustype's omschrijving, in the order they were set. */
export function statusesOf(fake: FakeOpenZaak, zaakUrl: string): string[] {
  return fake.store.statussen.filter((s) => s.zaak === zaakUrl).map((s) => fake.find('statustypen', s.statustype)?.omschrijving);
}

/** The zaken that carry this case id as our kenmerk. */
export function zakenOfCase(fake: FakeOpenZaak, caseId: string) {
  return fake.store.zaken.filter((z) => (z.kenmerken ?? []).some((k: any) => k.kenmerk === caseId));
}

/** The case's recorded service calls in order. */
export function outboxOf(platform: Platform, caseId: string): Promise<{ service: string; element: string; status: string; attempts: number; last_error: string | null; skip_reason: string | null }[]> {
  return platform.database.dataSource.query(
    `SELECT service, payload->>'elementId' AS element, status, attempts, last_error, skip_reason FROM outbox_message WHERE instance_id = $1 ORDER BY seq`,
    [caseId],
  );
}
