import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProcessInstanceEntity } from '../persistence/entities';
import type { Actor } from '../identity/actor';
import { canReadDataSubjectRequests, canRegisterDataSubjectRequest, canRegisterObjection, DSR_OFFICER_ROLES, roleUsedAmong } from '../identity/access-policy';
import type { NamedPdf } from '../documents/pdf-renderer';
import { DsrLetterEntity } from '../persistence/entities/dsr-letter.entity';
import { DepartmentAsked, DsrRequestEntity } from '../persistence/entities/dsr-request.entity';
import { appendAudit } from '../workflow/audit-trail';
import { isUuid } from '../workflow/ids';
import { resolveTenant } from '../workflow/process-starter';
import type { WorkflowService } from '../workflow/workflow-service';
import { toCalendarDay } from './amsterdam-time';
import { daysLeft } from './legal-deadline';
import { DSR_PROCESS_KEY, OBJECTION_MESSAGE } from './dsr-process';
import { DsrRequestError, DsrRequestErrorCode } from './dsr-request-error';
import { endOfTerm } from './legal-deadline';
import { objectionTimeliness } from './objection-term';
import { clockVariables, deadlineOf } from './request-clock';
import { REQUEST_FIELD_ERROR_TEXTS, validateRequestRecord } from './request-record';
import { listRequests, nextRequestReference, RequestRegisterFilter, requestsCsv, yearFigures } from './request-register';

/** A registration as it arrives: the request record, with the candidate group that answers for each department. */
export interface RequestRegistration {
  right: string;
  channel: string;
  receivedAt: string;
  verbatimText: string;
  requester: Record<string, unknown>;
  representative?: Record<string, unknown> | null;
  processings?: string[] | null;
  departments: { name: string; candidateGroup?: string | null }[];
}

export interface RegistrationOptions {
  onStarted?: (em: EntityManager, instance: ProcessInstanceEntity) => Promise<void>;
}

export interface ObjectionArrivalInput {
  receivedAt: string;
  /** For an objection by post: when it was posted (postmark). */
  postedAt?: string | null;
}

/** Departments answer through their manager unless the registration names another group. */
const DEFAULT_DEPARTMENT_GROUP = 'afdelingsmanager';

const forbidden = (what: string) => new DsrRequestError(DsrRequestErrorCode.FORBIDDEN, `you may not ${what}`);

