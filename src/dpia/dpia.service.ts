import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { canEditDpia, canReadDpia, canReadIncidentRegister, canStartDpia, canStartProcessing, DPIA_READER_ROLES, roleUsedAmong } from '../identity/access-policy';
import type { NamedPdf } from '../documents/pdf-renderer';
import { logEvent } from '../incidents/logbook';
import { DpiaAnswersEntity, DpiaEntity, DpiaFgAdviceEntity, DpiaMeasureEntity, DpiaReportEntity, IncidentEntity, ProcessingEntity } from '../persistence/entities';
import type { DpiaMeasureStatus } from '../persistence/entities/dpia-measure.entity';
import { appendAudit } from '../workflow/audit-trail';
import { isUuid } from '../workflow/ids';
import { resolveTenant } from '../workflow/process-starter';
import type { WorkflowService } from '../workflow/workflow-service';
import { DpiaError, DpiaErrorCode } from './dpia-error';
import { DPIA_PROCESS_KEY } from './dpia-process';
import { checkProcessing, dpiaHistory, listProcessings, ProcessingFilter, ProcessingInput, registerProcessing, setProcessingStatus } from './processing-register';
import { exportProcessingRegisterCsv } from './processing-register-export';
import { MeasureInput, measuresOf, planMeasure, replaceRisks, RiskInput, risksOf, trackMeasure } from './risk-register';

const forbidden = (what: string) => new DpiaError(DpiaErrorCode.FORBIDDEN, `you may not ${what}`);
const notFound = (what: string) => new DpiaError(DpiaErrorCode.NOT_FOUND, `${what} not found`);

export type RegisterQuery = Omit<ProcessingFilter, 'tenantIds'> & { tenantId?: string | null };

