/**
 * Where the platform keeps data that may be about a data subject (a citizen who asked, reported or
 * is named), per table: how a row belongs to a case, which columns may hold such data, and how the
 * row may change. Searching (export), erasing and the completeness test all read this one map; a
 * new text or jsonb column anywhere fails tests/integration/personal-data-map.test.ts until it is
 * listed here or in NO_DATA_SUBJECT_DATA with the reason.
 */

/**
 * update: rows may be rewritten; replace: UPDATE is refused by a trigger (append-only) but the row
 * may be deleted, so it is rewritten as delete + insert with the same id; immutable: neither (the
 * law's documentation of a breach), so a person named there holds the erasure back.
 */
export type ChangeMode = 'update' | 'replace' | 'immutable';

export interface CaseTable {
  table: string;
  /** Primary key columns, to write a row back. */
  key: string[];
  /** FROM clause; the table itself is aliased `t`. */
  from: string;
  /** SQL expressions for the case (process instance id) and municipality a row belongs to. */
  instanceId: string;
  tenantId: string;
  /** Text columns that may hold a data subject's data. */
  text: string[];
  /** jsonb columns that may hold a data subject's data (string values inside are searched and redacted). */
  json: string[];
  change: ChangeMode;
  /** Columns left out of the export because they repeat another one (the engine state repeats the variables). */
  notExported?: string[];
  /** How the export names the rows of this table. */
  label: string;
  /**
   * Columns rendered from the text columns (a letter's PDF and its hash). A PDF cannot be redacted
   * in place, so when the row is rewritten these are cleared: the redacted text is what remains.
   */
  derived?: string[];
}

const viaIncident = (table: string, extra = '') => `${table} t ${extra} JOIN incident i ON i.id = ${extra ? 'x' : 't'}.incident_id`;
const viaBreach = (table: string) => `${table} t JOIN breach b ON b.id = t.breach_id JOIN incident i ON i.id = b.incident_id`;
const viaDpia = (table: string) => `${table} t JOIN dpia d ON d.id = t.dpia_id`;

