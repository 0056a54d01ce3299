import type { DataSource } from 'typeorm';
import type { ServiceHandler } from '../workflow/service-registry';
import { destroyCaseFile } from './incident-register';

/**
 * `incident-file-destruction` (step 41): when the retention period of a closed incident has
 * passed, its personal data are removed and a minimal register entry is kept. Idempotent: a
 * repeated call after a crash finds the file already destroyed and changes nothing.
 */
export function caseFileDestructionService(dataSource: () => DataSource | undefined): ServiceHandler {
  return {
    name: 'incident-file-destruction',
    description: 'Vernietigt het incidentdossier na de bewaartermijn; een minimale registerregel blijft bewaard.',
    async perform(invocation) {
      // In the relay's transaction (behind a savepoint) when given: no second connection from a one-connection pool.
      if (invocation.em) return invocation.em.transaction((em) => destroyCaseFile(em, invocation.instanceId));
      const ds = dataSource();
      if (!ds) throw new Error('incident-file-destruction needs a database');
      await ds.transaction((em) => destroyCaseFile(em, invocation.instanceId));
    },
  };
}