/** The verwerkingsregister and the DPIAs of its processings (BLNP Bijlage 4). */
export class DpiaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: WorkflowService,
  ) {}

  /** Step 1: a new processing is signalled; it enters the register and its DPIA case starts. */
  async signalNewProcessing(actor: Actor, processing: ProcessingInput, signal: string, tenantId?: string | null) {
    const tenant = resolveTenant(actor, tenantId);
    if (!canStartDpia(actor, tenant)) throw forbidden('signal processings for this municipality');
    if (!signal?.trim()) throw new DpiaError(DpiaErrorCode.PROCESSING_INVALID, 'say what is new', { fields: ['signal'] });
    checkProcessing(processing); // before the case starts: bad input costs no engine run and no reference number
    let processingId = '';
    const dpia = await this.startCase(actor, tenant, 'initial', signal, async (em, now) => {
      processingId = (await registerProcessing(em, tenant, actor.userId, processing, now)).id;
      return processingId;
    });
    return dpia;
  }

  /** Step 1 for a processing already in the register: a change, or the periodic re-assessment. */
  async signalChange(actor: Actor, processingId: string, signal: string) {
    const processing = await this.processing(actor, processingId);
    if (!processing) throw notFound('processing');
    if (!canStartDpia(actor, processing.tenantId)) throw forbidden('signal a change of this processing');
    if (!signal?.trim()) throw new DpiaError(DpiaErrorCode.PROCESSING_INVALID, 'say what changed', { fields: ['signal'] });
    return this.startCase(actor, processing.tenantId, 'reassessment', signal, async () => processing.id);
  }

  /**
   * Step 1 from an incident (BLNP: the evaluation may show a processing's DPIA no longer holds): the
   * incident's evaluation reopens the DPIA of the processing it concerned. The new DPIA names the
   * incident, and the incident's logbook names the DPIA, in the transaction that starts the case.
   */
  async reopenAfterIncident(actor: Actor, incidentId: string, processingId: string, reason: string) {
    const incident = isUuid(incidentId) ? await this.dataSource.manager.findOne(IncidentEntity, { where: { id: incidentId } }) : null;
    if (!incident || !canReadIncidentRegister(actor, incident.tenantId)) throw notFound('incident');
    const processing = await this.processing(actor, processingId);
    if (!processing || processing.tenantId !== incident.tenantId) throw notFound('processing');
    if (!canStartDpia(actor, incident.tenantId)) throw forbidden('reopen the DPIA of this processing');
    if (!reason?.trim()) throw new DpiaError(DpiaErrorCode.PROCESSING_INVALID, 'say what the evaluation found', { fields: ['reason'] });
    if (incident.status !== 'closed') {
      throw new DpiaError(DpiaErrorCode.INCIDENT_NOT_CLOSED, `incident ${incident.reference} is ${incident.status}; it is evaluated after it is closed`, { status: incident.status });
    }
    const open = await this.dataSource.manager.findOne(DpiaEntity, { where: { processingId: processing.id, completedAt: IsNull() } });
    if (open) throw new DpiaError(DpiaErrorCode.ALREADY_OPEN, `${open.reference} of this processing is still running`, { reference: open.reference });
    const signal = `Heropend na de evaluatie van ${incident.reference}: ${reason.trim()}`;
    return this.startCase(actor, incident.tenantId, 'reassessment', signal, async (em) => {
      await logEvent(em, incident, `DPIA van verwerking "${processing.name}" heropend: ${reason.trim()}`, actor);
      return processing.id;
    }, { sourceIncidentId: incident.id });
  }

  /** The DPIAs an incident's evaluation reopened, as far as the actor may read DPIAs. */
  async reopenedAfterIncident(actor: Actor, incident: { id: string; tenantId: string }): Promise<DpiaEntity[]> {
    if (!canReadDpia(actor, incident.tenantId)) return [];
    return this.dataSource.manager.find(DpiaEntity, { where: { sourceIncidentId: incident.id }, order: { startedAt: 'ASC' } });
  }

  /**
   * Starts the DPIA case; the DPIA row (and a new register entry) commit with the instance. Given a
   * transaction (`within`, a service handler's), everything happens inside it.
   */
  async startCase(
    actor: Actor,
    tenantId: string,
    kind: DpiaEntity['kind'],
    signal: string,
    processingOf: (em: EntityManager, now: Date) => Promise<string>,
    { within, sourceIncidentId = null }: { within?: EntityManager; sourceIncidentId?: string | null } = {},
  ) {
    const now = new Date();
    const id = randomUUID();
    const nextReference = async (em: EntityManager) => {
      const [{ n }] = await em.query(`SELECT nextval('dpia_reference_seq')::int AS n`);
      return `DPIA-${now.getUTCFullYear()}-${String(n).padStart(5, '0')}`;
    };
    const reference = within ? await nextReference(within) : await this.dataSource.transaction(nextReference);
    let created: DpiaEntity | undefined;
    const start = (props: Parameters<WorkflowService['start']>[0]) => (within ? this.workflow.startWithin(within, props) : this.workflow.start(props));
    await start({
      processKey: DPIA_PROCESS_KEY,
      businessKey: reference,
      tenantId,
      actor,
      variables: { dpiaId: id },
      onStarted: async (em, instance) => {
        const processingId = await processingOf(em, now);
        created = em.create(DpiaEntity, {
          id,
          tenantId,
          processingId,
          instanceId: instance.id,
          reference,
          kind,
          sourceIncidentId,
          status: 'signalled',
          signal: signal.trim(),
          ownerAdvice: null,
          ownerAdvisedBy: null,
          quickscan: null,
          route: null,
          complianceFindings: null,
          team: [],
          questionnaireVersion: 0,
          residualLevel: null,
          apReference: null,
          apSubmittedAt: null,
          apTermEndsAt: null,
          apTermExtended: false,
          apAdvice: null,
          apAnsweredAt: null,
          processingAllowed: null,
          startedBy: actor.userId,
          startedAt: now,
          completedAt: null,
        });
        await em.insert(DpiaEntity, created);
      },
    });
    return created!;
  }

  async processing(actor: Actor, id: string): Promise<ProcessingEntity | null> {
    if (!isUuid(id)) return null;
    const found = await this.dataSource.manager.findOne(ProcessingEntity, { where: { id } });
    return found && canReadDpia(actor, found.tenantId) ? found : null;
  }

  async dpia(actor: Actor, id: string): Promise<DpiaEntity | null> {
    if (!isUuid(id)) return null;
    const found = await this.dataSource.manager.findOne(DpiaEntity, { where: { id } });
    return found && canReadDpia(actor, found.tenantId) ? found : null;
  }

  private tenantsFor(actor: Actor, tenantId?: string | null) {
    const tenantIds = tenantId ? [tenantId] : actor.tenants;
    if (tenantIds.length === 0 || !tenantIds.every((t) => canReadDpia(actor, t))) throw forbidden('read this verwerkingsregister');
    return tenantIds;
  }

  async register(actor: Actor, query: RegisterQuery, first = 50, offset = 0) {
    const { tenantId, ...filter } = query;
    return listProcessings(this.dataSource.manager, { ...filter, tenantIds: this.tenantsFor(actor, tenantId) }, Math.min(Math.max(first, 1), 200), Math.max(offset, 0));
  }

  async registerCsv(actor: Actor, query: RegisterQuery) {
    const { tenantId, ...filter } = query;
    return exportProcessingRegisterCsv(this.dataSource.manager, { ...filter, tenantIds: this.tenantsFor(actor, tenantId) });
  }

  history(processingId: string) {
    return dpiaHistory(this.dataSource.manager, processingId);
  }

  /** The DPIA for editing: it exists, the actor sees it and keeps its risk register; locked in `em`. */
  private async editable(em: EntityManager, actor: Actor, dpiaId: string, reachedVia = 'DPIA'): Promise<DpiaEntity> {
    const dpia = isUuid(dpiaId) ? await em.findOne(DpiaEntity, { where: { id: dpiaId }, lock: { mode: 'pessimistic_write' } }) : null;
    // Named after what the caller asked for: "DPIA not found" for a measure id would tell that the measure exists.
    if (!dpia || !canReadDpia(actor, dpia.tenantId)) throw notFound(reachedVia);
    if (!canEditDpia(actor, dpia.tenantId)) throw forbidden('keep the risk register of this DPIA');
    return dpia;
  }

  async recordRisks(actor: Actor, dpiaId: string, risks: RiskInput[]) {
    return this.dataSource.transaction(async (em) => replaceRisks(em, await this.editable(em, actor, dpiaId), risks, actor.userId, new Date()));
  }

  async planMeasure(actor: Actor, dpiaId: string, measure: MeasureInput) {
    return this.dataSource.transaction(async (em) => planMeasure(em, await this.editable(em, actor, dpiaId), measure, actor.userId, new Date()));
  }

  async trackMeasure(actor: Actor, measureId: string, status: DpiaMeasureStatus) {
    return this.dataSource.transaction(async (em) => {
      const measure = isUuid(measureId) ? await em.findOne(DpiaMeasureEntity, { where: { id: measureId } }) : null;
      if (!measure) throw notFound('measure');
      await this.editable(em, actor, measure.dpiaId, 'measure');
      return trackMeasure(em, measure, status, actor.userId, new Date());
    });
  }

  /** The process owner takes the processing into use: never while the AP is consulted or when not allowed. */
  async startProcessing(actor: Actor, processingId: string): Promise<ProcessingEntity> {
    return this.dataSource.transaction(async (em) => {
      const processing = isUuid(processingId) ? await em.findOne(ProcessingEntity, { where: { id: processingId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!processing || !canReadDpia(actor, processing.tenantId)) throw notFound('processing');
      if (!canStartProcessing(actor, processing.tenantId)) throw forbidden('take this processing into use');
      if (processing.status === 'prior_consultation') {
        throw new DpiaError(DpiaErrorCode.PRIOR_CONSULTATION_PENDING, `${processing.name} waits for the answer of the AP`);
      }
      if (processing.status !== 'allowed') throw new DpiaError(DpiaErrorCode.PROCESSING_NOT_ALLOWED, `${processing.name} is ${processing.status}`, { status: processing.status });
      const now = new Date();
      await setProcessingStatus(em, processing.id, { status: 'in_use', inUseSince: now }, now);
      return { ...processing, status: 'in_use', inUseSince: now, updatedAt: now };
    });
  }

  risks(dpiaId: string) {
    return risksOf(this.dataSource.manager, dpiaId);
  }

  measures(dpiaId: string) {
    return measuresOf(this.dataSource.manager, dpiaId);
  }

  answers(dpiaId: string) {
    return this.dataSource.manager.find(DpiaAnswersEntity, { where: { dpiaId }, order: { version: 'ASC' } });
  }

  reports(dpiaId: string) {
    return this.dataSource.manager.find(DpiaReportEntity, { where: { dpiaId }, order: { version: 'ASC' } });
  }

  /**
   * One version of the DPIA report as PDF, for whoever may read the DPIA; null when there is no such
   * report for this actor or it was written before PDFs were made. Reading it is a `case.read` in the
   * audit trail, committed before the file is returned.
   */
  async reportPdf(actor: Actor, dpiaId: string, version: number): Promise<NamedPdf | null> {
    const dpia = await this.dpia(actor, dpiaId);
    if (!dpia || !Number.isSafeInteger(version)) return null;
    return this.dataSource.transaction(async (em) => {
      const report = await em
        .createQueryBuilder(DpiaReportEntity, 'report')
        .addSelect('report.pdf')
        .where('report.dpia_id = :dpiaId AND report.version = :version', { dpiaId: dpia.id, version })
        .getOne();
      if (!report?.pdf || !report.pdfSha256) return null;
      await appendAudit(em, actor, {
        tenantId: dpia.tenantId,
        action: 'case.read',
        instanceId: dpia.instanceId,
        roleUsed: roleUsedAmong(actor, DPIA_READER_ROLES),
        details: { data: 'dpiaReportPdf', dpiaId: dpia.id, version },
      });
      return { fileName: `${dpia.reference}-v${version}.pdf`, bytes: report.pdf, sha256: report.pdfSha256 };
    });
  }

  fgAdvice(dpiaId: string) {
    return this.dataSource.manager.find(DpiaFgAdviceEntity, { where: { dpiaId }, order: { version: 'ASC' } });
  }
}