export const CASE_TABLES: readonly CaseTable[] = [
  // The process runtime: form answers become variables; the engine state and performed service calls copy them.
  { table: 'process_instance', key: ['id'], from: 'process_instance t', instanceId: 't.id', tenantId: 't.tenant_id', text: ['failure'], json: ['variables', 'state'], change: 'update', notExported: ['state', 'failure'], label: 'zaakvariabelen' },
  { table: 'user_task', key: ['id'], from: 'user_task t', instanceId: 't.instance_id', tenantId: 't.tenant_id', text: [], json: ['output', 'local_variables'], change: 'update', label: 'taakantwoorden' },
  { table: 'outbox_message', key: ['id'], from: 'outbox_message t', instanceId: 't.instance_id', tenantId: 't.tenant_id', text: ['last_error'], json: ['payload'], change: 'update', notExported: ['payload', 'last_error'], label: 'serviceaanroepen' },
  // Data-subject requests.
  { table: 'dsr_request', key: ['id'], from: 'dsr_request t', instanceId: 't.instance_id', tenantId: 't.tenant_id', text: ['verbatim_text', 'motivation'], json: ['requester', 'representative', 'decision_content', 'extension', 'objection'], change: 'update', label: 'verzoek' },
  { table: 'dsr_letter', key: ['id'], from: 'dsr_letter t JOIN dsr_request r ON r.id = t.request_id', instanceId: 'r.instance_id', tenantId: 'r.tenant_id', text: ['markdown', 'html'], json: [], change: 'update', notExported: ['html'], label: 'brieven', derived: ['pdf', 'pdf_sha256'] },
  // Incidents and breaches.
  {
    table: 'incident', key: ['id'], from: 'incident t', instanceId: 't.instance_id', tenantId: 't.tenant_id',
    text: ['reporter_name', 'reporter_contact', 'what_happened', 'noticed_by', 'cause', 'discovery_method', 'affected', 'possible_impact', 'impact_correction_reason', 'closure_summary'],
    json: [], change: 'update', label: 'incidentmelding',
  },
  { table: 'incident_log_entry', key: ['id'], from: viaIncident('incident_log_entry'), instanceId: 'i.instance_id', tenantId: 'i.tenant_id', text: ['text'], json: [], change: 'replace', label: 'logboek' },
  { table: 'incident_time_entry', key: ['id'], from: viaIncident('incident_time_entry'), instanceId: 'i.instance_id', tenantId: 'i.tenant_id', text: ['activity'], json: [], change: 'replace', label: 'uren' },
  { table: 'evidence_item', key: ['id'], from: viaIncident('evidence_item'), instanceId: 'i.instance_id', tenantId: 'i.tenant_id', text: ['description', 'storage_location', 'storage_method'], json: [], change: 'update', label: 'bewijsmateriaal' },
  {
    table: 'evidence_custody_event', key: ['id'], from: viaIncident('evidence_custody_event', 'JOIN evidence_item x ON x.id = t.item_id'),
    instanceId: 'i.instance_id', tenantId: 'i.tenant_id', text: ['reason', 'storage_location'], json: [], change: 'replace', label: 'bewaarketen',
  },
  {
    // The file itself (bytea) is not searched: a scan or a photo cannot be redacted; it goes with the case file.
    table: 'evidence_content', key: ['item_id'], from: viaIncident('evidence_content', 'JOIN evidence_item x ON x.id = t.item_id'),
    instanceId: 'i.instance_id', tenantId: 'i.tenant_id', text: ['file_name'], json: [], change: 'replace', label: 'bewijsbestanden',
  },
  { table: 'improvement_measure', key: ['id'], from: viaIncident('improvement_measure'), instanceId: 'i.instance_id', tenantId: 'i.tenant_id', text: ['description', 'done_note', 'effect_finding'], json: [], change: 'update', label: 'verbetermaatregelen' },
  { table: 'ap_notification', key: ['id'], from: viaBreach('ap_notification'), instanceId: 'i.instance_id', tenantId: 'i.tenant_id', text: ['late_reason', 'acknowledgement', 'withdrawal_reason'], json: ['form'], change: 'update', label: 'melding AP' },
  { table: 'breach_advice', key: ['id'], from: viaBreach('breach_advice'), instanceId: 'i.instance_id', tenantId: 'i.tenant_id', text: ['motivation'], json: ['answers', 'proposal'], change: 'immutable', label: 'advies FG' },
  { table: 'breach_decision', key: ['id'], from: viaBreach('breach_decision'), instanceId: 'i.instance_id', tenantId: 'i.tenant_id', text: ['subjects_exemption', 'motivation'], json: [], change: 'immutable', label: 'besluit melding' },
  {
    table: 'ap_notification_event', key: ['id'], from: 'ap_notification_event t JOIN ap_notification n ON n.id = t.notification_id JOIN breach b ON b.id = n.breach_id JOIN incident i ON i.id = b.incident_id',
    instanceId: 'i.instance_id', tenantId: 'i.tenant_id', text: ['note'], json: ['form'], change: 'immutable', label: 'geschiedenis melding AP',
  },
  // DPIAs: normally about a processing, not a person; a citizen may still be named in a text.
  { table: 'dpia', key: ['id'], from: 'dpia t', instanceId: 't.instance_id', tenantId: 't.tenant_id', text: ['signal', 'owner_advice', 'compliance_findings', 'ap_advice'], json: ['quickscan'], change: 'update', label: 'DPIA' },
  { table: 'dpia_answers', key: ['dpia_id', 'version'], from: viaDpia('dpia_answers'), instanceId: 'd.instance_id', tenantId: 'd.tenant_id', text: [], json: ['answers'], change: 'update', label: 'DPIA-vragenlijst' },
  { table: 'dpia_risk', key: ['dpia_id', 'code'], from: viaDpia('dpia_risk'), instanceId: 'd.instance_id', tenantId: 'd.tenant_id', text: ['title'], json: [], change: 'update', label: 'DPIA-risico’s' },
  { table: 'dpia_measure', key: ['id'], from: viaDpia('dpia_measure'), instanceId: 'd.instance_id', tenantId: 'd.tenant_id', text: ['description'], json: [], change: 'update', label: 'DPIA-maatregelen' },
  { table: 'dpia_report', key: ['dpia_id', 'version'], from: viaDpia('dpia_report'), instanceId: 'd.instance_id', tenantId: 'd.tenant_id', text: ['markdown', 'html'], json: [], change: 'update', notExported: ['html'], label: 'DPIA-rapport', derived: ['pdf', 'pdf_sha256'] },
  { table: 'dpia_fg_advice', key: ['dpia_id', 'version'], from: viaDpia('dpia_fg_advice'), instanceId: 'd.instance_id', tenantId: 'd.tenant_id', text: ['advice', 'not_followed_reason', 'revision_request'], json: [], change: 'update', label: 'DPIA-advies FG' },
];

