import { markRemoved } from '../data-protection/case-retention.repository';
import { retentionActor } from '../data-protection/case-data-removal';
import { appendAudit } from '../workflow/audit-trail';
import { purgeEndedCaseData } from '../workflow/case-data-purge';
import type { ServiceHandler } from '../workflow/service-registry';
import { destroyCaseFile } from './incident-register';

/**
 * `incident-file-destruction` (step 41): when the retention period of a closed incident has
 * passed, its personal data are removed and a minimal register entry is kept. Runs in a
 * savepoint of the relay's transaction, so the destruction, its audit entry and the register
 * mark commit with the call being marked done; a repeated call finds the file already destroyed
 * and changes nothing.
 */
export const caseFileDestructionService: ServiceHandler = {
  name: 'incident-file-destruction',
  description: 'Vernietigt het incidentdossier na de bewaartermijn; een minimale registerregel blijft bewaard.',
  async perform(invocation) {
    await invocation.em.transaction(async (em) => {
      if (!(await destroyCaseFile(em, invocation.instanceId))) return;
      const now = new Date();
      // The call being performed still holds a copy of the variables: it goes with the rest.
      await purgeEndedCaseData(em, invocation.instanceId, invocation.executionId);
      await markRemoved(em, invocation.instanceId, 'retention', now);
      await appendAudit(em, retentionActor, {
        tenantId: invocation.tenantId,
        action: 'case.personal-data-destroyed',
        instanceId: invocation.instanceId,
        details: { caseType: 'incident', reason: 'retention', elementId: invocation.elementId },
      });
    });
  },
};
