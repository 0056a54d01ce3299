import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor } from '../identity/actor';
import { canReadIncidentRegister, canReportIncident, canReportViaIntegration } from '../identity/access-policy';
import { logEvent } from './logbook';
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
        // Only an integration names someone else as reporter; an employee's own report is tied to
        // them as the case's initiator (notInitiator covers both).
        ...(reporter.reportedVia === 'integration' && reporter.reportedBy ? { reportedBy: reporter.reportedBy } : {}),
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
}
