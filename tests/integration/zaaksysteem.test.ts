import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Platform } from '../../src/platform';
import { reconcileNewZaken } from '../../src/zaaksysteem/reconciliation';
import { subscribe } from '../../src/zaaksysteem/subscription';
import { relayOutbox } from '../../src/workflow/outbox-relay';
import { FakeOpenZaak } from '../support/fake-open-zaak';
import { ZgwContract } from '../support/openapi-contract';
import { COMPLETE, INBOX, START } from '../support/operations';
import { createTestDatabase, itOnPostgres, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';

const CLIENT_ID = 'privacyflow-leusden';
const SECRET = 'test-secret-not-used-anywhere-else';
const WEBHOOK_AUTH = 'Bearer webhook-token-leusden';
const CATALOGUS = 'http://catalogus.example/catalogi/api/v1/catalogussen/1';

/** Runs the outbox relay until nothing is left that is due now. */
async function drainOutbox(platform: Platform): Promise<void> {
  for (let i = 0; i < 50; i++) if ((await relayOutbox(platform.database.dataSource, platform.workflow.services)) === 0) return;
  throw new Error('the outbox did not drain');
}

describe('zaaksysteem over the ZGW APIs (fake Open Zaak built from the official specs)', () => {
  let db: TestDatabase;
  let fake: FakeOpenZaak;
  let platform: Platform;
  let zaaktypeUrl: string;
  let employee: TestClient;

  const notification = (overrides: Record<string, unknown> = {}) => ({
    kanaal: 'zaken',
    hoofdObject: 'http://example/zaak',
    resource: 'zaak',
    resourceUrl: 'http://example/zaak',
    actie: 'create',
    aanmaakdatum: '2026-11-25T09:00:00Z',
    kenmerken: { bronorganisatie: '002220647', zaaktype: zaaktypeUrl, vertrouwelijkheidaanduiding: 'vertrouwelijk' },
    ...overrides,
  });
  const deliver = (body: unknown, auth: string | null = WEBHOOK_AUTH) => {
    const req = request(platform.url).post('/zgw/notificaties').set('Content-Type', 'application/json');
    return (auth ? req.set('Authorization', auth) : req).send(body as object);
  };
  const instancesOf = (zaakUrl: string) =>
    platform.database.dataSource.query(`SELECT i.id, i.status, i.business_key FROM zaak_link l JOIN process_instance i ON i.id = l.instance_id WHERE l.zaak_url = $1`, [zaakUrl]);
  /** A zaak registered in the zaaksysteem by someone else (the DigiD e-form). */
  const registeredZaak = () => fake.registerEformZaak({ zaaktype: fake.find('zaaktypen', zaaktypeUrl)! });

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await new FakeOpenZaak({ clientId: CLIENT_ID, secret: SECRET }).start();
    zaaktypeUrl = fake.seedRequestCatalogue(CATALOGUS).zaaktype.url;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zgw-'));
    const file = path.join(dir, 'zaaksysteem.json');
    const bpmnDir = path.join(dir, 'bpmn');
    fs.mkdirSync(bpmnDir);
    fs.copyFileSync(path.resolve(__dirname, '../fixtures/zaaksysteem/zgw-request.bpmn'), path.join(bpmnDir, 'zgw-request.bpmn'));
    fs.writeFileSync(file, JSON.stringify({
      municipalities: {
        leusden: {
          rsin: '002220647',
          apis: fake.base,
          catalogus: CATALOGUS,
          clientId: CLIENT_ID,
          secretEnv: 'ZGW_TEST_LEUSDEN_SECRET',
          notificationAuthEnv: 'ZGW_TEST_LEUSDEN_WEBHOOK_AUTH',
          processes: {
            'zgw-request': {
              zaaktype: 'AVG-VERZOEK',
              startsOnNewZaak: true,
              statustypen: { StatusOntvangen: 'Ontvangen', StatusInBehandeling: 'In behandeling' },
              informatieobjecttypen: { AttachDecisionLetter: 'Besluit' },
              resultaattypen: { toegewezen: 'Toegewezen' },
              roltypen: { behandelaar: 'Behandelaar' },
              besluittype: 'Besluit op verzoek AVG',
            },
          },
        },
      },
    }));
    process.env.ZGW_TEST_LEUSDEN_SECRET = SECRET;
    process.env.ZGW_TEST_LEUSDEN_WEBHOOK_AUTH = WEBHOOK_AUTH;
    platform = await startTestPlatform(db, { zgwConfigFile: file, bpmnDir }, {
      withoutWorkers: true,
      zgwContract: fake.contract,
      zgwDocuments: async (invocation) => ({
        titel: `Besluit op uw verzoek ${invocation.instanceId.slice(0, 8)}`,
        bestandsnaam: 'besluit.pdf',
        formaat: 'application/pdf',
        inhoud: Buffer.from('%PDF-1.4 besluit'),
        auteur: 'Gemeente Leusden',
      }),
    });
    employee = await TestClient.as(platform, 'medewerker.leusden');
  });
  afterAll(async () => {
    await platform?.close();
    await fake?.stop();
    await db?.drop();
  });

  describe('the Notificaties consumer contract', () => {
    /** The webhook's own specification (notificaties-consumer 1.0.0-rc1): the messages sent to it and its answers are checked against it. */
    const webhook = () => new ZgwContract([{ name: 'notificaties-consumer', base: `${platform.url}/zgw`, specFile: 'notificaties-consumer/1.0.0-rc1/openapi.yaml' }]);
    const WEBHOOK = () => `${platform.url}/zgw/notificaties`;

    it('answers 401 without or with the wrong Authorization header, and starts nothing', async () => {
      const zaak = registeredZaak();
      const message = notification({ hoofdObject: zaak.url, resourceUrl: zaak.url });
      expect(webhook().checkRequest('POST', WEBHOOK(), message)).toEqual([]);
      for (const auth of [null, 'Bearer guessed']) {
        const res = await deliver(message, auth);
        expect(res.status).toBe(401);
        expect(webhook().checkResponse('POST', WEBHOOK(), 401, res.body)).toEqual([]);
      }
      expect(await instancesOf(zaak.url)).toHaveLength(0);
    });

    it('answers 204 to the test probe Open Notificaties sends when the abonnement is created', async () => {
      const probe = { kanaal: 'test', hoofdObject: 'http://some.hoofdobject.nl/', resource: 'some_resource', resourceUrl: 'http://some.resource.nl/', actie: 'create', aanmaakdatum: '2019-01-01T12:00:00Z', kenmerken: {} };
      expect(webhook().checkRequest('POST', WEBHOOK(), probe)).toEqual([]);
      expect((await deliver(probe)).status).toBe(204);
    });

    it('the abonnement is accepted by a Notificaties API that probes the callback with and without auth', async () => {
      const abonnement = await subscribe(platform.zaaksysteem!.municipality('leusden')!.settings, platform.url, platform.zaaksysteem!.transport);
      expect(abonnement.url).toMatch(/\/abonnement\//);
      expect(fake.store.abonnement).toEqual([
        expect.objectContaining({ callbackUrl: `${platform.url}/zgw/notificaties`, auth: WEBHOOK_AUTH, kanalen: [{ naam: 'zaken', filters: { bronorganisatie: '002220647' } }] }),
      ]);
    });

    it('answers 400 with a ValidatieFout naming each invalid field', async () => {
      const invalid = { kanaal: 'zaken', hoofdObject: 'not a url', resource: 'zaak', actie: 'create', aanmaakdatum: 'yesterday' };
      // Invalid per the consumer specification too, for the same fields.
      expect(webhook().checkRequest('POST', WEBHOOK(), invalid).map((p) => p.split(':')[0]).sort()).toEqual(['aanmaakdatum', 'hoofdObject', 'resourceUrl']);
      const res = await deliver(invalid);
      expect(res.status).toBe(400);
      expect(webhook().checkResponse('POST', WEBHOOK(), 400, res.body)).toEqual([]);
      expect(res.body).toMatchObject({ status: 400, code: 'invalid' });
      expect(res.body['invalid-params'].map((p: any) => p.name).sort()).toEqual(['aanmaakdatum', 'hoofdObject', 'resourceUrl']);
    });
  });

  it('a new zaak of the configured zaaktype starts one case of a plain diagram, which mirrors its progress, reacts to a document added there, and closes the zaak', async () => {
    const zaak = registeredZaak();
    const message = notification({ hoofdObject: zaak.url, resourceUrl: zaak.url });
    expect((await deliver(message)).status).toBe(204);
    // At-least-once delivery: the same message again starts nothing.
    expect((await deliver(message)).status).toBe(204);
    const [instance, ...others] = await instancesOf(zaak.url);
    expect(others).toHaveLength(0);
    expect(instance).toMatchObject({ status: 'running', business_key: zaak.url });

    await drainOutbox(platform);
    // The zaak existed already: no second zaak; statuses in the diagram's order; the employee as behandelaar.
    expect(fake.store.zaken.filter((z) => z.zaaktype === zaaktypeUrl && z.url === zaak.url)).toHaveLength(1);
    const omschrijving = (url: string) => fake.store.statustypen.find((s) => s.url === url)?.omschrijving;
    expect(fake.store.statussen.filter((s) => s.zaak === zaak.url).map((s) => omschrijving(s.statustype))).toEqual(['Ontvangen', 'In behandeling']);
    expect(fake.store.rollen.filter((r) => r.zaak === zaak.url && r.omschrijvingGeneriek === 'behandelaar')).toEqual([expect.objectContaining({ betrokkeneType: 'medewerker' })]);
    // Every call was signed for the acting user.
    expect(fake.requests.every((r) => r.claims.client_id === CLIENT_ID && r.claims.user_id)).toBe(true);

    // A caseworker adds a document in the zaaksysteem: the case waiting for it moves on.
    const zio = { hoofdObject: zaak.url, resource: 'zaakinformatieobject', resourceUrl: `${fake.base.zaken}/zaakinformatieobjecten/x1`, actie: 'create', aanmaakdatum: '2026-11-25T10:00:00Z' };
    expect((await deliver(notification(zio))).status).toBe(204);
    const inbox = await employee.ok(INBOX, { first: 50 });
    const decide = inbox.tasks.edges.map((e: any) => e.node).find((t: any) => t.instanceId === instance.id);
    expect(decide).toMatchObject({ elementId: 'Decide' });

    await employee.ok(COMPLETE, { id: decide.id, values: { zgwResultaat: 'toegewezen', zgwBesluitdatum: '2026-11-25' } });
    await drainOutbox(platform);
    expect(await platform.database.dataSource.query(`SELECT service, last_error FROM outbox_message WHERE instance_id = $1 AND status <> 'done'`, [instance.id])).toEqual([]);
    const [document] = fake.store.enkelvoudiginformatieobjecten;
    expect(document).toMatchObject({ taal: 'nld', indicatieGebruiksrecht: false, bronorganisatie: '002220647' });
    expect(fake.store.zaakinformatieobjecten).toEqual([expect.objectContaining({ zaak: zaak.url, informatieobject: document.url })]);
    expect(fake.store.besluiten).toEqual([expect.objectContaining({ zaak: zaak.url, datum: '2026-11-25', uiterlijkeReactiedatum: '2027-01-06' })]);
    expect(fake.store.resultaten).toEqual([expect.objectContaining({ zaak: zaak.url })]);
    expect(fake.store.statussen.filter((s) => s.zaak === zaak.url).map((s) => omschrijving(s.statustype))).toEqual(['Ontvangen', 'In behandeling', 'Afgehandeld']);
  });

  itOnPostgres('two deliveries of one message at the same moment start one case', async () => {
    const zaak = registeredZaak();
    const message = notification({ hoofdObject: zaak.url, resourceUrl: zaak.url });
    const answers = await Promise.all([deliver(message), deliver(message), deliver(message)]);
    expect(answers.map((a) => a.status)).toEqual([204, 204, 204]);
    expect(await instancesOf(zaak.url)).toHaveLength(1);
  });

  it('a zaak whose notification was lost is caught up by reconciliation, once', async () => {
    const zaak = registeredZaak();
    const directory = platform.zaaksysteem!;
    expect(directory).toBeDefined();
    const started = await reconcileNewZaken(platform.database.dataSource, platform.zaakIntakes, directory, 7);
    expect(started).toBeGreaterThanOrEqual(1);
    expect(await instancesOf(zaak.url)).toHaveLength(1);
    // The notification arrives late after all: nothing starts twice.
    expect((await deliver(notification({ hoofdObject: zaak.url, resourceUrl: zaak.url, aanmaakdatum: '2026-11-25T11:00:00Z' }))).status).toBe(204);
    expect(await reconcileNewZaken(platform.database.dataSource, platform.zaakIntakes, directory, 7)).toBe(0);
    expect(await instancesOf(zaak.url)).toHaveLength(1);
  });

  describe('a case started here is mirrored as a new zaak', () => {
    const startCase = async () => (await employee.ok(START, { key: 'zgw-request', variables: {} })).startProcess.id as string;
    const zakenOf = (caseId: string) => fake.store.zaken.filter((z) => (z.kenmerken ?? []).some((k: any) => k.kenmerk === caseId));
    const outbox = (caseId: string) =>
      platform.database.dataSource.query(`SELECT service, status, attempts, last_error FROM outbox_message WHERE instance_id = $1 ORDER BY seq`, [caseId]);

    it('creates the zaak with our case id as kenmerk, the legal deadline and at least vertrouwelijk', async () => {
      const caseId = await startCase();
      await drainOutbox(platform);
      const [zaak, ...more] = zakenOf(caseId);
      expect(more).toHaveLength(0);
      expect(zaak).toMatchObject({
        zaaktype: zaaktypeUrl,
        bronorganisatie: '002220647',
        verantwoordelijkeOrganisatie: '002220647',
        // The zaaktype says zaakvertrouwelijk; privacy cases are raised to vertrouwelijk.
        vertrouwelijkheidaanduiding: 'vertrouwelijk',
        kenmerken: [{ kenmerk: caseId, bron: 'privacyflow' }],
      });
      expect(zaak.uiterlijkeEinddatumAfdoening).toBe(
        (await import('luxon')).DateTime.fromISO(zaak.startdatum).plus({ months: 1 }).toISODate(),
      );
      expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/zaken') && r.body.kenmerken?.[0]?.kenmerk === caseId)[0].claims.user_id).toBe('medewerker.leusden');
    });

    it('the zaaksysteem announcing a zaak created here starts no second case, even before our link commits', async () => {
      const caseId = await startCase();
      await drainOutbox(platform);
      const [zaak] = zakenOf(caseId);
      await platform.database.dataSource.query(`DELETE FROM zaak_link WHERE instance_id = $1`, [caseId]);
      expect((await deliver(notification({ hoofdObject: zaak.url, resourceUrl: zaak.url, aanmaakdatum: '2026-11-25T12:00:00Z' }))).status).toBe(204);
      expect(await reconcileNewZaken(platform.database.dataSource, platform.zaakIntakes, platform.zaaksysteem!, 7)).toBe(0);
      expect(await instancesOf(zaak.url)).toHaveLength(0);
    });

    it('after a crash between creating the zaak and committing, finds the zaak by kenmerk instead of creating it again', async () => {
      const caseId = await startCase();
      await drainOutbox(platform);
      // The crash: the zaak exists remotely, but neither our link nor the outbox's "done" was committed.
      await platform.database.dataSource.query(`DELETE FROM zaak_link WHERE instance_id = $1`, [caseId]);
      await platform.database.dataSource.query(`UPDATE outbox_message SET status = 'pending', available_at = now() WHERE instance_id = $1`, [caseId]);
      const statussenBefore = fake.store.statussen.length;
      await drainOutbox(platform);
      expect(zakenOf(caseId)).toHaveLength(1);
      const [{ zaak_url }] = await platform.database.dataSource.query(`SELECT zaak_url FROM zaak_link WHERE instance_id = $1`, [caseId]);
      expect(zaak_url).toBe(zakenOf(caseId)[0].url);
      // Statuses and roles already set are not set twice either.
      expect(fake.store.statussen.length).toBe(statussenBefore);
    });

    it('retries after a 5xx, and later calls of the case wait so statuses keep the diagram order', async () => {
      const caseId = await startCase();
      fake.failNext(1, 503, { method: 'POST', path: '/zaken' });
      await drainOutbox(platform);
      expect(zakenOf(caseId)).toHaveLength(0);
      const [create, ...rest] = await outbox(caseId);
      expect(create).toMatchObject({ service: 'zgw.zaak-aanmaken', status: 'pending', attempts: 1 });
      expect(create.last_error).toMatch(/HTTP 503/);
      // Nothing after it was tried: it waits for the zaak.
      expect(rest.every((m: any) => m.status === 'pending' && m.attempts === 0)).toBe(true);

      // The back-off has passed (moved forward instead of waiting on the clock).
      await platform.database.dataSource.query(`UPDATE outbox_message SET available_at = now() WHERE instance_id = $1`, [caseId]);
      await drainOutbox(platform);
      const [zaak] = zakenOf(caseId);
      expect(zaak).toBeDefined();
      const omschrijving = (url: string) => fake.store.statustypen.find((s) => s.url === url)?.omschrijving;
      expect(fake.store.statussen.filter((s) => s.zaak === zaak.url).map((s) => omschrijving(s.statustype))).toEqual(['Ontvangen', 'In behandeling']);
      expect((await outbox(caseId)).every((m: any) => m.status === 'done')).toBe(true);
    });
  });
});