const STAFF = 'usernames of staff acting in their role: kept for accountability (art. 5(2), 24 and 32 AVG), not a data subject of the case';
const CODES = 'codes, statuses, ids, hashes or technical names';

/** Text, jsonb and array columns that hold no data subject's personal data, and why. */
export const NO_DATA_SUBJECT_DATA: Readonly<Record<string, { columns: readonly string[]; why: string }[]>> = {
  audit_entry: [
    { columns: ['tenant_id', 'action', 'prev_hash', 'hash', 'request_id'], why: CODES },
    { columns: ['actor', 'actor_roles', 'role_used', 'client_address'], why: `${STAFF}; the client address is the employee's workstation or the integration` },
    { columns: ['details'], why: 'ids, codes and field names only; a person appears only as a pseudonym whose link (person_pseudonym) is deleted on erasure' },
  ],
  audit_chain_head: [{ columns: ['tenant_id', 'last_hash'], why: CODES }],
  case_retention: [{ columns: ['tenant_id', 'case_type', 'process_key', 'reference', 'end_event_id', 'removal_reason'], why: `${CODES}; the reference is the case number` }],
  person_pseudonym: [{ columns: ['tenant_id', 'lookup_hash', 'pseudonym'], why: 'keyed hashes and random pseudonyms; the rows themselves are the link and are deleted on erasure' }],
  pseudonym_key: [{ columns: ['tenant_id', 'key'], why: 'random keys' }],
  migrations: [{ columns: ['name'], why: CODES }],
  process_definition: [{ columns: ['process_key', 'name', 'xml', 'xml_sha256', 'model'], why: 'the deployed diagrams, no case data' }, { columns: ['deployed_by'], why: STAFF }],
  process_instance: [
    { columns: ['tenant_id', 'participating_tenants', 'process_key', 'business_key', 'status', 'active_element_ids', 'waiting_messages', 'engine_version'], why: CODES },
    { columns: ['started_by'], why: `${STAFF} (or the integration that started it)` },
  ],
  user_task: [
    { columns: ['tenant_id', 'process_key', 'business_key', 'element_id', 'execution_id', 'name', 'candidate_groups', 'status', 'separate_from'], why: CODES },
    { columns: ['candidate_users', 'assignee', 'completed_by'], why: STAFF },
  ],
  instance_event: [{ columns: ['element_id', 'element_type', 'kind'], why: CODES }, { columns: ['actor'], why: STAFF }],
  timer_job: [{ columns: ['execution_id', 'element_id'], why: CODES }],
  timer_start_job: [{ columns: ['process_key', 'element_id'], why: CODES }],
  outbox_message: [{ columns: ['tenant_id', 'service', 'dedupe_key', 'status', 'skip_reason'], why: `${CODES}; the skip reason is a fixed text of the handler` }],
  notification: [
    { columns: ['tenant_id', 'case_reference', 'process_key', 'element_id', 'kind', 'title', 'recipient_kind'], why: `${CODES}; the title is a fixed text per diagram step (notification-plans.ts), the reference the case number` },
    { columns: ['recipient', 'read_by'], why: `${STAFF} (or a role name)` },
  ],
  zaak_link: [{ columns: ['tenant_id', 'process_key', 'kind', 'zaak_url'], why: 'the zaak in the zaaksysteem (a URL with a uuid) and which of the case\'s zaken it is' }],
  zgw_notification: [{ columns: ['id', 'tenant_id', 'outcome'], why: CODES }],
  dsr_request: [
    { columns: ['tenant_id', 'reference', 'status', 'right', 'channel', 'identity_method', 'outcome', 'grounds', 'suspensions', 'legal_deadline'], why: `${CODES}, dates and the legal clock` },
    { columns: ['processings', 'departments'], why: 'names of processings and departments' },
    { columns: ['registered_by', 'identity_checked_by', 'decided_by', 'signed_by', 'signer_name', 'signer_function'], why: `${STAFF} (the signer's name and function as printed)` },
  ],
  dsr_letter: [{ columns: ['kind', 'pdf_sha256'], why: CODES }, { columns: ['created_by'], why: STAFF }],
  incident: [
    { columns: ['tenant_id', 'reference', 'status', 'reported_via', 'classification_table', 'classification_code', 'proposed_impact', 'impact'], why: CODES },
    { columns: ['reported_by', 'classified_by', 'closed_by'], why: `${STAFF}; reported_by is the employee who reported in their role` },
  ],
  incident_log_entry: [{ columns: ['tenant_id', 'kind'], why: CODES }, { columns: ['recorded_by'], why: STAFF }],
  incident_time_entry: [{ columns: ['tenant_id'], why: CODES }, { columns: ['person'], why: STAFF }],
  evidence_item: [{ columns: ['tenant_id', 'kind', 'sha256'], why: CODES }, { columns: ['holder', 'pending_holder', 'captured_by'], why: STAFF }],
  evidence_custody_event: [{ columns: ['tenant_id', 'kind'], why: CODES }, { columns: ['from_person', 'to_person'], why: STAFF }],
  evidence_content: [{ columns: ['tenant_id', 'media_type'], why: CODES }],
  improvement_measure: [{ columns: ['tenant_id', 'status'], why: CODES }, { columns: ['owner', 'planned_by', 'checked_by'], why: STAFF }],
  breach: [{ columns: ['tenant_id'], why: CODES }, { columns: ['awareness_set_by'], why: STAFF }],
  breach_advice: [{ columns: ['tenant_id'], why: CODES }, { columns: ['advised_by'], why: STAFF }],
  breach_decision: [{ columns: ['tenant_id'], why: CODES }, { columns: ['decided_by'], why: STAFF }],
  ap_notification: [{ columns: ['tenant_id', 'status', 'ap_number'], why: CODES }, { columns: ['submitted_by', 'closed_by'], why: STAFF }],
  ap_notification_event: [{ columns: ['tenant_id', 'kind'], why: CODES }, { columns: ['actor'], why: STAFF }],
  processing: [
    { columns: ['tenant_id', 'status', 'name', 'controller', 'purposes', 'legal_basis', 'data_subject_categories', 'data_categories', 'special_categories', 'recipients', 'transfers', 'retention', 'security_measures', 'processors'], why: 'the verwerkingsregister: describes processings, not people' },
    { columns: ['process_owner'], why: STAFF },
  ],
  dpia: [{ columns: ['tenant_id', 'reference', 'kind', 'status', 'route', 'residual_level', 'ap_reference'], why: CODES }, { columns: ['owner_advised_by', 'team', 'started_by'], why: STAFF }],
  dpia_answers: [{ columns: ['answered_by'], why: STAFF }],
  dpia_fg_advice: [{ columns: ['opinion'], why: CODES }, { columns: ['advised_by', 'decided_by'], why: STAFF }],
  dpia_measure: [{ columns: ['risk_code', 'status'], why: CODES }, { columns: ['owner', 'updated_by'], why: STAFF }],
  dpia_report: [{ columns: ['heat_map_svg'], why: 'a drawing of risk codes' }, { columns: ['pdf_sha256'], why: CODES }, { columns: ['written_by'], why: STAFF }],
  dpia_risk: [{ columns: ['code'], why: CODES }, { columns: ['recorded_by'], why: STAFF }],
};

export const tableOf = (name: string): CaseTable => {
  const table = CASE_TABLES.find((t) => t.table === name);
  if (!table) throw new Error(`${name} is not in the personal data map`);
  return table;
};
