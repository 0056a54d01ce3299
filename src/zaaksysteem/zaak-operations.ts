import { DateTime, Duration } from 'luxon';
import type { ResolvedZaaktype } from './catalogue-resolution';
import type { ZgwHttpClient } from './zgw-http';
import { ZgwResponses } from './zgw-responses';

/** Confidentiality levels from least to most confidential; privacy cases are at least `vertrouwelijk`. */
const LEVELS = ['openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim'];

export function atLeastVertrouwelijk(level: string | undefined): string {
  const index = Math.max(LEVELS.indexOf(level ?? ''), LEVELS.indexOf('vertrouwelijk'));
  return LEVELS[index];
}

export interface NewZaak {
  caseId: string;
  bron: string;
  startdatum: string;
  uiterlijkeEinddatumAfdoening?: string;
  omschrijving?: string;
  /** Zaken the new zaak relates to (Zaken 1.5.1 `relevanteAndereZaken`), e.g. the zaak whose besluit a bezwaar zaak is about. */
  relevanteAndereZaken?: { url: string; aardRelatie: 'vervolg' | 'onderwerp' | 'bijdrage' }[];
}

/**
 * The zaak of this zaaktype carrying our case id as kenmerk, or a new one. Zaken 1.5.1 cannot
 * filter on kenmerken, so after a crash between create and our commit the zaak is found by the
 * filters the API has (zaaktype, bronorganisatie, startdatum — all fixed per case and zaaktype)
 * and then by kenmerk. A case's own zaak and its bezwaar zaak carry the same kenmerk; their
 * zaaktypen tell them apart.
 */
export async function findOrCreateZaak(client: ZgwHttpClient, zaaktype: ResolvedZaaktype, zaak: NewZaak): Promise<{ url: string; created: boolean }> {
  const m = client.municipality;
  const candidates = await client.all(`${m.apis.zaken}/zaken`, ZgwResponses.zaak, { zaaktype: zaaktype.url, bronorganisatie: m.rsin, startdatum: zaak.startdatum });
  const existing = candidates.find((z) => (z.kenmerken ?? []).some((k) => k.bron === zaak.bron && k.kenmerk === zaak.caseId));
  if (existing) return { url: existing.url, created: false };
  const deadline =
    zaak.uiterlijkeEinddatumAfdoening ??
    DateTime.fromISO(zaak.startdatum).plus(Duration.fromISO(zaaktype.doorlooptijd || 'P1M')).toISODate()!;
  const created = await client.post(`${m.apis.zaken}/zaken`, {
    zaaktype: zaaktype.url,
    bronorganisatie: m.rsin,
    verantwoordelijkeOrganisatie: m.rsin,
    startdatum: zaak.startdatum,
    uiterlijkeEinddatumAfdoening: deadline,
    vertrouwelijkheidaanduiding: atLeastVertrouwelijk(zaaktype.vertrouwelijkheidaanduiding),
    ...(zaak.omschrijving ? { omschrijving: zaak.omschrijving.slice(0, 80) } : {}),
    ...(zaak.relevanteAndereZaken?.length ? { relevanteAndereZaken: zaak.relevanteAndereZaken } : {}),
    kenmerken: [{ kenmerk: zaak.caseId, bron: zaak.bron }],
  }, ZgwResponses.created);
  return { url: created.url, created: true };
}

/** Sets a status unless the zaak already has one of this statustype (a repeated call after a crash). */
export async function setStatus(client: ZgwHttpClient, zaakUrl: string, statustype: string, toelichting?: string): Promise<boolean> {
  const { zaken } = client.municipality.apis;
  const existing = await client.all(`${zaken}/statussen`, ZgwResponses.unread, { zaak: zaakUrl, statustype });
  if (existing.length) return false;
  await client.post(`${zaken}/statussen`, {
    zaak: zaakUrl,
    statustype,
    datumStatusGezet: new Date().toISOString(),
    ...(toelichting ? { statustoelichting: toelichting.slice(0, 1000) } : {}),
  }, ZgwResponses.unread);
  return true;
}

/** Adds a staff member (medewerker) in a role, once. */
export async function addEmployeeRole(client: ZgwHttpClient, zaakUrl: string, roltype: string, username: string, toelichting: string): Promise<boolean> {
  const { zaken } = client.municipality.apis;
  const existing = await client.all(`${zaken}/rollen`, ZgwResponses.unread, { zaak: zaakUrl, roltype, betrokkeneIdentificatie__medewerker__identificatie: username });
  if (existing.length) return false;
  await client.post(`${zaken}/rollen`, {
    zaak: zaakUrl,
    roltype,
    betrokkeneType: 'medewerker',
    roltoelichting: toelichting.slice(0, 1000),
    betrokkeneIdentificatie: { identificatie: username.slice(0, 24) },
  }, ZgwResponses.unread);
  return true;
}

export interface ZaakDocument {
  titel: string;
  bestandsnaam: string;
  formaat: string;
  inhoud: Buffer;
  auteur: string;
}

