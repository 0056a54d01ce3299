import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { DsrRequestEntity, type IdentityMethod } from '../persistence/entities/dsr-request.entity';
import { TaskCompletionContext, TaskHookRegistry } from '../workflow/task-hooks';
import { endOfDay, isoDay, toAmsterdam, toCalendarDay } from './amsterdam-time';
import { checkDecisionOutline, DECISION_OUTCOMES, DecisionOutcome } from './decision-outline';
import { DSR_PROCESS_KEY, DSR_TASKS } from './dsr-process';
import { DsrRequestError, DsrRequestErrorCode } from './dsr-request-error';
import { EXTENSION_REASONS, ExtensionReason } from './legal-deadline';
import { acknowledgementView, decisionView, extensionView, repairView, storeLetter, withdrawalView } from './letters/dsr-letters';
import type { LetterRenderer } from './letters/letter-renderer';
import { signatoryOf } from './letters/signatory';
import { objectionDeadline } from './objection-term';
import { clockVariables, deadlineOf } from './request-clock';
import { DECISION_ELEMENTS, DataSubjectRight, RIGHT_RULES } from './request-rights';

const IDENTITY_METHODS: readonly IdentityMethod[] = ['digid', 'balie', 'afgeschermde_kopie', 'eherkenning'];

/** Elements the decision template always contains (see templates/dsr/decision.md). */
const TEMPLATE_ELEMENTS = [...DECISION_ELEMENTS.map((e) => e.id), 'other_rights', 'complaint_ap'];

/** Access decisions: which form answer fills which required element of art. 15 AVG. */
const ACCESS_CONTENT = {
  verstrekteGegevens: { element: 'personal_data', key: 'personalData' },
  categorieen: { element: 'categories', key: 'categories' },
  doeleinden: { element: 'purposes', key: 'purposes' },
  ontvangers: { element: 'recipients', key: 'recipients' },
  bewaartermijn: { element: 'retention', key: 'retention' },
  herkomst: { element: 'origin', key: 'origin' },
} as const;

const invalid = (field: string, message: string) => new DsrRequestError(DsrRequestErrorCode.ANSWER_INVALID, message, [{ field, message }]);

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** A form date as an Amsterdam calendar day: `yyyy-MM-dd` or an ISO moment with offset. */
function dayOf(value: unknown, field: string): DateTime {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, `${field} is verplicht`);
  try {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? toCalendarDay(value, field) : toAmsterdam(value, field).startOf('day');
  } catch {
    throw invalid(field, `${field} is geen geldige datum`);
  }
}

/** A date something was sent or received: not in the future and not before the request arrived. */
function pastDay(value: unknown, field: string, request: DsrRequestEntity, now: Date): DateTime {
  const day = dayOf(value, field);
  if (day > DateTime.fromJSDate(now).setZone(day.zone).startOf('day')) throw invalid(field, `${field} ligt in de toekomst`);
  if (isoDay(day) < isoDay(DateTime.fromJSDate(request.receivedAt))) throw invalid(field, `${field} ligt vóór de ontvangst van het verzoek`);
  return day;
}

async function requestOf(em: EntityManager, instanceId: string): Promise<DsrRequestEntity> {
  const request = await em.findOne(DsrRequestEntity, { where: { instanceId }, lock: { mode: 'pessimistic_write' } });
  if (!request) throw new DsrRequestError(DsrRequestErrorCode.REQUEST_NOT_FOUND, `no data-subject request for case ${instanceId}`);
  return request;
}

/** Stores the changes, recomputes the legal clock and returns the variables the diagram's timers read. */
async function save(em: EntityManager, request: DsrRequestEntity, changes: Partial<DsrRequestEntity>) {
  Object.assign(request, changes);
  const deadline = deadlineOf(request);
  request.legalDeadline = deadline;
  request.deadlineAt = new Date(deadline.deadline.dueAt);
  await em.save(DsrRequestEntity, request);
  return { deadline, variables: clockVariables(deadline) };
}

