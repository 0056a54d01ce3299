import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { logger } from '../observability/logger';
import { ZaakLinkEntity } from '../persistence/entities';
import { originatesHere, startCaseForZaak, ZaakIntakes } from './zaak-intake';
import type { ZaaksysteemDirectory } from './zaaksysteem-directory';
import { ZgwResponses } from './zgw-responses';

/**
 * Notifications can be lost (the standard says consumers must assume so). This round asks the
 * Zaken API for recent zaken of every zaaktype that starts a process and starts the cases whose
 * notification never arrived. Returns the number of cases started.
 */
export async function reconcileNewZaken(dataSource: DataSource, intakes: ZaakIntakes, directory: ZaaksysteemDirectory, lookbackDays: number): Promise<number> {
  let started = 0;
  const since = DateTime.now().setZone('Europe/Amsterdam').minus({ days: lookbackDays }).toISODate()!;
  for (const m of directory.municipalities) {
    const client = directory.client(m.settings, { userId: 'system:zaaksysteem', representation: 'privacyflow (reconciliatie)' });
    for (const process of Object.values(m.processes).filter((p) => p.settings.startsOnNewZaak)) {
      const zaken = await client.all(`${m.settings.apis.zaken}/zaken`, ZgwResponses.zaak, {
        zaaktype: process.zaaktype.url,
        startdatum__gte: since,
      });
      const open = zaken.filter((z) => !z.einddatum && !originatesHere(z, directory.settings.bron));
      if (!open.length) continue;
      const linked = new Set(
        (await dataSource.getRepository(ZaakLinkEntity).createQueryBuilder('l').where('l.zaak_url IN (:...urls)', { urls: open.map((z) => z.url) }).getMany()).map((l) => l.zaakUrl),
      );
      for (const zaak of open.filter((z) => !linked.has(z.url))) {
        try {
          if (await startCaseForZaak(intakes, { tenantId: m.settings.tenantId, process, zaakUrl: zaak.url, client })) {
            started += 1;
            logger.info('zaak caught up by reconciliation', { tenantId: m.settings.tenantId, processKey: process.processKey });
          }
        } catch (err) {
          // One zaak that cannot become a case (its data are refused) must not stop the others; it is tried again next round.
          logger.warn('zaak not taken in by reconciliation', { tenantId: m.settings.tenantId, processKey: process.processKey, code: (err as { code?: string }).code, error: (err as Error).message });
        }
      }
    }
  }
  return started;
}
