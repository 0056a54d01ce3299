import { destroyIncidentFileAfterRetention } from '../data-protection/case-data-removal';
import type { ServiceHandler } from '../workflow/service-registry';

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
      await destroyIncidentFileAfterRetention(
        em,
        { instanceId: invocation.instanceId, tenantId: invocation.tenantId, elementId: invocation.elementId, executionId: invocation.executionId },
        new Date(),
      );
    });
  },
};
