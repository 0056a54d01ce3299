import fs from 'node:fs';
import { DataSubjectRight, isDataSubjectRight } from '../dsr/request-rights';
import { ZgwConfigError, ZgwErrorCode } from './zgw-error';

/** One process (diagram) mirrored as a zaak: catalogue items by their names in the municipality's catalogus. */
export interface ZgwProcessSettings {
  /** Zaaktype identificatie; the version valid today is looked up in Catalogi. */
  zaaktype: string;
  /** Service task id in the diagram → statustype omschrijving. */
  statustypen: Record<string, string>;
  /** Service task id in the diagram → informatieobjecttype omschrijving of the document it attaches. */
  informatieobjecttypen: Record<string, string>;
  /** Value of the process variable `zgwResultaat` → resultaattype omschrijving. */
  resultaattypen: Record<string, string>;
  /** Besluittype omschrijving, for processes that end in an Awb decision. */
  besluittype?: string;
  /** Role (omschrijvingGeneriek, e.g. behandelaar) → roltype omschrijving. */
  roltypen: Record<string, string>;
  /** A new zaak of this zaaktype in the zaaksysteem starts this process here. */
  startsOnNewZaak: boolean;
  /** How a zaak from the zaaksysteem becomes a data-subject request (process data-subject-request only). */
  requestIntake?: RequestIntakeSettings;
  /**
   * The bezwaar zaak an objection against the process's decision is handled in; without it the
   * diagram's bezwaar steps are skipped (recorded with their reason, nothing sent).
   */
  bezwaar?: ZgwBezwaarSettings;
}

/** An objection (bezwaar) as a zaak of its own, related to the case's zaak. */
export interface ZgwBezwaarSettings {
  /** Identificatie of the bezwaar zaaktype ("Bezwaarschrift behandelen"); the version valid today is looked up in Catalogi. */
  zaaktype: string;
  /** Decision on the objection (the close step's `resultaat`: gegrond, deels_gegrond, …) → resultaattype omschrijving of the bezwaar zaaktype. */
  resultaattypen: Record<string, string>;
}

export interface RequestIntakeSettings {
  /** Name of the zaakeigenschap that says which right is exercised. @default "soortVerzoek" */
  rightEigenschap: string;
  /** Value of that eigenschap → right; the Dutch names of the reference catalogue by default. */
  rights: Record<string, DataSubjectRight>;
  /** The right when the zaak has no such eigenschap (a zaaktype per right). */
  defaultRight?: DataSubjectRight;
  /** Departments asked for their data, as registerDataSubjectRequest takes them. */
  departments: { name: string; candidateGroup?: string }[];
}

/** The values the reference catalogue proposes for the eigenschap soortVerzoek. */
export const DEFAULT_RIGHT_VALUES: Record<string, DataSubjectRight> = {
  inzage: 'access',
  rectificatie: 'rectification',
  wissen: 'erasure',
  beperking: 'restriction',
  overdraagbaarheid: 'portability',
  bezwaar: 'objection',
  'geautomatiseerde besluitvorming': 'automated_decision',
};

export interface ZgwMunicipalitySettings {
  tenantId: string;
  /** RSIN (9 digits) of the municipality: bronorganisatie and verantwoordelijkeOrganisatie. */
  rsin: string;
  apis: { zaken: string; catalogi: string; documenten: string; besluiten?: string; notificaties?: string };
  catalogus: string;
  clientId: string;
  /** Resolved from the environment variable the file names; never stored in the file. */
  secret: string;
  /** The literal Authorization header value the abonnement was registered with. */
  notificationAuth: string;
  processes: Record<string, ZgwProcessSettings>;
}

export interface ZgwSettings {
  /** `bron` of the kenmerk that carries our case id. */
  bron: string;
  municipalities: ZgwMunicipalitySettings[];
}

type Problems = ConstructorParameters<typeof ZgwConfigError>[0];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function rsinValid(rsin: string): boolean {
  if (!/^\d{9}$/.test(rsin)) return false;
  const digits = [...rsin].map(Number);
  const sum = digits.slice(0, 8).reduce((s, d, i) => s + d * (9 - i), 0) - digits[8];
  return sum % 11 === 0;
}

class Reader {
  readonly problems: Problems = [];

  fail(path: string, message: string, code = ZgwErrorCode.CONFIG_INVALID): undefined {
    this.problems.push({ code, path, message });
    return undefined;
  }

  string(obj: Record<string, unknown>, key: string, path: string): string | undefined {
    const v = obj[key];
    if (typeof v !== 'string' || v.trim() === '') return this.fail(`${path}.${key}`, 'required text is missing');
    return v;
  }

