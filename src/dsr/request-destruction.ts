import type { EntityManager } from 'typeorm';
import { REDACTED } from '../data-protection/redaction';
import { DsrLetterEntity } from '../persistence/entities/dsr-letter.entity';
import { DsrRequestEntity } from '../persistence/entities/dsr-request.entity';

/**
 * Removes a request's personal data (retention period passed, or the requester's erasure). What
 * stays is the register entry the FG's annual figures and the CSV are made of: reference, right,
 * channel, dates, the legal clock, outcome, grounds (codes), on time or not, extended, objected and
 * with what result. The letters go; the texts become "[verwijderd]" where the schema needs a text.
 * Idempotent. Returns whether the case had a request.
 */
export async function destroyRequestFile(em: EntityManager, instanceId: string): Promise<boolean> {
  const request = await em.findOne(DsrRequestEntity, { where: { instanceId }, lock: { mode: 'pessimistic_write' } });
  if (!request) return false;
  await em.update(DsrRequestEntity, { id: request.id }, {
    requester: { name: REDACTED },
    representative: request.representative ? { ...request.representative, name: REDACTED } : null,
    verbatimText: REDACTED,
    motivation: null,
    decisionContent: null,
    extension: request.extension ? { ...request.extension, motivation: REDACTED } : null,
    objection: request.objection ? { ...request.objection, motivation: null } : null,
  } as Partial<DsrRequestEntity> as any);
  await em.delete(DsrLetterEntity, { requestId: request.id });
  return true;
}
