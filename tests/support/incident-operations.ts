import { COMPLETE, INBOX } from './operations';
import { eventually, TestClient } from './test-platform';

/** GraphQL documents and steps of the incident procedure, named as the people in it act. */
const INCIDENT_FIELDS = `id reference tenantId instanceId status reportedVia reportedBy anonymous whatHappened discoveredAt
  classificationCode proposedImpact impact impactCorrectionReason classifiedBy personalData closedAt closedBy
  evaluationDueAt archivedAt destructionDueAt destroyedAt reportedAt`;

export const REPORT_INCIDENT = `mutation Report($report: IncidentReportInput!, $tenantId: String) {
  reportIncident(report: $report, tenantId: $tenantId) { ${INCIDENT_FIELDS} } }`;

export const REPORT_VIA_INTEGRATION = `mutation ReportVia($report: IntegrationIncidentReportInput!, $tenantId: String) {
  reportIncidentViaIntegration(report: $report, tenantId: $tenantId) { ${INCIDENT_FIELDS} reporterName reporterContact } }`;

export const REGISTER = `query Register($filter: IncidentRegisterFilterInput, $first: Int, $offset: Int) {
  incidentRegister(filter: $filter, first: $first, offset: $offset) { totalCount nodes { ${INCIDENT_FIELDS} } } }`;

const AP_FIELDS = `id status form apNumber submittedAt submittedBy lateReason acknowledgement closedAt closedBy withdrawalReason revision
  markdown html events { kind revision note actor at form }`;

export const INCIDENT = `query Incident($id: ID!) {
  incident(id: $id) { ${INCIDENT_FIELDS}
    breach { incidentId discoveredAt awareAt awarenessSetBy deadlineAt reminderAt overdue
      advice { answers proposal { notifyAp informSubjects reasons } notifyAp informSubjects motivation advisedBy advisedAt }
      decision { notifyAp informSubjects subjectsExemption motivation followsAdvice decidedBy decidedAt }
      apNotification { ${AP_FIELDS} } } } }`;

export const UPDATE_AP_NOTIFICATION = `mutation UpdateAp($incidentId: ID!, $form: ApNotificationFormInput!, $note: String) {
  updateApNotification(incidentId: $incidentId, form: $form, note: $note) { ${AP_FIELDS} } }`;

export const RECORD_AP_ACKNOWLEDGEMENT = `mutation Ack($incidentId: ID!, $acknowledgement: String!) {
  recordApAcknowledgement(incidentId: $incidentId, acknowledgement: $acknowledgement) { id acknowledgement } }`;

const OPEN_TASKS = `query Open($id: ID!) { processInstance(id: $id) { id status activeElementIds openTasks { id elementId } } }`;

/** The open task of the case at this element as `client` sees it (waits for background work). */
export async function openTask(client: TestClient, instanceId: string, elementId: string): Promise<{ id: string; elementId: string }> {
  return eventually(async () => {
    const data = await client.ok(OPEN_TASKS, { id: instanceId });
    return data.processInstance?.openTasks.find((t: any) => t.elementId === elementId);
  });
}

/** What `client` sees open in the case right now. */
export async function openTaskIds(client: TestClient, instanceId: string): Promise<string[]> {
  // The inbox, not processInstance.openTasks: a supervisor (FG, CISO) may read tasks it may not do.
  const data = await client.ok(INBOX, { filter: { instanceId }, first: 100 });
  return data.tasks.edges.map((e: any) => e.node.elementId).sort();
}

/** `client` finds the task in the case and completes it with these form values. */
export async function perform(client: TestClient, instanceId: string, elementId: string, values: Record<string, unknown>) {
  const task = await openTask(client, instanceId, elementId);
  return client.ok(COMPLETE, { id: task.id, values });
}

/** Like perform, but returns the refusal's code (and leaves the task open). */
export async function attempt(client: TestClient, instanceId: string, elementId: string, values: Record<string, unknown>) {
  const task = await openTask(client, instanceId, elementId);
  const result = await client.gql(COMPLETE, { id: task.id, values });
  return result.errors?.[0]?.extensions;
}

export const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

/** A report as an employee writes it (OISZ items j–q). */
export function aReport(overrides: Record<string, unknown> = {}) {
  return {
    whatHappened: 'De pc bij de balie van Burgerzaken start niet meer op.',
    noticedBy: 'Baliemedewerker Burgerzaken',
    occurredAt: hoursAgo(3),
    discoveredAt: hoursAgo(2),
    cause: 'Onbekend; vermoedelijk defecte voeding.',
    discoveryMethod: 'Bij het opstarten in de ochtend.',
    affected: 'Eén werkplek bij de balie; geen gegevens.',
    possibleImpact: 'Eén balie minder beschikbaar voor afspraken.',
    personalDataSuspected: false,
    classificationCode: 'gebruikers.storing-in-pc-of-randapparatuur',
    ...overrides,
  };
}