/** Every hook the data-subject request procedure needs, on the given registry. */
export function registerDsrHooks(registry: TaskHookRegistry, letters: LetterRenderer): TaskHookRegistry {
  const on = (elementId: string, hook: (ctx: TaskCompletionContext) => Promise<{ variables?: Record<string, unknown> } | void>) =>
    registry.register(DSR_PROCESS_KEY, elementId, hook);

  // Formal check: record how identity was established — the fact only, never an ID copy.
  on(DSR_TASKS.checkRequest, async ({ em, instance, values, actor }) => {
    const now = new Date();
    const request = await requestOf(em, instance.id);
    const verified = values.identiteitVastgesteld === true;
    const method = values.identificatiemethode as IdentityMethod | undefined;
    if (verified && !IDENTITY_METHODS.includes(method as IdentityMethod)) {
      throw invalid('identificatiemethode', 'Geef aan hoe de identiteit is vastgesteld.');
    }
    const checkedAt = values.vastgesteldOp ? pastDay(values.vastgesteldOp, 'vastgesteldOp', request, now).toJSDate() : now;
    await save(em, request, {
      identityVerified: verified,
      identityMethod: verified ? method! : null,
      identityCheckedBy: actor.userId,
      identityCheckedAt: checkedAt,
    });
  });

  // Repair letter: the clock is suspended from the day after sending until the repair (art. 4:15 Awb).
  on(DSR_TASKS.sendRepairLetter, async ({ em, instance, values, actor }) => {
    const now = new Date();
    const request = await requestOf(em, instance.id);
    const sentOn = pastDay(values.herstelbriefVerzondenOp, 'herstelbriefVerzondenOp', request, now);
    const days = Number(values.hersteltermijnDagen);
    const repairDueAt = endOfDay(sentOn.plus({ days }));
    const { deadline, variables } = await save(em, request, { status: 'suspended', repairRequestedOn: isoDay(sentOn), repairDueAt: repairDueAt.toJSDate() });
    await storeLetter(em, letters, request, 'repair', repairView({ request, deadline, now }, text(values.herstelGevraagd), isoDay(repairDueAt)), actor, now);
    return { variables: { ...variables, repairDueAt: repairDueAt.toISO() } };
  });

  on(DSR_TASKS.awaitRepair, async ({ em, instance, values }) => {
    const now = new Date();
    const request = await requestOf(em, instance.id);
    const resumedOn = pastDay(values.aanvullingOntvangenOp, 'aanvullingOntvangenOp', request, now);
    if (request.repairRequestedOn && isoDay(resumedOn) < request.repairRequestedOn) {
      throw invalid('aanvullingOntvangenOp', 'De aanvulling kan niet vóór de herstelbrief zijn ontvangen.');
    }
    const suspensions = [...request.suspensions, { repairRequestedOn: request.repairRequestedOn!, resumedOn: isoDay(resumedOn) }];
    const { variables } = await save(em, request, { status: 'open', suspensions, repairRequestedOn: null, repairDueAt: null });
    return { variables };
  });

  // Withdrawn after informal settlement: no besluit, but the requester gets the withdrawal confirmed in writing.
  on(DSR_TASKS.settleInformally, async ({ em, instance, task, values, actor }) => {
    if (values.verzoekIngetrokken !== true) return;
    const now = new Date();
    const signatory = signatoryOf(actor, task, 'verzoekIngetrokken');
    const request = await requestOf(em, instance.id);
    const { deadline } = await save(em, request, { status: 'withdrawn', outcome: 'withdrawn', decidedBy: actor.userId, motivation: text(values.afstemmingToelichting) || null, closedAt: now });
    await storeLetter(em, letters, request, 'withdrawal', withdrawalView({ request, deadline, now }, signatory), actor, now);
    return { variables: { clockStopped: true } };
  });

  on(DSR_TASKS.acknowledge, async ({ em, instance, actor }) => {
    const now = new Date();
    const request = await requestOf(em, instance.id);
    await storeLetter(em, letters, request, 'acknowledgement', acknowledgementView({ request, deadline: request.legalDeadline, now }), actor, now);
  });

  // Extension: only by a motivated letter sent before the first month ends; the rules module refuses otherwise.
  on(DSR_TASKS.sendExtensionLetter, async ({ em, instance, values, actor }) => {
    const now = new Date();
    const request = await requestOf(em, instance.id);
    const sentAt = values.verdagingsbriefVerzondenOp ? toAmsterdam(String(values.verdagingsbriefVerzondenOp), 'verdagingsbriefVerzondenOp') : DateTime.fromJSDate(now);
    if (sentAt.toJSDate() > now) throw invalid('verdagingsbriefVerzondenOp', 'verdagingsbriefVerzondenOp ligt in de toekomst');
    const reason = values.verdagingsreden as ExtensionReason;
    if (!EXTENSION_REASONS.includes(reason)) throw invalid('verdagingsreden', 'Kies complexiteit of aantal verzoeken.');
    const motivation = text(values.verdagingsmotivering);
    const extension = { sentAt: sentAt.toISO()!, months: Number(values.verlengingMaanden), weeks: 0, days: 0, reasons: [reason], motivation };
    const { deadline, variables } = await save(em, request, { extension });
    await storeLetter(em, letters, request, 'extension', extensionView({ request, deadline, now }), actor, now);
    return { variables };
  });

  on(DSR_TASKS.prepareDecision, async ({ em, instance, values, actor }) => {
    const request = await requestOf(em, instance.id);
    const outcome = values.uitkomst as DecisionOutcome;
    if (!DECISION_OUTCOMES.includes(outcome)) throw invalid('uitkomst', 'Kies een besluit.');
    const repairTermRanOut = request.status === 'suspended';
    if (outcome === 'not_processed' && !repairTermRanOut) {
      throw new DsrRequestError(DsrRequestErrorCode.NOT_PROCESSED_WITHOUT_REPAIR_TERM, 'a request is only declared not processed after a repair term ran out unused', [
        { field: 'uitkomst', message: 'Buiten behandeling stellen kan alleen na een verstreken hersteltermijn.' },
      ]);
    }
    const grounds = text(values.weigeringsgronden).split(',').map((g) => g.trim()).filter(Boolean);
    const content: Record<string, string> = {};
    const elements = new Set(TEMPLATE_ELEMENTS);
    if (request.right === 'access') {
      for (const [field, { element, key }] of Object.entries(ACCESS_CONTENT)) {
        const answer = text(values[field]);
        if (answer) {
          content[key] = answer;
          elements.add(element);
        }
      }
    } else {
      // For the other rights the motivation states what was done; the drafter names the elements it covers.
      for (const id of text(values.opgenomenOnderdelen).split(',').map((e) => e.trim()).filter(Boolean)) elements.add(id);
    }
    const problems = checkDecisionOutline({ right: request.right as DataSubjectRight, outcome, groundIds: grounds, elementIds: [...elements] });
    if (problems.length > 0) {
      const labels = new Map(RIGHT_RULES[request.right as DataSubjectRight].answerMustContain.map((e) => [e.id, e.label]));
      throw new DsrRequestError(
        DsrRequestErrorCode.DECISION_INVALID,
        `the decision is incomplete: ${problems.map((p) => p.id ?? p.code).join(', ')}`,
        problems.map((p) => ({ field: p.id ?? 'uitkomst', code: p.code, message: p.id && labels.has(p.id) ? `Ontbreekt: ${labels.get(p.id)}` : p.message })),
      );
    }
    const changes: Partial<DsrRequestEntity> = { outcome, grounds, motivation: text(values.motivering), decisionContent: content, decidedBy: actor.userId };
    if (repairTermRanOut && outcome === 'not_processed') {
      // The repair term ran out unused: the suspension ends with it (art. 4:15 lid 1 Awb).
      changes.suspensions = [...request.suspensions, { repairRequestedOn: request.repairRequestedOn!, resumedOn: isoDay(DateTime.fromJSDate(request.repairDueAt!)) }];
      changes.repairRequestedOn = null;
      changes.repairDueAt = null;
    }
    const { variables } = await save(em, request, changes);
    return { variables };
  });

  // Signed in mandate: the letter shows the signer's name and function (BLNP model decision), not a user id.
  on(DSR_TASKS.signDecision, async ({ em, instance, task, values, actor }) => {
    const request = await requestOf(em, instance.id);
    if (values.ondertekend !== true) {
      if (!text(values.ondertekeningOpmerking)) throw invalid('ondertekeningOpmerking', 'Zeg waarom u niet ondertekent.');
      await save(em, request, { signedBy: null, signerName: null, signerFunction: null, signedAt: null });
      return;
    }
    const signatory = signatoryOf(actor, task, 'ondertekend');
    const signedAt = new Date();
    await save(em, request, { signedBy: actor.userId, signerName: signatory.name, signerFunction: signatory.function, signedAt });
    // The beslisdatum of the besluit the zaaksysteem records (bpmn: RecordBesluit's besluitdatum).
    return { variables: { decisionSignedAt: signedAt.toISOString() } };
  });

  // Sending: the objection term of six weeks starts the day after (art. 6:7–6:8 Awb); the clock stops.
  on(DSR_TASKS.sendDecision, async ({ em, instance, values, actor }) => {
    const now = new Date();
    const request = await requestOf(em, instance.id);
    if (values.verzonden !== true) throw invalid('verzonden', 'Rond de taak af nadat het besluit is verzonden.');
    const sentOn = isoDay(DateTime.fromJSDate(now));
    const term = objectionDeadline(sentOn);
    const { deadline } = await save(em, request, {
      status: request.outcome === 'not_processed' ? 'not_processed' : 'decided',
      sentAt: now,
      sentOnTime: now <= new Date(request.legalDeadline.deadline.dueAt),
      objectionDeadline: term.date,
    });
    await storeLetter(em, letters, request, 'decision', decisionView({ request, deadline, now }, term.date), actor, now);
    // An objection posted in time may arrive up to a week later (art. 6:9 lid 2 Awb): wait that long.
    const windowClosesAt = endOfDay(toCalendarDay(term.date).plus({ weeks: 1 }));
    return {
      variables: { clockStopped: true, decisionSentAt: now.toISOString(), objectionDeadlineAt: term.dueAt, objectionWindowClosesAt: windowClosesAt.toISO() },
    };
  });

  on(DSR_TASKS.handleObjection, async ({ em, instance, values, actor }) => {
    const request = await requestOf(em, instance.id);
    if (!request.objection) throw new DsrRequestError(DsrRequestErrorCode.NO_DECISION_SENT, 'no objection recorded for this request');
    const objection = { ...request.objection, outcome: String(values.beslissingOpBezwaar), motivation: text(values.bezwaarMotivering), decidedBy: actor.userId, decidedAt: new Date().toISOString() };
    await save(em, request, { objection, closedAt: new Date() });
  });
  return registry;
}
