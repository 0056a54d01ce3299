import type { EntityManager } from 'typeorm';
import { renderNotification } from '../breach-notification/breach.service';
import { notificationOfBreach } from '../breach-notification/ap-notification';
import { BreachEntity, IncidentEntity } from '../persistence/entities';
import { DsrLetterEntity, DsrLetterKind } from '../persistence/entities/dsr-letter.entity';
import { DsrRequestEntity } from '../persistence/entities/dsr-request.entity';
import type { ZaakDocument } from './zaak-operations';
import type { DocumentSource } from './zgw-services';

/** A rendering the platform keeps of a document: the same text as Markdown and HTML, and the PDF that was sent when there is one. */
export interface KeptRendering {
  markdown: string;
  html: string;
  pdf?: Buffer | null;
}

/**
 * THE choice of what file a document becomes in the zaaksysteem: the PDF the platform stored (a
 * letter exactly as sent) when there is one, otherwise the HTML (the AP notification, letters from
 * before PDFs were kept), which renders as the document looks.
 */
export function fileForZaak(rendering: KeptRendering): { formaat: string; extensie: string; inhoud: Buffer } {
  if (rendering.pdf) return { formaat: 'application/pdf', extensie: 'pdf', inhoud: rendering.pdf };
  return { formaat: 'text/html', extensie: 'html', inhoud: Buffer.from(rendering.html, 'utf8') };
}

const AP_STATUS_TITLE: Record<string, string> = { concept: 'concept', provisional: 'voorlopig', final: 'definitief', withdrawn: 'ingetrokken' };

const LETTER_TITLES: Record<DsrLetterKind, string> = {
  acknowledgement: 'Ontvangstbevestiging',
  repair: 'Hersteltermijnbrief',
  extension: 'Verdagingsbrief',
  decision: 'Besluit op verzoek',
  withdrawal: 'Bevestiging intrekking',
};

/** `<kind>` of the service task's `document` property → the letter kind of a data-subject request. */
const LETTER_DOCUMENTS: Record<string, DsrLetterKind> = {
  besluitbrief: 'decision',
  ontvangstbevestiging: 'acknowledgement',
  hersteltermijnbrief: 'repair',
  verdagingsbrief: 'extension',
  intrekkingsbevestiging: 'withdrawal',
};

/** The latest letter of that kind of the case's request (a decision sent again after a refused signature is the later one). */
async function requestLetter(em: EntityManager, instanceId: string, kind: DsrLetterKind): Promise<ZaakDocument | null> {
  const request = await em.findOne(DsrRequestEntity, { where: { instanceId } });
  if (!request) return null;
  const letter = await em
    .createQueryBuilder(DsrLetterEntity, 'letter')
    .addSelect('letter.pdf')
    .where('letter.request_id = :requestId AND letter.kind = :kind', { requestId: request.id, kind })
    .orderBy('letter.created_at', 'DESC')
    .getOne();
  if (!letter) return null;
  const file = fileForZaak(letter);
  return {
    titel: `${LETTER_TITLES[kind]} ${request.reference}`,
    bestandsnaam: `${kind}-${request.reference}.${file.extensie}`,
    formaat: file.formaat,
    inhoud: file.inhoud,
    auteur: letter.createdBy,
  };
}

/** The AP notification as it stands now; its status is in the title, so the provisional and the final one are both kept. */
async function apNotification(em: EntityManager, instanceId: string): Promise<ZaakDocument | null> {
  const incident = await em.findOne(IncidentEntity, { where: { instanceId } });
  const breach = incident && (await em.findOne(BreachEntity, { where: { incidentId: incident.id } }));
  const notification = breach && (await notificationOfBreach(em, breach.id));
  if (!incident || !breach || !notification) return null;
  const status = AP_STATUS_TITLE[notification.status] ?? notification.status;
  const file = fileForZaak({
    markdown: renderNotification({ incident, breach }, notification, 'markdown'),
    html: renderNotification({ incident, breach }, notification, 'html'),
  });
  return {
    titel: `Melding datalek aan de AP ${incident.reference} (${status})`,
    bestandsnaam: `melding-ap-${incident.reference}-${status}.${file.extensie}`,
    formaat: file.formaat,
    inhoud: file.inhoud,
    auteur: notification.submittedBy ?? notification.closedBy ?? 'privacyflow',
  };
}

/**
 * The documents the platform's own diagrams attach (`document` property of a zgw.document-toevoegen
 * task): `ap-melding` (incident-management) and the letters of a data-subject request
 * (`besluitbrief`, `ontvangstbevestiging`, `hersteltermijnbrief`, `verdagingsbrief`).
 */
export const caseDocuments: DocumentSource = async (invocation, kind) => {
  if (kind === 'ap-melding') return apNotification(invocation.em, invocation.instanceId);
  const letter = LETTER_DOCUMENTS[kind];
  return letter ? requestLetter(invocation.em, invocation.instanceId, letter) : null;
};
