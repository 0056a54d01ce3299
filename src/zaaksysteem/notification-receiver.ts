import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { DataSource } from 'typeorm';
import { logger } from '../observability/logger';
import { ZaakLinkEntity, ZgwNotificationEntity, ProcessInstanceEntity } from '../persistence/entities';
import { WorkflowError, WorkflowErrorCode } from '../workflow/workflow-error';
import type { WorkflowService } from '../workflow/workflow-service';
import type { ResolvedMunicipality } from './catalogue-resolution';
import { Notificatie, notificationId, validateNotificatie } from './notification-message';
import { integrationActor, originatesHere, startCaseForZaak, ZaakIntakes } from './zaak-intake';
import { ZgwError, ZgwErrorCode } from './zgw-error';
import type { ZaaksysteemDirectory } from './zaaksysteem-directory';
import { ZgwResponses } from './zgw-responses';

export const NOTIFICATION_PATH = '/zgw/notificaties';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const fout = (status: number, code: string, title: string) => ({ type: `urn:privacyflow:zgw:${code}`, code, title, status, detail: title, instance: `urn:uuid:${code}` });

type Outcome = 'started' | 'correlated' | 'ignored' | 'refused';

export class NotificationReceiver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: WorkflowService,
    private readonly directory: ZaaksysteemDirectory,
    private readonly intakes: ZaakIntakes,
  ) {}

  private authenticate(header: string | undefined): ResolvedMunicipality | undefined {
    if (!header) return undefined;
    return this.directory.municipalities.find((m) => sameSecret(m.settings.notificationAuth, header));
  }

  router(): express.Router {
    const router = express.Router();
    router.post(NOTIFICATION_PATH, express.json({ limit: '64kb' }), async (req, res) => {
      const municipality = this.authenticate(req.header('authorization'));
      if (!municipality) {
        res.status(401).type('application/problem+json').json(fout(401, 'not_authenticated', 'Authenticatiegegevens zijn niet opgegeven of onjuist.'));
        return;
      }
      const { message, invalid } = validateNotificatie(req.body);
      if (!message) {
        res.status(400).type('application/problem+json').json({ ...fout(400, 'invalid', 'Invalid input.'), 'invalid-params': invalid });
        return;
      }
      if (message.kanaal === 'test') {
        res.status(204).end();
        return;
      }
      try {
        const outcome = await this.handle(municipality, message);
        logger.info('zaaksysteem notification', { tenantId: municipality.settings.tenantId, kanaal: message.kanaal, resource: message.resource, actie: message.actie, outcome });
        res.status(204).end();
      } catch (err) {
        // A 5xx makes Open Notificaties deliver again later (at-least-once), which is what we want.
        logger.error('zaaksysteem notification failed', { tenantId: municipality.settings.tenantId, error: (err as Error).message });
        res.status(500).type('application/problem+json').json(fout(500, 'error', 'De notificatie kon niet worden verwerkt.'));
      }
    });
    return router;
  }

  /** Handles one authenticated, valid message once; returns what it did (or 'ignored' for a repeat). */
  async handle(municipality: ResolvedMunicipality, message: Notificatie): Promise<Outcome | 'duplicate'> {
    const tenantId = municipality.settings.tenantId;
    const id = notificationId(message);
    if (await this.dataSource.getRepository(ZgwNotificationEntity).existsBy({ id })) return 'duplicate';
    const record = { id, tenantId, receivedAt: new Date() };

    const link = await this.dataSource.getRepository(ZaakLinkEntity).findOneBy({ zaakUrl: message.hoofdObject });
    const starting = Object.values(municipality.processes).find((p) => p.settings.startsOnNewZaak && p.zaaktype.url === message.kenmerken?.zaaktype);
    if (!link && starting && message.kanaal === 'zaken' && message.resource === 'zaak' && message.actie === 'create') {
      // A zaak this platform created itself (its notification can arrive before our link commits) starts nothing.
      const client = this.directory.client(municipality.settings, { userId: 'system:zaaksysteem', representation: 'privacyflow' });
      const zaak = await client.get(message.hoofdObject, ZgwResponses.zaak);
      if (originatesHere(zaak, this.directory.settings.bron)) {
        await this.dataSource.createQueryBuilder().insert().into(ZgwNotificationEntity).values({ ...record, outcome: 'ignored' }).orIgnore().execute();
        return 'ignored';
      }
      try {
        const started = await startCaseForZaak(this.intakes, { tenantId, process: starting, zaakUrl: message.hoofdObject, client }, async (em) => {
          await em.insert(ZgwNotificationEntity, { ...record, outcome: 'started' });
        });
        return started ? 'started' : 'duplicate';
      } catch (err) {
        // Delivering the same message again cannot repair the zaak's data; reconciliation retries once it is corrected there.
        if (!(err instanceof ZgwError && err.code === ZgwErrorCode.INTAKE_REFUSED)) throw err;
        logger.warn('zaak not taken in', { tenantId, processKey: starting.processKey, code: err.code, error: err.message });
        await this.dataSource.createQueryBuilder().insert().into(ZgwNotificationEntity).values({ ...record, outcome: 'refused' }).orIgnore().execute();
        return 'refused';
      }
    }

    let outcome: Outcome = 'ignored';
    if (link && link.tenantId === tenantId) {
      const instance = await this.dataSource.getRepository(ProcessInstanceEntity).findOneBy({ id: link.instanceId });
      if (instance?.businessKey) {
        try {
          await this.workflow.correlate({
            messageName: `zgw.${message.resource}.${message.actie}`,
            businessKey: instance.businessKey,
            variables: { zgwResourceUrl: message.resourceUrl },
            tenantId,
            actor: integrationActor(tenantId),
          });
          outcome = 'correlated';
        } catch (err) {
          // The case does not wait for this kind of change: nothing to do, and no reason to have it redelivered.
          if (!(err instanceof WorkflowError && err.code === WorkflowErrorCode.MESSAGE_NOT_CORRELATED)) throw err;
        }
      }
    }
    await this.dataSource.createQueryBuilder().insert().into(ZgwNotificationEntity).values({ ...record, outcome }).orIgnore().execute();
    return outcome;
  }
}
