import { AP_MANDATORY_TYPES, ART35_3_CASES, EDPB_CRITERIA } from '../../src/dpia/dpia-criteria';

/** GraphQL documents and form values of the DPIA procedure, named as the people in it act. */
const PROCESSING_FIELDS = `id tenantId name controller purposes legalBasis dataSubjectCategories dataCategories specialCategories recipients
  transfers retention securityMeasures processors processOwner status nextReassessmentAt inUseSince`;
const DPIA_FIELDS = `id reference tenantId processingId instanceId kind status signal ownerAdvice ownerAdvisedBy route complianceFindings team
  questionnaireVersion residualLevel apReference apSubmittedAt apTermEndsAt apTermExtended apAdvice apAnsweredAt processingAllowed completedAt`;

export const SIGNAL_NEW_PROCESSING = `mutation Signal($processing: ProcessingInput!, $signal: String!, $tenantId: String) {
  signalNewProcessing(processing: $processing, signal: $signal, tenantId: $tenantId) { ${DPIA_FIELDS} } }`;

export const DPIA_REPORT_PDF = `query ReportPdf($dpiaId: ID!, $version: Int!) { dpiaReportPdf(dpiaId: $dpiaId, version: $version) { fileName contentType sha256 sizeBytes base64 } }`;

export const DPIA = `query Dpia($id: ID!) { dpia(id: $id) { ${DPIA_FIELDS}
  quickscan { dpiaRequired route routeChosenBy reasoning triggers answers answeredBy }
  answers { version answers answeredBy }
  risks { code title measuresAssessed before { likelihood impact score level } after { likelihood impact score level } }
  measures { id riskCode description owner dueDate status }
  reports { version markdown html heatMapSvg pdfSha256 writtenBy writtenAt }
  fgAdvice { version opinion advice advisedBy followed notFollowedReason revisionRequest decidedBy } } }`;

export const PROCESSING = `query Processing($id: ID!) { processing(id: $id) { ${PROCESSING_FIELDS} dpiaHistory { reference kind status route residualLevel } } }`;

export const REGISTER = `query Register($filter: ProcessingRegisterFilterInput) {
  processingRegister(filter: $filter) { totalCount nodes { ${PROCESSING_FIELDS} } } }`;

export const REGISTER_CSV = `query RegisterCsv($filter: ProcessingRegisterFilterInput) { processingRegisterCsv(filter: $filter) }`;

export const RECORD_RISKS = `mutation Risks($dpiaId: ID!, $risks: [DpiaRiskInput!]!) {
  recordDpiaRisks(dpiaId: $dpiaId, risks: $risks) { code before { level } after { level } } }`;

export const PLAN_MEASURE = `mutation Plan($dpiaId: ID!, $measure: DpiaMeasureInput!) {
  planDpiaMeasure(dpiaId: $dpiaId, measure: $measure) { id riskCode description owner dueDate status } }`;

export const TRACK_MEASURE = `mutation Track($measureId: ID!, $status: String!) { trackDpiaMeasure(measureId: $measureId, status: $status) { id status } }`;

export const START_PROCESSING = `mutation StartProcessing($processingId: ID!) { startProcessing(processingId: $processingId) { id status inUseSince } }`;

/** A processing as the process owner enters it in the verwerkingsregister (art. 30 lid 1 AVG). */
export function aProcessing(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Digitaal aanvragen parkeervergunning',
    controller: 'College van burgemeester en wethouders',
    purposes: 'Verlenen en beheren van parkeervergunningen voor bewoners',
    legalBasis: 'Art. 6 lid 1 sub e AVG; Parkeerverordening',
    dataSubjectCategories: ['Inwoners', 'Bezoekers van inwoners'],
    dataCategories: ['NAW-gegevens', 'Kenteken', 'BSN'],
    specialCategories: [],
    recipients: ['Handhaving parkeren'],
    transfers: null,
    retention: '2 jaar na einde vergunning',
    securityMeasures: 'Toegang op basis van rollen, logging, versleuteling in rust en transport',
    processors: ['Leverancier parkeersysteem'],
    ...overrides,
  };
}

/** The quickscan form with every question answered "nee", except the ones given. */
export function quickscanValues(yes: { edpb?: string[]; ap?: string[]; art35?: string[] } = {}, choice: { pbRoute?: string; pbMotivation?: string } = {}) {
  const values: Record<string, unknown> = {};
  for (const c of EDPB_CRITERIA) values[`edpb_${c.id}`] = (yes.edpb ?? []).includes(c.id);
  for (const t of AP_MANDATORY_TYPES) values[`ap_${t.id}`] = (yes.ap ?? []).includes(t.id);
  for (const c of ART35_3_CASES) values[`art35_${c.id}`] = (yes.art35 ?? []).includes(c.id);
  return { ...values, ...choice };
}

/** The art. 35 lid 7 questionnaire as the DPIA team answers it. */
export const QUESTIONNAIRE_ANSWERS = {
  systematicDescription: 'Inwoners vragen via de website een vergunning aan; het systeem koppelt kenteken en adres.',
  purposes: 'Parkeerdruk beheersen in de binnenstad.',
  necessityProportionality: 'Alleen kenteken en adres zijn nodig; het BSN wordt alleen gebruikt voor de BRP-controle.',
  risksToRights: 'Onbevoegde inzage in verplaatsingsgedrag via scanauto-gegevens.',
  measuresDescription: 'Scanbeelden na 48 uur verwijderen, rolgebaseerde toegang, logging.',
};
