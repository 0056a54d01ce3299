import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EvidenceContentEntity, EvidenceItemEntity } from '../persistence/entities';
import { IncidentError, IncidentErrorCode } from './incident-error';

/** A digital evidence file as uploaded: its bytes and what they are. */
export interface EvidenceFile {
  bytes: Buffer;
  sha256: string;
  fileName: string | null;
  mediaType: string | null;
}

export interface EvidenceUpload {
  description: string;
  /** Why it was taken and who needs it. */
  reason: string;
  /** The file, base64 (RFC 4648, standard alphabet; line breaks allowed). */
  contentBase64: string;
  fileName?: string | null;
  mediaType?: string | null;
  /** How it is kept; default: the platform's immutable copy. */
  storageMethod?: string | null;
}

/** Where an uploaded item is, for the register and its chain of custody. */
export const PLATFORM_STORAGE_LOCATION = 'Privacyflow (bewijsopslag in de database)';
export const PLATFORM_STORAGE_METHOD = 'Digitale kopie, onveranderlijk opgeslagen; SHA-256 bij vastlegging door Privacyflow berekend';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const invalid = (field: string, message: string) => new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'the evidence file cannot be registered', [{ field, message }]);

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Decodes an upload and takes its SHA-256. The size is checked on the encoded length first, so a
 * file over the limit is refused before it is decoded.
 */
export function decodeEvidenceFile(upload: Pick<EvidenceUpload, 'contentBase64' | 'fileName' | 'mediaType'>, maxBytes: number): EvidenceFile {
  const encoded = typeof upload.contentBase64 === 'string' ? upload.contentBase64.replace(/[\r\n]/g, '') : '';
  const padding = encoded.endsWith('==') ? 2 : encoded.endsWith('=') ? 1 : 0;
  const size = Math.floor((encoded.length * 3) / 4) - padding;
  if (size > maxBytes) {
    throw new IncidentError(IncidentErrorCode.EVIDENCE_TOO_LARGE, `the evidence file is larger than ${maxBytes} bytes`, [{ field: 'contentBase64', message: `at most ${maxBytes} bytes` }], { limit: maxBytes });
  }
  if (encoded.length === 0) throw invalid('contentBase64', 'the file is empty');
  if (encoded.length % 4 !== 0 || !BASE64.test(encoded)) throw invalid('contentBase64', 'not base64 (RFC 4648)');
  const fileName = upload.fileName?.trim() || null;
  const mediaType = upload.mediaType?.trim() || null;
  if (fileName && fileName.length > 255) throw invalid('fileName', 'at most 255 characters');
  if (mediaType && !/^[\w.+-]+\/[\w.+-]+$/.test(mediaType)) throw invalid('mediaType', 'a media type such as application/pdf');
  const bytes = Buffer.from(encoded, 'base64');
  return { bytes, sha256: sha256Of(bytes), fileName, mediaType };
}

/** Stores the file with the item's "captured" link of the chain of custody, in the capture's transaction. */
export async function storeEvidenceContent(em: EntityManager, item: EvidenceItemEntity, capturedEventId: string, file: EvidenceFile, now: Date): Promise<void> {
  await em.insert(EvidenceContentEntity, {
    itemId: item.id,
    tenantId: item.tenantId,
    custodyEventId: capturedEventId,
    fileName: file.fileName,
    mediaType: file.mediaType,
    sizeBytes: file.bytes.length,
    content: file.bytes,
    storedAt: now,
  });
}

export interface EvidenceIntegrity {
  recordedSha256: string;
  computedSha256: string;
  matches: boolean;
  sizeBytes: number;
}

/** Recomputes the SHA-256 of the stored content and compares it with the one taken at capture. */
export async function checkEvidenceIntegrity(em: EntityManager, item: EvidenceItemEntity): Promise<EvidenceIntegrity> {
  const stored = await em
    .getRepository(EvidenceContentEntity)
    .createQueryBuilder('f')
    .addSelect('f.content')
    .where('f.item_id = :id', { id: item.id })
    .getOne();
  if (!stored) throw new IncidentError(IncidentErrorCode.EVIDENCE_NOT_HELD, `the platform holds no copy of evidence item ${item.number}: its SHA-256 was declared at capture`);
  const computed = sha256Of(stored.content);
  return { recordedSha256: item.sha256 ?? '', computedSha256: computed, matches: computed === item.sha256, sizeBytes: stored.content.length };
}
