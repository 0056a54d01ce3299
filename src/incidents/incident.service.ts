import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import {
  canCoordinateMeasures,
  canKeepLogbook,
  canReadEvidence,
  canReadIncidentRegister,
  canRecordHours,
  canRegisterEvidence,
  canReportIncident,
  canReportViaIntegration,
} from '../identity/access-policy';
import { appendAudit } from '../workflow/audit-trail';
import { confirmEvidenceReceipt, EvidenceInput, evidenceOf, handOverEvidence, lockEvidence, registerEvidence } from './evidence-register';
import { HoursInput, hoursOf, recordHours } from './incident-hours';
import { checkMeasureEffect, completeMeasure, lockMeasure, MeasureInput, measuresOf, planMeasure } from './improvement-measures';
import { logEvent, logNote, readLogbook } from './logbook';
import { IncidentEntity } from '../persistence/entities';
import { isUuid } from '../workflow/ids';
import { resolveTenant } from '../workflow/process-starter';
import type { WorkflowService } from '../workflow/workflow-service';
import { CLASSIFICATION_TABLE } from './classification-table';
import { IncidentError, IncidentErrorCode } from './incident-error';
import { INCIDENT_PROCESS_KEY } from './incident-process';
import { listRegister, nextReference, RegisterFilter } from './incident-register';
import { checkReport, IncidentReport, proposalForReport } from './incident-report';
import { exportRegisterCsv } from './register-export';

/** A report arriving through an integration (zaaksysteem, web form, supplier). */
export interface IntegrationReport extends IncidentReport {
  /** The employee on whose behalf the report is made; becomes `reportedBy`. */
  onBehalfOf?: string | null;
  reporterName?: string | null;
  reporterContact?: string | null;
  /** An anonymous reporter leaves no name or contact. */
  anonymous?: boolean | null;
}

/** What the investigation records need to know of an incident. */
export type IncidentRef = Pick<IncidentEntity, 'id' | 'tenantId' | 'instanceId'>;

const forbidden = (what: string) => new IncidentError(IncidentErrorCode.FORBIDDEN, `you may not ${what}`);

