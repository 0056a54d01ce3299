import { DateTime } from 'luxon';
import type { ZgwMunicipalitySettings, ZgwProcessSettings, ZgwSettings } from './zgw-config';
import { ZgwConfigError, ZgwErrorCode } from './zgw-error';
import { ZgwHttpClient, ZgwTransport } from './zgw-http';
import { ZgwResponses } from './zgw-responses';

/** A zaaktype version valid today: what creating a zaak of it needs. */
export interface ResolvedZaaktype {
  url: string;
  identificatie: string;
  vertrouwelijkheidaanduiding: string;
  doorlooptijd: string;
}

/** The bezwaar zaaktype of a process, resolved like the process's own. */
export interface ResolvedBezwaar {
  zaaktype: ResolvedZaaktype;
  /** The statustype with the highest volgnummer of the bezwaar zaaktype: setting it closes the bezwaar zaak. */
  eindstatustype: string;
  /** Decision on the objection → resultaattype URL of the bezwaar zaaktype. */
  resultaattypen: Record<string, string>;
}

/** A process's catalogue items as URLs of the versions valid today. */
export interface ResolvedProcess {
  processKey: string;
  settings: ZgwProcessSettings;
  zaaktype: ResolvedZaaktype;
  statustypen: Record<string, string>;
  /** The statustype with the highest volgnummer: setting it closes the zaak. */
  eindstatustype: string;
  informatieobjecttypen: Record<string, string>;
  resultaattypen: Record<string, string>;
  /** `informatieobjecttypen`: the document types a besluit of this type may be laid down in (Open Zaak refuses a besluitinformatieobject of another type). */
  besluittype?: { url: string; reactietermijn: string | null; informatieobjecttypen: string[] };
  roltypen: Record<string, string>;
  /** Absent when the municipality configured no bezwaar zaaktype for the process. */
  bezwaar?: ResolvedBezwaar;
}

export interface ResolvedMunicipality {
  settings: ZgwMunicipalitySettings;
  processes: Record<string, ResolvedProcess>;
}

export type Problems = ConstructorParameters<typeof ZgwConfigError>[0];

const today = () => DateTime.now().setZone('Europe/Amsterdam').toISODate()!;

function byOmschrijving(
  wanted: Record<string, string>,
  available: { url: string; omschrijving: string }[],
  path: string,
  kind: string,
  problems: Problems,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, omschrijving] of Object.entries(wanted)) {
    const match = available.find((a) => a.omschrijving === omschrijving);
    if (match) out[key] = match.url;
    else problems.push({ code: ZgwErrorCode.CATALOGUE_ITEM_UNKNOWN, path: `${path}.${key}`, message: `${kind} "${omschrijving}" does not exist for this zaaktype` });
  }
  return out;
}

/** The one version of zaaktype `identificatie` valid today, or undefined with the problem recorded at `path`. */
async function zaaktypeValidToday(client: ZgwHttpClient, m: ZgwMunicipalitySettings, identificatie: string, path: string, problems: Problems) {
  const date = today();
  const zaaktypen = await client.all(`${m.apis.catalogi}/zaaktypen`, ZgwResponses.zaaktype, { catalogus: m.catalogus, identificatie, status: 'definitief', datumGeldigheid: date });
  // The API filters on the date already; filter again so a provider that ignores it cannot hand us an expired version.
  const valid = zaaktypen.filter((z) => !z.concept && z.beginGeldigheid <= date && (!z.eindeGeldigheid || z.eindeGeldigheid >= date));
  if (valid.length !== 1) {
    problems.push({
      code: ZgwErrorCode.CATALOGUE_ITEM_UNKNOWN,
      path,
      message: valid.length ? `${valid.length} versions of zaaktype "${identificatie}" are valid today` : `no published zaaktype "${identificatie}" is valid today in ${m.catalogus}`,
    });
    return undefined;
  }
  return valid[0];
}

const resolvedZaaktype = (z: ResolvedZaaktype): ResolvedZaaktype => ({ url: z.url, identificatie: z.identificatie, vertrouwelijkheidaanduiding: z.vertrouwelijkheidaanduiding, doorlooptijd: z.doorlooptijd });

async function eindstatustypeOf(client: ZgwHttpClient, m: ZgwMunicipalitySettings, zaaktype: string, path: string, problems: Problems) {
  const statustypen = await client.all(`${m.apis.catalogi}/statustypen`, ZgwResponses.statustype, { zaaktype });
  const eind = [...statustypen].sort((a, b) => b.volgnummer - a.volgnummer)[0];
  if (!eind) problems.push({ code: ZgwErrorCode.CATALOGUE_ITEM_UNKNOWN, path, message: 'the zaaktype has no statustypen' });
  return { statustypen, eindstatustype: eind?.url ?? '' };
}

