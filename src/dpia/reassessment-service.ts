import { IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { systemActor } from '../identity/actor';
import { DpiaEntity } from '../persistence/entities';
import type { ServiceHandler } from '../workflow/service-registry';
import type { DpiaService } from './dpia.service';

/**
 * `dpia-reassessment` (BLNP: every four years): when the re-assessment date of a processing has come, a
 * new DPIA case starts for it. Idempotent: while the processing has a DPIA that is not completed (this
 * call's earlier attempt, or a change signalled meanwhile) nothing new starts.
 */
export function dpiaReassessmentService(dpia: () => DpiaService | undefined): ServiceHandler {
  return {
    name: 'dpia-reassessment',
    description: 'Start de periodieke herbeoordeling (DPIA) van een verwerking uit het verwerkingsregister.',
    async perform(invocation) {
      const service = dpia();
      if (!service) throw new Error('dpia-reassessment needs the DPIA service');
      const work = async (em: EntityManager) => {
        const previous = await em.findOneByOrFail(DpiaEntity, { instanceId: invocation.instanceId });
        const open = await em.count(DpiaEntity, { where: { processingId: previous.processingId, completedAt: IsNull() } });
        if (open > 0) return;
        const signal = `Periodieke herbeoordeling na ${previous.reference}`;
        await service.startCase(systemActor('dpia-reassessment'), previous.tenantId, 'reassessment', signal, async () => previous.processingId, { within: em });
      };
      // In the relay's transaction, behind a savepoint: a failed start leaves nothing behind.
      await invocation.em.transaction(work);
    },
  };
}
