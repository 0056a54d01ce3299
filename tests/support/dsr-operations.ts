import { TestClient } from './test-platform';

/** GraphQL documents and steps of the data-subject request procedure (BLNP Bijlage 5), named as the people in it act. */
const DAY = `nominalDate date dueAt passedOver`;
export const DSR_FIELDS = `id reference tenantId instanceId status right channel receivedAt verbatimText
  requester { name bsn postalAddress email } representative { name capacity authorisationProvided } processings
  departments { name candidateGroup } registeredBy identityVerified identityMethod identityCheckedBy identityCheckedAt repairDueAt
  legalDeadline { receivedOn suspendedDays daysLeft firstMonth { ${DAY} } deadline { ${DAY} } }
  extension { months reasons motivation sentAt } outcome grounds motivation decidedBy signedBy signerName signerFunction sentAt sentOnTime objectionDeadline
  objection { receivedAt postedAt basis deadline decisionDueOn outcome motivation decidedBy }
  letters { id kind markdown html createdBy createdAt pdfSha256 }`;

export const REGISTER_REQUEST = `mutation Register($request: DataSubjectRequestInput!, $tenantId: String) {
  registerDataSubjectRequest(request: $request, tenantId: $tenantId) { ${DSR_FIELDS} } }`;

export const REQUEST = `query Request($id: ID!) { dataSubjectRequest(id: $id) { ${DSR_FIELDS} } }`;

export const LETTER_PDF = `query LetterPdf($letterId: ID!) { dataSubjectRequestLetterPdf(letterId: $letterId) { fileName contentType sha256 sizeBytes base64 } }`;

export const ME = `query Me { me { userId displayName } }`;

export const REQUESTS = `query Requests($filter: DataSubjectRequestFilterInput) {
  dataSubjectRequests(filter: $filter) { totalCount nodes { reference status right legalDeadline { daysLeft deadline { date } } } } }`;

export const REQUESTS_CSV = `query Csv($filter: DataSubjectRequestFilterInput) { dataSubjectRequestsCsv(filter: $filter) }`;

export const FIGURES = `query Figures($year: Int!, $tenantId: String) {
  dataSubjectRequestFigures(year: $year, tenantId: $tenantId) { year received perRight { right count } decided decidedOnTime extended medianHandlingDays } }`;

export const REGISTER_OBJECTION = `mutation Objection($requestId: ID!, $objection: ObjectionInput!) {
  registerObjection(requestId: $requestId, objection: $objection) { ${DSR_FIELDS} } }`;

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
export const dayAgo = (days: number) => daysAgo(days).slice(0, 10);

/** An access request as the front office registers it from a letter. */
export function anAccessRequest(overrides: Record<string, unknown> = {}) {
  return {
    right: 'access',
    channel: 'post',
    receivedAt: daysAgo(3),
    verbatimText: 'Geacht college,\nIk wil graag weten welke persoonsgegevens de gemeente van mij verwerkt.\nMet vriendelijke groet, J. de Vries',
    requester: { name: 'J. de Vries', postalAddress: 'Dorpsstraat 1, 3881 AA Putten', email: 'j.devries@example.nl' },
    processings: ['Basisregistratie Personen', 'Parkeervergunningen'],
    departments: [{ name: 'Burgerzaken', candidateGroup: 'afdelingsmanager' }],
    ...overrides,
  };
}

/** The people of one municipality who act in the procedure. */
export interface DsrStaff {
  frontOffice: TestClient;
  pb: TestClient;
  jurist: TestClient;
  manager: TestClient;
  employee: TestClient;
}

export async function staffOf(platform: Parameters<typeof TestClient.as>[0], municipality: string): Promise<DsrStaff> {
  return {
    frontOffice: await TestClient.as(platform, `medewerker.${municipality}`),
    pb: await TestClient.as(platform, `privacybeheerder.${municipality}`),
    jurist: await TestClient.as(platform, `jurist.${municipality}`),
    manager: await TestClient.as(platform, `afdelingsmanager.${municipality}`),
    employee: await TestClient.as(platform, `medewerker2.${municipality}`),
  };
}

/** `by` registers an access request (anAccessRequest with these changes); the front office, unless a test says otherwise. */
export async function registerRequest(by: TestClient, overrides: Record<string, unknown> = {}) {
  return (await by.ok(REGISTER_REQUEST, { request: anAccessRequest(overrides) })).registerDataSubjectRequest;
}

/** The request as the privacybeheerder reads it. */
export async function readRequest(staff: DsrStaff, id: string) {
  return (await staff.pb.ok(REQUEST, { id })).dataSubjectRequest;
}

/** The PrepareDecision form of an access request granted in full, as the department drafts it. */
export function anAccessGrant(overrides: Record<string, unknown> = {}) {
  return {
    uitkomst: 'granted',
    motivering: 'U heeft recht op inzage in uw persoonsgegevens (artikel 15 AVG).',
    verstrekteGegevens: 'Naam, adres en geboortedatum uit de BRP.',
    categorieen: 'NAW-gegevens',
    doeleinden: 'Bijhouden van de BRP.',
    ontvangers: 'Afnemers van de BRP volgens de Wet BRP.',
    bewaartermijn: 'Zolang u in de gemeente woont.',
    ...overrides,
  };
}

/** The text of a letter of the request, as Markdown. */
export const letterOf = (request: any, kind: string): string => request.letters.find((l: any) => l.kind === kind)?.markdown;