/** The bezwaar zaaktype valid today with its eindstatus and the resultaattypen the decisions on objection map to. */
async function resolveBezwaar(client: ZgwHttpClient, m: ZgwMunicipalitySettings, settings: NonNullable<ZgwProcessSettings['bezwaar']>, path: string, problems: Problems): Promise<ResolvedBezwaar | undefined> {
  const zaaktype = await zaaktypeValidToday(client, m, settings.zaaktype, `${path}.zaaktype`, problems);
  if (!zaaktype) return undefined;
  const { eindstatustype } = await eindstatustypeOf(client, m, zaaktype.url, `${path}.zaaktype`, problems);
  const resultaattypen = await client.all(`${m.apis.catalogi}/resultaattypen`, ZgwResponses.resultaattype, { zaaktype: zaaktype.url });
  return {
    zaaktype: resolvedZaaktype(zaaktype),
    eindstatustype,
    resultaattypen: byOmschrijving(settings.resultaattypen, resultaattypen, `${path}.resultaattypen`, 'resultaattype', problems),
  };
}

async function resolveProcess(client: ZgwHttpClient, m: ZgwMunicipalitySettings, key: string, p: ZgwProcessSettings, problems: Problems): Promise<ResolvedProcess | undefined> {
  const path = `municipalities.${m.tenantId}.processes.${key}`;
  const zaaktype = await zaaktypeValidToday(client, m, p.zaaktype, `${path}.zaaktype`, problems);
  if (!zaaktype) return undefined;
  const { statustypen, eindstatustype } = await eindstatustypeOf(client, m, zaaktype.url, `${path}.statustypen`, problems);
  const resultaattypen = await client.all(`${m.apis.catalogi}/resultaattypen`, ZgwResponses.resultaattype, { zaaktype: zaaktype.url });
  const roltypen = await client.all(`${m.apis.catalogi}/roltypen`, ZgwResponses.roltype, { zaaktype: zaaktype.url });
  // The document types a zaak of this type may hold (zrc-017). Not zaaktype.informatieobjecttypen: Catalogi 1.3.1 declares that a string.
  const allowed = new Set((await client.all(`${m.apis.catalogi}/zaaktype-informatieobjecttypen`, ZgwResponses.zaaktypeInformatieobjecttype, { zaaktype: zaaktype.url })).map((z) => z.informatieobjecttype));
  const iots = (await client.all(`${m.apis.catalogi}/informatieobjecttypen`, ZgwResponses.informatieobjecttype, { catalogus: m.catalogus, status: 'definitief' })).filter((i) => allowed.has(i.url));

  let besluittype: ResolvedProcess['besluittype'];
  if (p.besluittype) {
    const found = (await client.all(`${m.apis.catalogi}/besluittypen`, ZgwResponses.besluittype, { catalogus: m.catalogus, zaaktypen: zaaktype.url, status: 'definitief' }))
      .find((b) => b.omschrijving === p.besluittype);
    if (found) besluittype = { url: found.url, reactietermijn: found.reactietermijn ?? null, informatieobjecttypen: found.informatieobjecttypen };
    else problems.push({ code: ZgwErrorCode.CATALOGUE_ITEM_UNKNOWN, path: `${path}.besluittype`, message: `besluittype "${p.besluittype}" does not exist for this zaaktype` });
  }
  const bezwaar = p.bezwaar ? await resolveBezwaar(client, m, p.bezwaar, `${path}.bezwaar`, problems) : undefined;
  return {
    processKey: key,
    settings: p,
    zaaktype: resolvedZaaktype(zaaktype),
    statustypen: byOmschrijving(p.statustypen, statustypen, `${path}.statustypen`, 'statustype', problems),
    eindstatustype,
    informatieobjecttypen: byOmschrijving(p.informatieobjecttypen, iots, `${path}.informatieobjecttypen`, 'informatieobjecttype', problems),
    resultaattypen: byOmschrijving(p.resultaattypen, resultaattypen, `${path}.resultaattypen`, 'resultaattype', problems),
    besluittype,
    roltypen: Object.fromEntries(
      Object.entries(byOmschrijving(p.roltypen, roltypen, `${path}.roltypen`, 'roltype', problems)),
    ),
    ...(bezwaar ? { bezwaar } : {}),
  };
}

/**
 * Looks every configured name up in the municipality's catalogus, once at start. All unknown
 * items are reported together; a catalogue that cannot be reached stops the start as well,
 * because no service task could be performed correctly without it.
 */
export async function resolveCatalogue(settings: ZgwSettings, transport: ZgwTransport = {}): Promise<ResolvedMunicipality[]> {
  const problems: Problems = [];
  const out: ResolvedMunicipality[] = [];
  for (const m of settings.municipalities) {
    const client = new ZgwHttpClient(m, { userId: 'system:zaaksysteem', representation: 'privacyflow' }, transport);
    const processes: Record<string, ResolvedProcess> = {};
    for (const [key, p] of Object.entries(m.processes)) {
      try {
        const resolved = await resolveProcess(client, m, key, p, problems);
        if (resolved) processes[key] = resolved;
      } catch (err) {
        problems.push({ code: ZgwErrorCode.REQUEST_FAILED, path: `municipalities.${m.tenantId}.processes.${key}`, message: (err as Error).message });
      }
    }
    out.push({ settings: m, processes });
  }
  if (problems.length) throw new ZgwConfigError(problems);
  return out;
}
