import type { EntityManager } from 'typeorm';
import type { ServiceInvocation } from '../../../src/workflow/service-registry';
import { ZaaksysteemDirectory } from '../../../src/zaaksysteem/zaaksysteem-directory';
import { ZGW_SERVICES, zgwServiceHandlers } from '../../../src/zaaksysteem/zgw-services';

const instance = { id: 'case-1', tenantId: 'putten', processKey: 'incident-management', definitionId: 'def-1', startedBy: 'medewerker.putten', startedAt: new Date() };
const em = { findOneByOrFail: async () => instance, findOneBy: async () => null, findOne: async () => null } as unknown as EntityManager;
const invocation = (elementId: string): ServiceInvocation => ({ messageId: '00000000-0000-4000-8000-000000000001', instanceId: 'case-1', tenantId: 'putten', elementId, executionId: 'x', variables: {}, em });

/** Every municipality runs the same diagrams; only where a zaaksysteem is configured for the process is anything sent. */
describe('zgw.* steps where nothing is to be sent', () => {
  const handlers = (directory?: ZaaksysteemDirectory) => zgwServiceHandlers({ directory: () => directory, documents: () => undefined });

  it('without a configuration file every step is skipped with that reason and sends nothing', async () => {
    for (const handler of handlers()) {
      await expect(handler.perform(invocation('Step'))).resolves.toEqual({ skipped: 'no zaaksysteem is configured (ZGW_CONFIG_FILE)' });
    }
  });

  it('a municipality without a zaaksysteem, or a process it does not mirror, is skipped with its own reason', async () => {
    const leusdenOnly = new ZaaksysteemDirectory({ bron: 'privacyflow', municipalities: [] }, [{ settings: { tenantId: 'leusden' } as any, processes: {} }]);
    const create = handlers(leusdenOnly).find((h) => h.name === ZGW_SERVICES.createZaak)!;
    await expect(create.perform(invocation('ZaakAanmaken'))).resolves.toEqual({ skipped: 'municipality putten has no zaaksysteem configured' });
    const puttenWithoutIncidents = new ZaaksysteemDirectory({ bron: 'privacyflow', municipalities: [] }, [{ settings: { tenantId: 'putten' } as any, processes: {} }]);
    const status = handlers(puttenWithoutIncidents).find((h) => h.name === ZGW_SERVICES.setStatus)!;
    await expect(status.perform(invocation('StatusBeoordeeld'))).resolves.toEqual({ skipped: 'process incident-management is not mirrored in the zaaksysteem of putten' });
  });

  it('a process mirrored without a bezwaar zaaktype passes both bezwaar steps with that reason, before looking for any zaak', async () => {
    const mirrored = new ZaaksysteemDirectory({ bron: 'privacyflow', municipalities: [] }, [
      { settings: { tenantId: 'putten' } as any, processes: { 'incident-management': { processKey: 'incident-management', settings: {} } as any } },
    ]);
    for (const name of [ZGW_SERVICES.createBezwaarZaak, ZGW_SERVICES.closeBezwaarZaak]) {
      const step = handlers(mirrored).find((h) => h.name === name)!;
      await expect(step.perform(invocation('Bezwaar'))).resolves.toEqual({ skipped: 'no bezwaar zaaktype is configured for process incident-management of putten' });
    }
  });

  it('retries far longer than the default: an outage of the zaaksysteem of several hours loses no call', () => {
    expect(handlers().every((h) => h.maxAttempts === 24)).toBe(true);
  });
});
