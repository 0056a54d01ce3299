import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../context';

/** A case record as the API returns it: enough to name the case in the audit trail. */
interface CaseRecord {
  tenantId: string;
  instanceId: string;
}

/**
 * Marks a field of a case record as personal data: resolving it appends a `case.read` entry
 * (once per case and kind in a request, committed before the value leaves), wherever the record
 * comes from: the case itself, a register page, or a mutation's answer. Nothing is recorded when
 * the value is empty, e.g. after the file was destroyed.
 */
export function PersonalData(kind: string): MiddlewareFn<RequestContext> {
  return async ({ root, context }, next) => {
    const value = await next();
    const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
    if (!empty) {
      const record = root as CaseRecord;
      const { actor, workflow, caseReads } = context;
      await workflow.recordCaseRead(actor, { tenantId: record.tenantId, instanceId: record.instanceId, data: kind }, caseReads);
    }
    return value;
  };
}
