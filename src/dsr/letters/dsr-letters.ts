import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../identity/actor';
import { DsrLetterEntity, DsrLetterKind } from '../../persistence/entities/dsr-letter.entity';
import type { DsrRequestEntity } from '../../persistence/entities/dsr-request.entity';
import { AMSTERDAM } from '../amsterdam-time';
import type { LegalDeadline } from '../legal-deadline';
import { GENERAL_REFUSAL_GROUNDS, NOT_PROCESSED_GROUNDS, RIGHT_RULES, type DataSubjectRight } from '../request-rights';
import { QuotedText } from '../../documents/markdown-escape';
import type { LetterRenderer } from './letter-renderer';
import type { Signatory } from './signatory';

/** "28 april 2026": dates in letters are written out in Dutch. */
export function dutchDate(day: string | Date): string {
  const value = typeof day === 'string' ? DateTime.fromISO(day, { zone: AMSTERDAM }) : DateTime.fromJSDate(day).setZone(AMSTERDAM);
  return value.setLocale('nl').toFormat('d MMMM yyyy');
}

const municipalityName = (tenantId: string) => `gemeente ${tenantId.charAt(0).toUpperCase()}${tenantId.slice(1)}`;

const DECISION_TEXTS: Record<string, string> = {
  granted: 'Wij wijzen uw verzoek toe.',
  partly_granted: 'Wij wijzen uw verzoek gedeeltelijk toe. Voor het deel dat wij afwijzen leest u hieronder waarom.',
  refused: 'Wij wijzen uw verzoek af.',
  not_processed:
    'Wij stellen uw verzoek buiten behandeling. Wij hebben u gevraagd uw verzoek aan te vullen, maar hebben de aanvulling niet binnen de gestelde termijn ontvangen (artikel 4:5 Algemene wet bestuursrecht). U kunt een nieuw verzoek indienen.',
};

const EXTENSION_REASON_TEXTS: Record<string, string> = {
  complexity: 'de complexiteit van uw verzoek',
  number_of_requests: 'het aantal verzoeken dat wij ontvangen',
};

function baseView(request: DsrRequestEntity, deadline: LegalDeadline, now: Date) {
  const rules = RIGHT_RULES[request.right as DataSubjectRight];
  return {
    municipality: municipalityName(request.tenantId),
    addressee: request.representative ? `${request.representative.name} (namens ${request.requester.name})` : request.requester.name,
    postalAddress: request.requester.postalAddress ?? null,
    reference: request.reference,
    letterDate: dutchDate(now),
    receivedOn: dutchDate(deadline.receivedOn),
    rightName: rules.name,
    rightNameLower: rules.name.charAt(0).toLowerCase() + rules.name.slice(1),
    rightArticle: rules.article,
    deadlineDate: dutchDate(deadline.deadline.date),
    firstMonthDate: dutchDate(deadline.firstMonth.date),
  };
}

/** What each letter is called: its PDF's title. */
const LETTER_TITLES: Record<DsrLetterKind, string> = {
  acknowledgement: 'Ontvangstbevestiging',
  repair: 'Verzoek om aanvulling',
  extension: 'Verdaging van de beslissing',
  decision: 'Besluit',
  withdrawal: 'Bevestiging van de intrekking',
};

export interface LetterFacts {
  request: DsrRequestEntity;
  deadline: LegalDeadline;
  now: Date;
}

export function acknowledgementView({ request, deadline, now }: LetterFacts) {
  return baseView(request, deadline, now);
}

export function repairView({ request, deadline, now }: LetterFacts, requested: string, repairDueOn: string) {
  return { ...baseView(request, deadline, now), requested, repairDueDate: dutchDate(repairDueOn) };
}

export function extensionView({ request, deadline, now }: LetterFacts) {
  const extension = deadline.extension!;
  const parts = [
    extension.months ? `${extension.months} ${extension.months === 1 ? 'maand' : 'maanden'}` : '',
    extension.weeks ? `${extension.weeks} ${extension.weeks === 1 ? 'week' : 'weken'}` : '',
    extension.days ? `${extension.days} ${extension.days === 1 ? 'dag' : 'dagen'}` : '',
  ].filter(Boolean);
  return {
    ...baseView(request, deadline, now),
    reasonText: extension.reasons.map((r) => EXTENSION_REASON_TEXTS[r]).join(' en '),
    motivation: request.extension?.motivation ?? '',
    extensionText: parts.join(' en '),
  };
}

export function decisionView({ request, deadline, now }: LetterFacts, objectionDeadline: string) {
  const right = request.right as DataSubjectRight;
  const catalogue = [...GENERAL_REFUSAL_GROUNDS, ...RIGHT_RULES[right].refusalGrounds, ...NOT_PROCESSED_GROUNDS];
  const grounds = request.grounds.map((id) => catalogue.find((g) => g.id === id)).filter((g) => g !== undefined);
  const content = request.decisionContent ?? {};
  const access = right === 'access' && (request.outcome === 'granted' || request.outcome === 'partly_granted');
  return {
    ...baseView(request, deadline, now),
    sentOn: dutchDate(now),
    // BLNP model letter: quote the request, so it cannot be said to have been misread.
    quotedRequest: new QuotedText(request.verbatimText),
    decisionText: DECISION_TEXTS[request.outcome ?? ''] ?? '',
    motivation: request.motivation ?? '',
    hasGrounds: grounds.length > 0,
    grounds,
    access: access
      ? {
          personalData: content.personalData ?? '',
          categories: content.categories ?? '',
          purposes: content.purposes ?? '',
          recipients: content.recipients ?? '',
          retention: content.retention ?? '',
          origin: content.origin || null,
        }
      : null,
    signerName: request.signerName ?? '',
    signerFunction: request.signerFunction ?? '',
    /** @deprecated Older templates: the signer's name; use signerName and signerFunction. */
    signedBy: request.signerName ?? '',
    objectionDeadline: dutchDate(objectionDeadline),
  };
}

/** A request withdrawn after informal settlement ends without a besluit (BLNP Bijlage 5): a confirmation, no objection clause. */
export function withdrawalView({ request, deadline, now }: LetterFacts, signatory: Signatory) {
  return { ...baseView(request, deadline, now), signerName: signatory.name, signerFunction: signatory.function };
}

/**
 * Renders a letter (Markdown, HTML and the PDF that is sent) and keeps it with the request, inside the
 * caller's transaction. The PDF's date is the letter's, so rendering it again gives the same file.
 */
export async function storeLetter(
  em: EntityManager,
  renderer: LetterRenderer,
  request: DsrRequestEntity,
  kind: DsrLetterKind,
  view: Record<string, unknown>,
  actor: Actor,
  now: Date,
): Promise<DsrLetterEntity> {
  const rendered = renderer.render(kind, view);
  const municipality = municipalityName(request.tenantId);
  const pdf = await renderer.renderPdf(rendered, {
    title: `${LETTER_TITLES[kind]} ${request.reference}`,
    author: municipality.charAt(0).toUpperCase() + municipality.slice(1),
    subject: RIGHT_RULES[request.right as DataSubjectRight].name,
    createdAt: now,
    footer: `${municipality} · ons kenmerk ${request.reference}`,
  });
  const letter = em.create(DsrLetterEntity, {
    id: randomUUID(),
    requestId: request.id,
    kind,
    ...rendered,
    pdf: pdf.bytes,
    pdfSha256: pdf.sha256,
    createdBy: actor.userId,
    createdAt: now,
  });
  await em.insert(DsrLetterEntity, letter);
  return letter;
}