  url(obj: Record<string, unknown>, key: string, path: string): string | undefined {
    const v = this.string(obj, key, path);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
    } catch {
      return this.fail(`${path}.${key}`, `"${v}" is not an http(s) URL`);
    }
    return v.replace(/\/+$/, '');
  }

  map(obj: Record<string, unknown>, key: string, path: string, optional = false): Record<string, string> {
    const v = obj[key];
    if (v === undefined && optional) return {};
    if (!isObject(v) || Object.values(v).some((x) => typeof x !== 'string' || x === '')) {
      this.fail(`${path}.${key}`, 'must be an object of non-empty texts');
      return {};
    }
    return v as Record<string, string>;
  }

  unknownKeys(obj: Record<string, unknown>, allowed: string[], path: string): void {
    for (const key of Object.keys(obj)) if (!allowed.includes(key)) this.fail(`${path}.${key}`, 'unknown setting');
  }

  secret(obj: Record<string, unknown>, key: string, path: string, env: NodeJS.ProcessEnv): string | undefined {
    const name = this.string(obj, key, path);
    if (name === undefined) return undefined;
    const value = env[name];
    if (!value) return this.fail(`${path}.${key}`, `environment variable ${name} is not set`, ZgwErrorCode.SECRET_MISSING);
    return value;
  }
}

function readRequestIntake(r: Reader, raw: unknown, path: string): RequestIntakeSettings | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) return r.fail(path, 'must be an object');
  r.unknownKeys(raw, ['rightEigenschap', 'rights', 'defaultRight', 'departments'], path);
  const rights = raw.rights === undefined ? DEFAULT_RIGHT_VALUES : r.map(raw, 'rights', path);
  for (const [value, right] of Object.entries(rights)) if (!isDataSubjectRight(right)) r.fail(`${path}.rights.${value}`, `"${right}" is not a right (access, rectification, erasure, …)`);
  if (raw.defaultRight !== undefined && !isDataSubjectRight(raw.defaultRight)) r.fail(`${path}.defaultRight`, `"${String(raw.defaultRight)}" is not a right`);
  const departments = Array.isArray(raw.departments) ? raw.departments : [];
  if (!departments.length) r.fail(`${path}.departments`, 'name at least one department ({ "name": …, "candidateGroup": … })');
  departments.forEach((d, i) => {
    if (!isObject(d) || typeof d.name !== 'string' || !d.name.trim() || (d.candidateGroup !== undefined && typeof d.candidateGroup !== 'string')) {
      r.fail(`${path}.departments[${i}]`, 'must be { "name": text, "candidateGroup"?: role }');
    }
  });
  return {
    rightEigenschap: typeof raw.rightEigenschap === 'string' && raw.rightEigenschap ? raw.rightEigenschap : 'soortVerzoek',
    rights: rights as Record<string, DataSubjectRight>,
    defaultRight: raw.defaultRight as DataSubjectRight | undefined,
    departments: departments as RequestIntakeSettings['departments'],
  };
}

function readBezwaar(r: Reader, raw: unknown, path: string): ZgwBezwaarSettings | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) return r.fail(path, 'must be an object');
  r.unknownKeys(raw, ['zaaktype', 'resultaattypen'], path);
  const zaaktype = r.string(raw, 'zaaktype', path);
  const resultaattypen = r.map(raw, 'resultaattypen', path);
  return { zaaktype: zaaktype ?? '', resultaattypen };
}

function readProcess(r: Reader, raw: unknown, path: string): ZgwProcessSettings | undefined {
  if (!isObject(raw)) return r.fail(path, 'must be an object');
  r.unknownKeys(raw, ['zaaktype', 'statustypen', 'informatieobjecttypen', 'resultaattypen', 'besluittype', 'roltypen', 'startsOnNewZaak', 'requestIntake', 'bezwaar'], path);
  const zaaktype = r.string(raw, 'zaaktype', path);
  if (raw.besluittype !== undefined && (typeof raw.besluittype !== 'string' || raw.besluittype === '')) r.fail(`${path}.besluittype`, 'must be a non-empty text');
  if (raw.startsOnNewZaak !== undefined && typeof raw.startsOnNewZaak !== 'boolean') r.fail(`${path}.startsOnNewZaak`, 'must be true or false');
  const settings = {
    zaaktype: zaaktype ?? '',
    statustypen: r.map(raw, 'statustypen', path),
    informatieobjecttypen: r.map(raw, 'informatieobjecttypen', path, true),
    resultaattypen: r.map(raw, 'resultaattypen', path),
    besluittype: typeof raw.besluittype === 'string' ? raw.besluittype : undefined,
    roltypen: r.map(raw, 'roltypen', path, true),
    startsOnNewZaak: raw.startsOnNewZaak === true,
    requestIntake: readRequestIntake(r, raw.requestIntake, `${path}.requestIntake`),
    bezwaar: readBezwaar(r, raw.bezwaar, `${path}.bezwaar`),
  };
  return settings;
}

