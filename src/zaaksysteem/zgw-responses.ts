import { z } from 'zod';

/** The shape of a response: what the platform reads from it (zod; unknown fields pass, as the APIs add fields in minor versions). */
export type ResponseShape<T> = z.ZodType<T>;

/** An absolute http(s) URL: how every ZGW resource and reference is identified. */
export const url = z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');
const string = z.string();
const integer = z.number().int();
const boolean = z.boolean();
/** Extra fields pass: an API adds fields in a minor version, and the platform reads only these. */
const object = <S extends z.ZodRawShape>(shape: S) => z.looseObject(shape);
const arrayOf = <T extends z.ZodType>(item: T) => z.array(item);
/** Absent, or null (Open Zaak's unset date), or of the shape. */
const optional = <T extends z.ZodType>(shape: T) => shape.nullish();
/** For a response the platform does not read, or a list whose items it only counts. */
const anything = z.unknown();

/** One line per problem, named by its path in the body (`results[0].volgnummer: required`); empty when it fits. */
export function problemsOf(shape: z.ZodType, body: unknown): string[] {
  const result = shape.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const at = issue.path.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key)), '') || '(body)';
    const value = issue.path.reduce<any>((v, key) => (v == null ? undefined : v[key as any]), body);
    return `${at}: ${issue.code === 'invalid_type' && value === undefined && issue.path.length ? 'required' : issue.message.replace(/^Invalid input: /, '')}`;
  });
}

/**
 * What the platform reads from each ZGW response, one shape per response (list shapes describe one
 * item of the list). A field is here only when code reads it; `url` is here for every resource whose
 * URL is kept or passed on. Field names and types follow Catalogi 1.3.1, Zaken 1.5.1, Documenten
 * 1.4.2, Besluiten 1.0.2 and Notificaties 1.0.0.
 */
export const ZgwResponses = {
  // ---- Catalogi: resolved once at start ----
  zaaktype: object({
    url,
    identificatie: string,
    concept: boolean,
    beginGeldigheid: string,
    eindeGeldigheid: optional(string),
    vertrouwelijkheidaanduiding: string,
    doorlooptijd: string,
  }),
  statustype: object({ url, omschrijving: string, volgnummer: integer }),
  resultaattype: object({ url, omschrijving: string }),
  roltype: object({ url, omschrijving: string }),
  zaaktypeInformatieobjecttype: object({ informatieobjecttype: url }),
  informatieobjecttype: object({ url, omschrijving: string }),
  /** Its informatieobjecttypen: the document types a besluit of this type may be laid down in (checked against the link step at start). */
  besluittype: object({ url, omschrijving: string, reactietermijn: optional(string), informatieobjecttypen: arrayOf(url) }),

  // ---- Zaken ----
  /** A zaak found by the look-up before creating, by reconciliation or from a notification: our kenmerk says whose it is. */
  zaak: object({
    url,
    einddatum: optional(string),
    kenmerken: optional(arrayOf(object({ kenmerk: string, bron: string }))),
  }),
  created: object({ url }),
  /** A zaak from the zaaksysteem that may become a request here (request intake). */
  zaakForIntake: object({
    identificatie: optional(string),
    omschrijving: optional(string),
    toelichting: optional(string),
    registratiedatum: optional(string),
    startdatum: string,
  }),
  rol: object({
    omschrijvingGeneriek: string,
    betrokkeneType: string,
    betrokkeneIdentificatie: optional(
      object({
        inpBsn: optional(string),
        voornamen: optional(string),
        voorletters: optional(string),
        voorvoegselGeslachtsnaam: optional(string),
        geslachtsnaam: optional(string),
        geboortedatum: optional(string),
        verblijfsadres: optional(
          object({
            gorOpenbareRuimteNaam: optional(string),
            aoaHuisnummer: optional(integer),
            aoaHuisletter: optional(string),
            aoaHuisnummertoevoeging: optional(string),
            aoaPostcode: optional(string),
            wplWoonplaatsNaam: optional(string),
          }),
        ),
      }),
    ),
    contactpersoonRol: optional(object({ emailadres: optional(string) })),
  }),
  zaakeigenschap: object({ naam: string, waarde: string }),
  /** Zaken 1.5.1 answers /zaakinformatieobjecten unpaginated. */
  zaakinformatieobjecten: arrayOf(object({ url, informatieobject: url, titel: string })),
  /** A response the platform does not read (a created status), or a list whose items it only counts. */
  unread: anything,

  // ---- Documenten ----
  enkelvoudiginformatieobject: object({ url }),

  // ---- Besluiten (1.0.x answers /besluitinformatieobjecten unpaginated) ----
  besluit: object({ url }),
  besluitinformatieobjecten: arrayOf(object({ url, besluit: url, informatieobject: url })),

  // ---- Notificaties ----
  abonnement: object({ url }),
};