/** A breach report: a list with citizens' BSNs e-mailed to the wrong external address. */
export function aBreachReport(discoveredHoursAgo: number, overrides: Record<string, unknown> = {}) {
  return aReport({
    whatHappened: 'Een Excel-lijst met naam, adres en BSN van 40 inwoners is per e-mail naar een verkeerde externe ontvanger gestuurd.',
    noticedBy: 'Medewerker Sociaal Domein (afzender)',
    occurredAt: hoursAgo(discoveredHoursAgo + 1),
    discoveredAt: hoursAgo(discoveredHoursAgo),
    cause: 'Verkeerde autoaanvulling van het e-mailadres.',
    discoveryMethod: 'De ontvanger meldde de e-mail terug.',
    affected: 'Persoonsgegevens van 40 inwoners (NAW, BSN).',
    possibleImpact: 'Risico op identiteitsfraude voor de inwoners; reputatieschade.',
    personalDataSuspected: true,
    classificationCode: 'gebruikers.ongeoorloofd-inzien-van-gegevens-bijvoorbeeld-bij-invoer-of-printen',
    ...overrides,
  });
}

/** The FG's answers to the seed's questions for that breach, and an advice to notify and inform. */
export const FG_ADVICE_BSN_LIST = {
  lossOrUnlawfulProcessing: true,
  specialCategories: false,
  sensitiveData: true,
  natureAndScale: 'Vertrouwelijkheid: NAW en BSN van 40 inwoners bij één externe ontvanger.',
  approxDataSubjects: 40,
  vulnerableSubjects: false,
  dataUnintelligible: false,
  likelyConsequences: 'Mogelijke identiteitsfraude met het BSN.',
  adviceNotifyAp: true,
  adviceInformSubjects: true,
  adviceMotivation: 'BSN met NAW: risico op identiteitsfraude; melden en betrokkenen informeren.',
};

/** What the PB fills in on the AP form for that breach. */
export const AP_FORM_BSN_LIST = {
  notifier: { name: 'Privacybeheerder', function: 'Privacybeheerder', phone: '033 000 00 00', email: 'privacy@gemeente.example' },
  contact: { name: 'Functionaris gegevensbescherming BLNP', function: 'FG', phone: '033 000 00 01' },
  natureOfBreach: ['lezen', 'kopieren'],
  incidentTypes: ['verkeerd-geadresseerd'],
  dataCategories: ['naw', 'bsn'],
  subjectGroups: ['inwoners-klanten'],
  consequencesForPersons: ['identiteitsfraude'],
  severity: 'hoog',
  measuresTaken: 'Ontvanger verzocht de e-mail te verwijderen en dat te bevestigen; autoaanvulling uitgezet.',
};

const EVIDENCE_FIELDS = `id number description kind sha256 storageLocation storageMethod holder pendingHolder capturedBy capturedAt
  chain { kind fromPerson toPerson reason storageLocation at }`;

export const INVESTIGATION = `query Investigation($id: ID!) {
  incident(id: $id) { id
    logbook { at source actor text }
    hours { totalHours perPerson { person hours } entries { person workDate hours activity } }
    evidence { ${EVIDENCE_FIELDS} } } }`;

export const ADD_LOG_NOTE = `mutation Note($incidentId: ID!, $text: String!, $occurredAt: DateTimeISO) {
  addIncidentLogNote(incidentId: $incidentId, text: $text, occurredAt: $occurredAt) { at source actor text } }`;

export const RECORD_HOURS = `mutation Hours($incidentId: ID!, $hours: HoursInput!) {
  recordIncidentHours(incidentId: $incidentId, hours: $hours) { person workDate hours activity } }`;

export const REGISTER_EVIDENCE = `mutation Evidence($incidentId: ID!, $item: EvidenceInput!) {
  registerEvidence(incidentId: $incidentId, item: $item) { ${EVIDENCE_FIELDS} } }`;

export const HAND_OVER_EVIDENCE = `mutation HandOver($itemId: ID!, $handOver: EvidenceHandOverInput!) {
  handOverEvidence(itemId: $itemId, handOver: $handOver) { ${EVIDENCE_FIELDS} } }`;

export const CONFIRM_EVIDENCE_RECEIPT = `mutation Receipt($itemId: ID!) { confirmEvidenceReceipt(itemId: $itemId) { ${EVIDENCE_FIELDS} } }`;

const MEASURE_FIELDS = `id description owner dueDate status plannedBy doneNote effectFinding checkedBy`;
export const PLAN_MEASURE = `mutation Plan($incidentId: ID!, $measure: MeasureInput!) { planImprovementMeasure(incidentId: $incidentId, measure: $measure) { ${MEASURE_FIELDS} } }`;
export const MEASURE_DONE = `mutation Done($measureId: ID!, $note: String!) { reportImprovementMeasureDone(measureId: $measureId, note: $note) { ${MEASURE_FIELDS} } }`;
export const CHECK_MEASURE = `mutation Check($measureId: ID!, $effective: Boolean!, $finding: String!) {
  checkImprovementMeasure(measureId: $measureId, effective: $effective, finding: $finding) { ${MEASURE_FIELDS} } }`;