/** Registering data-subject requests, their objections, and the register. */
export class DataSubjectRequestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: WorkflowService,
  ) {}

  /**
   * Registers a request and starts its procedure; every invalid field is reported at once and nothing is stored.
   * `options.onStarted` runs in the start's transaction (the zaaksysteem intake links the zaak there).
   */
  async register(actor: Actor, input: RequestRegistration, tenantId?: string | null, options: RegistrationOptions = {}): Promise<DsrRequestEntity> {
    const tenant = resolveTenant(actor, tenantId);
    if (!canRegisterDataSubjectRequest(actor, tenant)) throw forbidden('register data-subject requests for this municipality');
    const now = new Date();
    const departments = Array.isArray(input.departments) ? input.departments : [];
    const result = validateRequestRecord(
      { ...input, representative: input.representative ?? undefined, processings: input.processings ?? undefined, departments: departments.map((d) => d?.name) },
      { now },
    );
    if (!result.ok) {
      throw new DsrRequestError(
        DsrRequestErrorCode.REQUEST_INVALID,
        `the request is invalid: ${result.errors.map((e) => e.field || '(record)').join(', ')}`,
        result.errors.map((e) => ({ field: e.field, code: e.code, message: REQUEST_FIELD_ERROR_TEXTS[e.code] })),
      );
    }
    const record = result.value;
    const asked: DepartmentAsked[] = record.departments.map((name, i) => ({ name, candidateGroup: departments[i].candidateGroup?.trim() || DEFAULT_DEPARTMENT_GROUP }));
    const id = randomUUID();
    const draft = { receivedAt: new Date(record.receivedAt), suspensions: [], extension: null, repairRequestedOn: null, repairDueAt: null };
    const deadline = deadlineOf(draft);
    const reference = await this.dataSource.transaction((em) => nextRequestReference(em, now));
    let created: DsrRequestEntity | undefined;
    await this.workflow.start({
      processKey: DSR_PROCESS_KEY,
      businessKey: reference,
      tenantId: tenant,
      actor,
      // Ids, codes and dates only: names and the request text stay in the request table.
      variables: {
        dsrRequestId: id,
        right: record.right,
        receivedAt: deadline.receivedAt,
        afdelingen: asked.map((d) => ({ naam: d.name, rol: d.candidateGroup })),
        clockStopped: false,
        ...clockVariables(deadline),
      },
      onStarted: async (em, instance) => {
        created = em.create(DsrRequestEntity, {
          id,
          tenantId: tenant,
          reference,
          instanceId: instance.id,
          status: 'open',
          right: record.right,
          channel: record.channel,
          receivedAt: draft.receivedAt,
          verbatimText: record.verbatimText,
          requester: record.requester,
          representative: record.representative ?? null,
          processings: record.processings,
          departments: asked,
          registeredBy: actor.userId,
          registeredAt: now,
          identityVerified: null,
          identityMethod: null,
          identityCheckedBy: null,
          identityCheckedAt: null,
          repairRequestedOn: null,
          repairDueAt: null,
          suspensions: [],
          extension: null,
          legalDeadline: deadline,
          deadlineAt: new Date(deadline.deadline.dueAt),
          outcome: null,
          grounds: [],
          motivation: null,
          decisionContent: null,
          decidedBy: null,
          signedBy: null,
          signerName: null,
          signerFunction: null,
          signedAt: null,
          sentAt: null,
          sentOnTime: null,
          objectionDeadline: null,
          objection: null,
          closedAt: null,
        });
        await em.insert(DsrRequestEntity, created);
        await options.onStarted?.(em, instance);
      },
    });
    return created!;
  }

  /**
   * An objection (bezwaar) against the decision: timely when received within six weeks after sending, or
   * posted in time and received within a week after (art. 6:9 Awb). It continues the case with the
   * objection handling, due six weeks after the objection term ends (art. 7:10 Awb).
   */
  async registerObjection(actor: Actor, requestId: string, arrival: ObjectionArrivalInput): Promise<DsrRequestEntity> {
    const request = await this.find(requestId);
    if (!request || !canRegisterObjection(actor, request.tenantId)) {
      if (request && canReadDataSubjectRequests(actor, request.tenantId)) throw forbidden('register objections');
      throw new DsrRequestError(DsrRequestErrorCode.REQUEST_NOT_FOUND, `request ${requestId} not found`);
    }
    if (!request.sentAt || !request.objectionDeadline) throw new DsrRequestError(DsrRequestErrorCode.NO_DECISION_SENT, 'no decision has been sent on this request');
    if (request.objection) throw new DsrRequestError(DsrRequestErrorCode.OBJECTION_ALREADY_RECEIVED, 'an objection against this decision is already being handled');
    const decisionSentOn = DateTime.fromJSDate(request.sentAt).setZone('Europe/Amsterdam').toISODate()!;
    let timeliness;
    try {
      timeliness = objectionTimeliness({ decisionSentOn, receivedAt: arrival.receivedAt, postedAt: arrival.postedAt ?? undefined });
    } catch (error) {
      throw new DsrRequestError(DsrRequestErrorCode.ANSWER_INVALID, 'receivedAt and postedAt are ISO 8601 moments with an offset', [
        { field: 'receivedAt', message: (error as Error).message },
      ]);
    }
    if (new Date(arrival.receivedAt) > new Date()) {
      throw new DsrRequestError(DsrRequestErrorCode.ANSWER_INVALID, 'an objection cannot be received in the future', [{ field: 'receivedAt', message: 'ligt in de toekomst' }]);
    }
    if (!timeliness.timely) {
      throw new DsrRequestError(DsrRequestErrorCode.OBJECTION_LATE, `the objection term ended on ${timeliness.deadline.date}`, undefined, {
        basis: timeliness.basis,
        objectionDeadline: timeliness.deadline.date,
      });
    }
    const decisionDue = endOfTerm(toCalendarDay(timeliness.deadline.date).plus({ weeks: 6 }));
    const objection = {
      receivedAt: arrival.receivedAt,
      postedAt: arrival.postedAt ?? null,
      basis: timeliness.basis,
      deadline: timeliness.deadline.date,
      decisionDueOn: decisionDue.date,
      outcome: null,
      motivation: null,
      decidedBy: null,
      decidedAt: null,
    };
    await this.workflow.correlate({
      messageName: OBJECTION_MESSAGE,
      businessKey: request.reference,
      tenantId: request.tenantId,
      actor,
      // When it was received: the bezwaar zaak in the zaaksysteem starts that day.
      variables: { objectionDecisionDueAt: decisionDue.dueAt, objectionReceivedAt: arrival.receivedAt },
      onCorrelated: async (em) => {
        await em.update(DsrRequestEntity, { id: request.id }, { objection: objection as any });
      },
    });
    return (await this.find(requestId))!;
  }

  async request(actor: Actor, id: string): Promise<DsrRequestEntity | null> {
    const request = await this.find(id);
    return request && canReadDataSubjectRequests(actor, request.tenantId) ? request : null;
  }

  async list(actor: Actor, filter: Omit<RequestRegisterFilter, 'tenantIds'> & { tenantId?: string | null }, first = 50, offset = 0) {
    const tenantIds = this.readableTenants(actor, filter.tenantId);
    const { tenantId: _ignored, ...rest } = filter;
    return listRequests(this.dataSource.manager, { ...rest, tenantIds }, new Date(), Math.min(Math.max(first, 1), 200), Math.max(offset, 0));
  }

  async registerCsv(actor: Actor, filter: Omit<RequestRegisterFilter, 'tenantIds'> & { tenantId?: string | null }) {
    const tenantIds = this.readableTenants(actor, filter.tenantId);
    const { tenantId: _ignored, ...rest } = filter;
    const { nodes } = await listRequests(this.dataSource.manager, { ...rest, tenantIds }, new Date(), 100_000, 0);
    return requestsCsv(nodes);
  }

  /** Per year of receipt: number per right, decided on time, extended, median handling time. */
  async figures(actor: Actor, year: number, tenantId?: string | null) {
    return yearFigures(this.dataSource.manager, this.readableTenants(actor, tenantId), year);
  }

  letters(requestId: string): Promise<DsrLetterEntity[]> {
    return this.dataSource.manager.find(DsrLetterEntity, { where: { requestId }, order: { createdAt: 'ASC' } });
  }

  /**
   * A letter as the PDF that was sent, for whoever may read the request; null when there is no such
   * letter for this actor (other municipalities' ids included) or it was written before PDFs were made.
   * The reading is a `case.read` in the audit trail, committed before the file is returned.
   */
  async letterPdf(actor: Actor, letterId: string): Promise<NamedPdf | null> {
    if (!isUuid(letterId)) return null;
    return this.dataSource.transaction(async (em) => {
      const letter = await em.createQueryBuilder(DsrLetterEntity, 'letter').addSelect('letter.pdf').where('letter.id = :letterId', { letterId }).getOne();
      const request = letter && (await em.findOne(DsrRequestEntity, { where: { id: letter.requestId } }));
      if (!letter?.pdf || !letter.pdfSha256 || !request || !canReadDataSubjectRequests(actor, request.tenantId)) return null;
      await appendAudit(em, actor, {
        tenantId: request.tenantId,
        action: 'case.read',
        instanceId: request.instanceId,
        roleUsed: roleUsedAmong(actor, DSR_OFFICER_ROLES),
        details: { data: 'letterPdf', letterId: letter.id, kind: letter.kind },
      });
      return { fileName: `${request.reference}-${letter.kind}.pdf`, bytes: letter.pdf, sha256: letter.pdfSha256 };
    });
  }

  /** Calendar days left to the deadline in force; negative once passed. */
  daysLeft(request: DsrRequestEntity, now = new Date()): number {
    return daysLeft(request.legalDeadline, now);
  }

  private readableTenants(actor: Actor, tenantId?: string | null): string[] {
    const tenantIds = tenantId ? [tenantId] : actor.tenants;
    if (tenantIds.length === 0 || !tenantIds.every((t) => canReadDataSubjectRequests(actor, t))) throw forbidden('read the register of data-subject requests');
    return tenantIds;
  }

  private async find(id: string): Promise<DsrRequestEntity | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.manager.findOne(DsrRequestEntity, { where: { id } });
  }
}
