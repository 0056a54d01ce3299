import type { Platform } from '../../src/platform';
import { FakeOpenZaak } from '../support/fake-open-zaak';
import {
  aBreachReport,
  AP_FORM_BSN_LIST,
  FG_ADVICE_BSN_LIST,
  INCIDENT,
  perform,
  REPORT_INCIDENT,
  UPDATE_AP_NOTIFICATION,
} from '../support/incident-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { TestClient } from '../support/test-platform';
import { drainOutbox, outboxOf, startWithZaaksysteem, statusesOf, zakenOfCase } from '../support/zaaksysteem';

/**
 * Issue 7, scenario 2 (BLNP Bijlage 3, steps 6, 15–16, 25–32, 9): a list with citizens' BSNs went
 * to the wrong address in Leusden. The breach is handled here; the zaaksysteem holds it as a zaak
 * of the breach zaaktype — created when the CISO confirms the incident, a status at each milestone,
 * the AP notification as filed and as made final attached as documents, and the resultaat when
 * the CISO closes the incident.
 */
describe('a data breach mirrored as a zaak with the AP notification attached', () => {
  let db: TestDatabase;
  let platform: Platform;
  let fake: FakeOpenZaak;
  let incidentZaaktype: Record<string, any>;
  let employee: TestClient;
  let ciso: TestClient;
  let fg: TestClient;
  let gs: TestClient;
  let pb: TestClient;
  let irt: TestClient;
  let manager: TestClient;
  let incident: any;
  let zaak: Record<string, any>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ platform, fake, incidentZaaktype } = await startWithZaaksysteem(db));
    [employee, ciso, fg, gs, pb, irt, manager] = await Promise.all(
      ['medewerker', 'ciso', 'fg', 'gemeentesecretaris', 'privacybeheerder', 'irt', 'afdelingsmanager'].map((role) =>
        TestClient.as(platform, role === 'fg' ? 'fg' : `${role}.leusden`),
      ),
    );
  });
  afterAll(async () => {
    await platform?.close();
    await fake?.stop();
    await db?.drop();
  });

  const documentsOfZaak = () =>
    fake.store.zaakinformatieobjecten.filter((z) => z.zaak === zaak.url).map((z) => fake.find('enkelvoudiginformatieobjecten', z.informatieobject)!);

  it('6: the CISO confirms the breach; the zaak is created with our case id, confidential, its first status and the CISO as behandelaar', async () => {
    ({ reportIncident: incident } = await employee.ok(REPORT_INCIDENT, { report: aBreachReport(5) }));
    await drainOutbox(platform);
    // A report not yet assessed is no zaak: it may turn out to be no incident at all.
    expect(zakenOfCase(fake, incident.instanceId)).toEqual([]);

    await perform(ciso, incident.instanceId, 'AssessReport', { incidentConfirmed: true, impact: incident.proposedImpact, personalData: true });
    await drainOutbox(platform);
    [zaak] = zakenOfCase(fake, incident.instanceId);
    expect(zaak).toMatchObject({
      zaaktype: incidentZaaktype.url,
      bronorganisatie: '002220647',
      omschrijving: 'Beveiligingsincident of datalek',
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
      kenmerken: [{ kenmerk: incident.instanceId, bron: 'privacyflow' }],
    });
    expect(statusesOf(fake, zaak.url)).toEqual(['Melding beoordeeld']);
    // The CISO who confirmed it handles the zaak.
    expect(fake.store.rollen.filter((r) => r.zaak === zaak.url).map((r) => [r.omschrijvingGeneriek, r.betrokkeneType, r.betrokkeneIdentificatie.identificatie]))
      .toEqual([['behandelaar', 'medewerker', 'ciso.leusden']]);
    // The zaaksysteem's audit trail shows the reporter, on whose behalf the case runs.
    expect(fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/zaken'))!.claims.user_id).toBe('medewerker.leusden');
  });

  it('15–16: advised, decided and filed provisionally: the notification as filed is on the zaak, status gemeld', async () => {
    await perform(fg, incident.instanceId, 'FgAdvice', FG_ADVICE_BSN_LIST);
    await perform(gs, incident.instanceId, 'GsDecision', { notifyAp: true, informSubjects: true, decisionMotivation: 'Conform advies.' });
    await pb.ok(UPDATE_AP_NOTIFICATION, { incidentId: incident.id, form: AP_FORM_BSN_LIST });
    await perform(pb, incident.instanceId, 'FileApNotification', { apNotificationNumber: 'AP-2026-7007' });
    await drainOutbox(platform);

    const { incident: filed } = await pb.ok(INCIDENT, { id: incident.id });
    const [provisional, ...others] = documentsOfZaak();
    expect(others).toEqual([]);
    expect(provisional).toMatchObject({
      titel: `Melding datalek aan de AP ${incident.reference} (voorlopig)`,
      formaat: 'text/html',
      informatieobjecttype: fake.store.informatieobjecttypen.find((t) => t.omschrijving === 'Melding datalek AP')!.url,
      auteur: 'privacybeheerder.leusden',
    });
    expect(fake.contentOf(provisional.url)).toBe(filed.breach.apNotification.html);
    expect(fake.contentOf(provisional.url)).toContain('AP-2026-7007');
    expect(statusesOf(fake, zaak.url)).toEqual(['Melding beoordeeld', 'Gemeld bij de AP']);
  });

  it('25–32: the notification made final joins the dossier; informing the people affected is a status', async () => {
    await perform(ciso, incident.instanceId, 'CoordinateMedium', { coordinationSummary: 'Ontvanger heeft de e-mail verwijderd; autoaanvulling uitgezet.' });
    await perform(irt, incident.instanceId, 'ReassessApNotification', { apOutcome: 'definitief', reassessmentMotivation: 'Inbreuk bevestigd, omvang vastgesteld.' });
    await perform(pb, incident.instanceId, 'FinalizeApNotification', {});
    await perform(manager, incident.instanceId, 'DraftSubjectNotice', { noticeChannel: 'brief', noticeText: 'Beste inwoner, ... Vragen? Bel 14 033.' });
    await perform(pb, incident.instanceId, 'CheckSubjectNotice', { noticeApproved: true });
    await perform(manager, incident.instanceId, 'SendSubjectNotice', { noticeSentAt: new Date().toISOString(), subjectsInformedCount: 40 });
    await drainOutbox(platform);

    const { incident: finalised } = await pb.ok(INCIDENT, { id: incident.id });
    expect(documentsOfZaak().map((d) => d.titel)).toEqual([
      `Melding datalek aan de AP ${incident.reference} (voorlopig)`,
      `Melding datalek aan de AP ${incident.reference} (definitief)`,
    ]);
    expect(fake.contentOf(documentsOfZaak()[1].url)).toBe(finalised.breach.apNotification.html);
    expect(statusesOf(fake, zaak.url)).toEqual(['Melding beoordeeld', 'Gemeld bij de AP', 'Betrokkenen geïnformeerd']);
    expect(fake.find('zaken', zaak.url)!.einddatum).toBeNull();
  });

  it('9: closing the incident sets the resultaat "gemeld bij de AP" and closes the zaak; the evaluation follows here', async () => {
    await perform(ciso, incident.instanceId, 'CloseIncident', { closureSummary: 'Datalek gemeld (definitief), betrokkenen per brief geïnformeerd.' });
    await drainOutbox(platform);

    const [resultaat] = fake.store.resultaten.filter((r) => r.zaak === zaak.url);
    expect(fake.find('resultaattypen', resultaat.resultaattype)?.omschrijving).toBe('Datalek, gemeld bij de AP');
    expect(statusesOf(fake, zaak.url)).toEqual(['Melding beoordeeld', 'Gemeld bij de AP', 'Betrokkenen geïnformeerd', 'Afgehandeld']);
    expect(fake.find('zaken', zaak.url)!.einddatum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const zaakSteps = (await outboxOf(platform, incident.instanceId)).filter((m) => m.service.startsWith('zgw.'));
    expect(zaakSteps.every((m) => m.status === 'done' && m.skip_reason === null)).toBe(true);
    expect(zaakSteps.map((m) => m.element)).toEqual([
      'ZaakAanmaken',
      'StatusBeoordeeld',
      'RolBehandelaar',
      'AttachApNotification',
      'StatusGemeldBijAp',
      'AttachFinalApNotification',
      'StatusBetrokkenenGeinformeerd',
      'CloseZaak',
    ]);
  });
});
