import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { logger } from '../observability/logger';
import { ZaakLinkEntity } from '../persistence/entities';
import type { WorkflowService } from '../workflow/workflow-service';
import { originatesHere, startCaseForZaak } from './zaak-intake';
import type { ZaaksysteemDirectory } from './zaaksysteem-directory';
import { ZgwHttpClient } from './zgw-http';

/**
 * Notifications can be lost (the standard says consumers must assume so). This round asks the
 * Zaken API for recent zaken of every zaaktype that starts a process and starts the cases whose
 * notification never arrived. Returns the number of cases started.
 */
export async function reconcileNewZaken(dataSource: DataSource, workflow: WorkflowService, directory: ZaaksysteemDirectory, lookbackDays: number): Promise<number> {
  let started = 0;
  const since = DateTime.now().setZone('Europe/Amsterdam').minus({ days: lookbackDays }).toISODate()!;
  for (const m of directory.municipalities) {
    const client = new ZgwHttpClient(m.settings, { userId: 'system:zaaksysteem', representation: 'privacyflow (reconciliatie)' });
    for (const process of Object.values(m.processes).filter((p) => p.settings.startsOnNewZaak)) {
      const zaken = await client.all<{ url: string; einddatum?: string | null; kenmerken?: { bron: string }[] }>(`${m.settings.apis.zaken}/zaken`, {
        zaaktype: process.zaaktype.url,
        startdatum__gte: since,
      });
      const open = zaken.filter((z) => !z.einddatum && !originatesHere(z, directory.settings.bron));
      if (!open.length) continue;
      const linked = new Set(
        (await dataSource.getRepository(ZaakLinkEntity).createQueryBuilder('l').where('l.zaak_url IN (:...urls)', { urls: open.map((z) => z.url) }).getMany()).map((l) => l.zaakUrl),
      );
      for (const zaak of open.filter((z) => !linked.has(z.url))) {
        if (await startCaseForZaak(workflow, m.settings.tenantId, process, zaak.url)) {
          started += 1;
          logger.info('zaak caught up by reconciliation', { tenantId: m.settings.tenantId, processKey: process.processKey });
        }
      }
    }
  }
  return started;
}