function readMunicipality(r: Reader, tenantId: string, raw: unknown, env: NodeJS.ProcessEnv): ZgwMunicipalitySettings | undefined {
  const path = `municipalities.${tenantId}`;
  if (!isObject(raw)) return r.fail(path, 'must be an object');
  r.unknownKeys(raw, ['rsin', 'apis', 'catalogus', 'clientId', 'secretEnv', 'notificationAuthEnv', 'processes'], path);
  const rsin = r.string(raw, 'rsin', path);
  if (rsin !== undefined && !rsinValid(rsin)) r.fail(`${path}.rsin`, `"${rsin}" is not a valid RSIN (9 digits, elfproef)`);
  const apisRaw = isObject(raw.apis) ? raw.apis : (r.fail(`${path}.apis`, 'must be an object'), {});
  r.unknownKeys(apisRaw, ['zaken', 'catalogi', 'documenten', 'besluiten', 'notificaties'], `${path}.apis`);
  const apis = {
    zaken: r.url(apisRaw, 'zaken', `${path}.apis`) ?? '',
    catalogi: r.url(apisRaw, 'catalogi', `${path}.apis`) ?? '',
    documenten: r.url(apisRaw, 'documenten', `${path}.apis`) ?? '',
    besluiten: apisRaw.besluiten === undefined ? undefined : r.url(apisRaw, 'besluiten', `${path}.apis`),
    notificaties: apisRaw.notificaties === undefined ? undefined : r.url(apisRaw, 'notificaties', `${path}.apis`),
  };
  const processes: Record<string, ZgwProcessSettings> = {};
  if (!isObject(raw.processes) || Object.keys(raw.processes).length === 0) r.fail(`${path}.processes`, 'name at least one process');
  else {
    for (const [key, value] of Object.entries(raw.processes)) {
      const p = readProcess(r, value, `${path}.processes.${key}`);
      if (p) processes[key] = p;
      if (p?.besluittype && !apis.besluiten) r.fail(`${path}.apis.besluiten`, `process ${key} records a besluit, so the Besluiten API URL is required`);
    }
  }
  return {
    tenantId,
    rsin: rsin ?? '',
    apis,
    catalogus: r.url(raw, 'catalogus', path) ?? '',
    clientId: r.string(raw, 'clientId', path) ?? '',
    secret: r.secret(raw, 'secretEnv', path, env) ?? '',
    notificationAuth: r.secret(raw, 'notificationAuthEnv', path, env) ?? '',
    processes,
  };
}

/** Parses and checks the file's shape; secrets come from the environment variables it names. */
export function parseZgwSettings(raw: unknown, env: NodeJS.ProcessEnv): ZgwSettings {
  const r = new Reader();
  if (!isObject(raw)) throw new ZgwConfigError([{ code: ZgwErrorCode.CONFIG_INVALID, path: '(file)', message: 'must be a JSON object' }]);
  r.unknownKeys(raw, ['bron', 'municipalities'], '(file)');
  const bron = raw.bron === undefined ? 'privacyflow' : r.string(raw, 'bron', '(file)') ?? '';
  if (bron.length > 40) r.fail('bron', 'at most 40 characters (kenmerk.bron)');
  const municipalities: ZgwMunicipalitySettings[] = [];
  if (!isObject(raw.municipalities) || Object.keys(raw.municipalities).length === 0) r.fail('municipalities', 'name at least one municipality (tenant id)');
  else for (const [tenantId, value] of Object.entries(raw.municipalities)) {
    const m = readMunicipality(r, tenantId, value, env);
    if (m) municipalities.push(m);
  }
  if (r.problems.length) throw new ZgwConfigError(r.problems);
  return { bron, municipalities };
}

export function loadZgwSettings(file: string, env: NodeJS.ProcessEnv = process.env): ZgwSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ZgwConfigError([{ code: ZgwErrorCode.CONFIG_UNREADABLE, path: file, message: (err as Error).message }]);
  }
  return parseZgwSettings(raw, env);
}
