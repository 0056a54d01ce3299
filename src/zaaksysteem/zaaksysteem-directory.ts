import type { ResolvedMunicipality, ResolvedProcess } from './catalogue-resolution';
import type { ZgwSettings } from './zgw-config';
import { ZgwError, ZgwErrorCode } from './zgw-error';

/** The resolved configuration, looked up by municipality and process. */
export class ZaaksysteemDirectory {
  constructor(
    readonly settings: ZgwSettings,
    readonly municipalities: ResolvedMunicipality[],
  ) {}

  municipality(tenantId: string): ResolvedMunicipality {
    const m = this.municipalities.find((x) => x.settings.tenantId === tenantId);
    if (!m) throw new ZgwError(ZgwErrorCode.NOT_CONFIGURED, `municipality ${tenantId} has no zaaksysteem configured`);
    return m;
  }

  process(tenantId: string, processKey: string): { municipality: ResolvedMunicipality; process: ResolvedProcess } {
    const municipality = this.municipality(tenantId);
    const process = municipality.processes[processKey];
    if (!process) throw new ZgwError(ZgwErrorCode.NOT_CONFIGURED, `process ${processKey} of ${tenantId} is not mirrored as a zaak`);
    return { municipality, process };
  }

  /** The municipality whose abonnement used this Authorization header value. */
  byNotificationAuth(authorization: string | undefined): ResolvedMunicipality | undefined {
    if (!authorization) return undefined;
    return this.municipalities.find((m) => m.settings.notificationAuth === authorization);
  }
}
