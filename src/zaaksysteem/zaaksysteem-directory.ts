import type { ResolvedMunicipality, ResolvedProcess } from './catalogue-resolution';
import type { ZgwMunicipalitySettings, ZgwSettings } from './zgw-config';
import { ZgwHttpClient, ZgwTransport } from './zgw-http';
import type { ZgwActingUser } from './zgw-token';

/** The resolved configuration, looked up by municipality and process. */
export class ZaaksysteemDirectory {
  constructor(
    readonly settings: ZgwSettings,
    readonly municipalities: ResolvedMunicipality[],
    readonly transport: ZgwTransport = {},
  ) {}

  /** The municipality's zaaksysteem, or undefined when it has none. */
  municipality(tenantId: string): ResolvedMunicipality | undefined {
    return this.municipalities.find((x) => x.settings.tenantId === tenantId);
  }

  /** The process as mirrored in the municipality's zaaksysteem, or undefined when it is not. */
  process(tenantId: string, processKey: string): { municipality: ResolvedMunicipality; process: ResolvedProcess } | undefined {
    const municipality = this.municipality(tenantId);
    const process = municipality?.processes[processKey];
    return municipality && process ? { municipality, process } : undefined;
  }

  /** A client for one municipality acting as `user` (the zaaksysteem's audit trail shows who). */
  client(municipality: ZgwMunicipalitySettings, user: ZgwActingUser): ZgwHttpClient {
    return new ZgwHttpClient(municipality, user, this.transport);
  }
}