/** Reporting incidents and the incident register. */
export class IncidentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: WorkflowService,
  ) {}

  /** An employee reports a (suspected) incident of their municipality (BLNP steps 1–3). */
  async report(actor: Actor, report: IncidentReport, tenantId?: string | null): Promise<IncidentEntity> {
    const tenant = resolveTenant(actor, tenantId);
    if (!canReportIncident(actor, tenant)) throw forbidden('report incidents for this municipality');
    return this.start(actor, tenant, report, { reportedVia: 'employee', reportedBy: actor.userId, anonymous: false });
  }

  /** An integration reports for an employee, an outsider or an anonymous reporter. */
  async reportViaIntegration(actor: Actor, report: IntegrationReport, tenantId?: string | null): Promise<IncidentEntity> {
    const tenant = resolveTenant(actor, tenantId);
    if (!canReportViaIntegration(actor, tenant)) throw forbidden('report incidents through an integration for this municipality');
    const anonymous = report.anonymous === true;
    if (anonymous && (report.reporterName || report.reporterContact || report.onBehalfOf)) {
      throw new IncidentError(IncidentErrorCode.REPORT_INVALID, 'an anonymous report carries no reporter', [{ field: 'anonymous', message: 'leave reporter fields empty' }]);
    }
    return this.start(actor, tenant, report, {
      reportedVia: 'integration',
      reportedBy: report.onBehalfOf?.trim() || null,
      reporterName: anonymous ? null : report.reporterName?.trim() || null,
      reporterContact: anonymous ? null : report.reporterContact?.trim() || null,
      anonymous,
    });
  }

  private async start(actor: Actor, tenantId: string, report: IncidentReport, reporter: Partial<IncidentEntity>): Promise<IncidentEntity> {
    const now = new Date();
    checkReport(report, now);
    const proposal = proposalForReport(report);
    const id = randomUUID();
    const reference = await this.dataSource.transaction((em) => nextReference(em, now));
    let created: IncidentEntity | undefined;
    await this.workflow.start({
      processKey: INCIDENT_PROCESS_KEY,
      businessKey: reference,
      tenantId,
      actor,
      // Ids and codes only: the report's texts stay in the incident table (engine state is hard to redact).
      variables: {
        incidentId: id,
        reportedBy: reporter.reportedBy ?? null,
        proposedImpact: proposal?.proposedImpact ?? null,
        classificationCode: report.classificationCode ?? null,
        personalDataSuspected: report.personalDataSuspected ?? null,
      },
      onStarted: async (em, instance) => {
        created = em.create(IncidentEntity, {
          id,
          tenantId,
          reference,
          instanceId: instance.id,
          status: 'reported',
          reportedVia: 'employee',
          reportedBy: null,
          reporterName: null,
          reporterContact: null,
          anonymous: false,
          ...reporter,
          whatHappened: report.whatHappened.trim(),
          noticedBy: report.noticedBy?.trim() || null,
          occurredAt: report.occurredAt ?? null,
          discoveredAt: report.discoveredAt,
          cause: report.cause?.trim() || null,
          discoveryMethod: report.discoveryMethod.trim(),
          affected: report.affected.trim(),
          possibleImpact: report.possibleImpact.trim(),
          personalDataSuspected: report.personalDataSuspected ?? null,
          classificationTable: proposal?.entry.table ?? null,
          classificationCode: proposal?.entry.code ?? null,
          proposedImpact: proposal?.proposedImpact ?? null,
          reportedAt: now,
        });
        await em.insert(IncidentEntity, created);
        await logEvent(em, created, `Melding ontvangen (${reporter.reportedVia === 'integration' ? 'via koppeling' : 'door medewerker'}); voorgestelde impact: ${proposal?.proposedImpact ?? 'geen'}`, actor, now);
      },
    });
    return created!;
  }

  /** The register of the actor's municipalities (or the one asked for), newest first. */
  async register(actor: Actor, filter: Omit<RegisterFilter, 'tenantIds'> & { tenantId?: string | null }, first = 50, offset = 0) {
    const tenantIds = filter.tenantId ? [filter.tenantId] : actor.tenants;
    if (tenantIds.length === 0 || !tenantIds.every((t) => canReadIncidentRegister(actor, t))) throw forbidden('read this incident register');
    const { tenantId: _ignored, ...rest } = filter;
    return listRegister(this.dataSource.manager, { ...rest, tenantIds }, Math.min(Math.max(first, 1), 200), Math.max(offset, 0));
  }

  /** The register as CSV (codes, dates and outcomes; no report texts). */
  async registerCsv(actor: Actor, filter: Omit<RegisterFilter, 'tenantIds'> & { tenantId?: string | null }) {
    const tenantIds = filter.tenantId ? [filter.tenantId] : actor.tenants;
    if (tenantIds.length === 0 || !tenantIds.every((t) => canReadIncidentRegister(actor, t))) throw forbidden('read this incident register');
    const { tenantId: _ignored, ...rest } = filter;
    return exportRegisterCsv(this.dataSource.manager, { ...rest, tenantIds });
  }

  /** One incident, or null when it does not exist or the actor may not see it (indistinguishable). */
  async incident(actor: Actor, id: string): Promise<IncidentEntity | null> {
    if (!isUuid(id)) return null;
    const incident = await this.dataSource.manager.findOne(IncidentEntity, { where: { id } });
    return incident && canReadIncidentRegister(actor, incident.tenantId) ? incident : null;
  }

  classifications() {
    return CLASSIFICATION_TABLE;
  }

  /** The logbook: process steps, platform records and team notes in time order. */
  async logbook(actor: Actor, incident: IncidentRef) {
    if (!canReadIncidentRegister(actor, incident.tenantId)) return [];
    return readLogbook(this.dataSource.manager, incident);
  }

  addLogNote(actor: Actor, incidentId: string, text: string, occurredAt?: Date | null) {
    return this.onIncident(actor, incidentId, canKeepLogbook, 'incident.log-note', async (em, incident, now) => {
      if (!text?.trim() || text.length > 4000) throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'empty or too long note', [{ field: 'text', message: 'required, at most 4000 characters' }]);
      if (occurredAt && occurredAt.getTime() > now.getTime()) throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'a note is about the past', [{ field: 'occurredAt', message: 'lies in the future' }]);
      await logNote(em, incident, text.trim(), occurredAt ?? now, actor, now);
    });
  }

  recordHours(actor: Actor, incidentId: string, input: HoursInput) {
    return this.onIncident(actor, incidentId, canRecordHours, 'incident.hours', (em, incident, now) => recordHours(em, incident, input, actor, now));
  }

  async hours(actor: Actor, incident: IncidentRef) {
    return canReadIncidentRegister(actor, incident.tenantId) ? hoursOf(this.dataSource.manager, incident.id) : null;
  }

  registerEvidence(actor: Actor, incidentId: string, input: EvidenceInput) {
    return this.onIncident(actor, incidentId, canRegisterEvidence, 'evidence.registered', async (em, incident, now) => {
      const item = await registerEvidence(em, incident, input, actor, now);
      await logEvent(em, incident, `Bewijsstuk ${item.number} geregistreerd (${item.kind === 'digital' ? 'digitaal, SHA-256 vastgelegd' : 'fysiek'})`, actor, now);
      return (await evidenceOf(em, incident.id, item.id))[0];
    });
  }

  /** Hands an item over (by its holder) or signs for receipt (by the recipient). */
  transferEvidence(actor: Actor, itemId: string, change: { to: string; reason: string; storageLocation: string } | 'receive') {
    if (!isUuid(itemId)) throw new IncidentError(IncidentErrorCode.EVIDENCE_NOT_FOUND, 'no such evidence item');
    return this.dataSource.transaction(async (em) => {
      const item = await lockEvidence(em, itemId);
      if (!item || !canReadEvidence(actor, item.tenantId)) throw new IncidentError(IncidentErrorCode.EVIDENCE_NOT_FOUND, 'no such evidence item');
      const now = new Date();
      const incident = { id: item.incidentId, tenantId: item.tenantId };
      if (change === 'receive') {
        await confirmEvidenceReceipt(em, item, actor, now);
        await logEvent(em, incident, `Ontvangst van bewijsstuk ${item.number} getekend`, actor, now);
      } else {
        await handOverEvidence(em, item, change.to, change.reason, change.storageLocation, actor, now);
        await logEvent(em, incident, `Bewijsstuk ${item.number} overgedragen`, actor, now);
      }
      await appendAudit(em, actor, { tenantId: item.tenantId, action: change === 'receive' ? 'evidence.received' : 'evidence.handed-over', details: { itemId } });
      return (await evidenceOf(em, item.incidentId, item.id))[0];
    });
  }

  async evidence(actor: Actor, incident: IncidentRef) {
    return canReadEvidence(actor, incident.tenantId) ? evidenceOf(this.dataSource.manager, incident.id) : [];
  }

  planMeasure(actor: Actor, incidentId: string, input: MeasureInput) {
    return this.onIncident(actor, incidentId, canCoordinateMeasures, 'measure.planned', async (em, incident, now) => {
      const measure = await planMeasure(em, incident, input, actor, now);
      await logEvent(em, incident, `Verbetermaatregel gepland, gereed uiterlijk ${measure.dueDate}`, actor, now);
      return measure;
    });
  }

  /** The owner reports a measure done (`done`), or a coordinator records its effect (`checked`). */
  updateMeasure(actor: Actor, measureId: string, change: { done: string } | { effective: boolean; finding: string }) {
    const notFound = new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'no such measure', [{ field: 'measureId', message: 'not found' }]);
    if (!isUuid(measureId)) throw notFound;
    return this.dataSource.transaction(async (em) => {
      const measure = await lockMeasure(em, measureId);
      if (!measure || !(measure.owner === actor.userId || canReadIncidentRegister(actor, measure.tenantId) || canCoordinateMeasures(actor, measure.tenantId))) throw notFound;
      const now = new Date();
      const incident = { id: measure.incidentId, tenantId: measure.tenantId };
      if ('done' in change) {
        await completeMeasure(em, measure, change.done, actor, now);
        await logEvent(em, incident, 'Verbetermaatregel uitgevoerd gemeld door de eigenaar', actor, now);
      } else {
        if (!canCoordinateMeasures(actor, measure.tenantId)) throw forbidden('check the effect of measures');
        await checkMeasureEffect(em, measure, change.effective, change.finding, actor, now);
        await logEvent(em, incident, `Effect van verbetermaatregel getoetst: ${change.effective ? 'effectief' : 'niet effectief'}`, actor, now);
      }
      await appendAudit(em, actor, { tenantId: measure.tenantId, action: 'done' in change ? 'measure.done' : 'measure.checked', details: { measureId } });
      return measure;
    });
  }

  async measures(actor: Actor, incident: IncidentRef) {
    return canReadIncidentRegister(actor, incident.tenantId) || canCoordinateMeasures(actor, incident.tenantId) ? measuresOf(this.dataSource.manager, incident.id) : [];
  }

  /** Loads the incident in a transaction, checks the actor may do this, runs the work and audits it. */
  private onIncident<T>(
    actor: Actor,
    incidentId: string,
    allowed: (actor: Actor, tenantId: string) => boolean,
    action: string,
    work: (em: EntityManager, incident: IncidentEntity, now: Date) => Promise<T>,
  ): Promise<T> {
    const notFound = new IncidentError(IncidentErrorCode.INCIDENT_NOT_FOUND, `incident ${incidentId} not found`);
    if (!isUuid(incidentId)) throw notFound;
    return this.dataSource.transaction(async (em) => {
      const incident = await em.findOne(IncidentEntity, { where: { id: incidentId } });
      if (!incident || !(canReadIncidentRegister(actor, incident.tenantId) || allowed(actor, incident.tenantId))) throw notFound;
      if (!allowed(actor, incident.tenantId)) throw forbidden(`do this (${action}) on this incident`);
      if (incident.status === 'destroyed') throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'the file of this incident has been destroyed');
      const now = new Date();
      const result = await work(em, incident, now);
      await appendAudit(em, actor, { tenantId: incident.tenantId, action, instanceId: incident.instanceId, details: { incidentId } });
      return result;
    });
  }
}