/**
 * Uploads a document and links it to the zaak; the Zaken API mirrors the link into Documenten
 * itself. A document already linked under the same title is not uploaded again.
 */
export async function attachDocument(client: ZgwHttpClient, zaakUrl: string, informatieobjecttype: string, doc: ZaakDocument): Promise<boolean> {
  const m = client.municipality;
  if (await documentOfZaak(client, zaakUrl, doc.titel)) return false;
  const eio = await client.post(`${m.apis.documenten}/enkelvoudiginformatieobjecten`, {
    bronorganisatie: m.rsin,
    creatiedatum: DateTime.now().setZone('Europe/Amsterdam').toISODate(),
    titel: doc.titel.slice(0, 200),
    auteur: doc.auteur.slice(0, 200),
    taal: 'nld',
    informatieobjecttype,
    vertrouwelijkheidaanduiding: 'vertrouwelijk',
    status: 'definitief',
    bestandsnaam: doc.bestandsnaam,
    formaat: doc.formaat,
    inhoud: doc.inhoud.toString('base64'),
    // Closing the zaak requires a decision on usage rights for every document; ours carry none.
    indicatieGebruiksrecht: false,
  }, ZgwResponses.enkelvoudiginformatieobject);
  await client.post(`${m.apis.zaken}/zaakinformatieobjecten`, { zaak: zaakUrl, informatieobject: eio.url, titel: doc.titel.slice(0, 200) }, ZgwResponses.unread);
  return true;
}

/** The URL of the document linked to the zaak under this title (how attachDocument knows a document), if any. */
export async function documentOfZaak(client: ZgwHttpClient, zaakUrl: string, titel: string): Promise<string | undefined> {
  const linked = await client.get(`${client.municipality.apis.zaken}/zaakinformatieobjecten`, ZgwResponses.zaakinformatieobjecten, { zaak: zaakUrl });
  return linked.find((zio) => zio.titel === titel.slice(0, 200))?.informatieobject;
}

export interface BesluitDates {
  /** Beslisdatum (Awb): when the decision was taken (signed). */
  datum: string;
  verzenddatum: string;
  ingangsdatum: string;
  /** The last day objection (bezwaar) can be made. */
  uiterlijkeReactiedatum: string;
}

/**
 * Records the Awb decision in the Besluiten API (1.0.2 contract; Open Zaak serves 1.1.0, which only
 * adds `expand`), linked to the zaak — the Besluiten API then registers the zaakbesluit in the
 * Zaken API itself. One besluit of this type per zaak.
 */
export async function recordBesluit(client: ZgwHttpClient, zaakUrl: string, besluittype: string, dates: BesluitDates): Promise<boolean> {
  const m = client.municipality;
  if (await besluitOfZaak(client, zaakUrl, besluittype)) return false;
  await client.post(`${m.apis.besluiten}/besluiten`, { verantwoordelijkeOrganisatie: m.rsin, besluittype, zaak: zaakUrl, ...dates }, ZgwResponses.besluit);
  return true;
}

/** The URL of the zaak's besluit of this type (recordBesluit makes one per zaak), if any. */
export async function besluitOfZaak(client: ZgwHttpClient, zaakUrl: string, besluittype: string): Promise<string | undefined> {
  const found = await client.all(`${client.municipality.apis.besluiten}/besluiten`, ZgwResponses.besluit, { zaak: zaakUrl, besluittype });
  return found[0]?.url;
}

/**
 * Records that the besluit is laid down in the document (the decision letter): a
 * besluitinformatieobject in the Besluiten API, which is leading for this relation; the Besluiten
 * API mirrors it into the Documenten API as objectinformatieobject (objectType `besluit`) itself
 * (Documenten 1.4.2: consumers do not call /objectinformatieobjecten). Both must exist first. Once.
 */
export async function linkDocumentToBesluit(client: ZgwHttpClient, besluitUrl: string, documentUrl: string): Promise<boolean> {
  const { besluiten } = client.municipality.apis;
  const existing = await client.get(`${besluiten}/besluitinformatieobjecten`, ZgwResponses.besluitinformatieobjecten, { besluit: besluitUrl, informatieobject: documentUrl });
  if (existing.length) return false;
  await client.post(`${besluiten}/besluitinformatieobjecten`, { informatieobject: documentUrl, besluit: besluitUrl }, ZgwResponses.created);
  return true;
}

/** Sets the resultaat (once) and then the eindstatus, which closes the zaak. */
export async function closeZaak(client: ZgwHttpClient, zaakUrl: string, resultaattype: string, eindstatustype: string): Promise<void> {
  const { zaken } = client.municipality.apis;
  const results = await client.all(`${zaken}/resultaten`, ZgwResponses.unread, { zaak: zaakUrl });
  if (!results.length) await client.post(`${zaken}/resultaten`, { zaak: zaakUrl, resultaattype }, ZgwResponses.unread);
  await setStatus(client, zaakUrl, eindstatustype);
}
