import type { ZgwMunicipalitySettings } from './zgw-config';
import { ZgwError, ZgwErrorCode } from './zgw-error';
import { ZgwHttpClient, ZgwTransport } from './zgw-http';
import { NOTIFICATION_PATH } from './notification-receiver';
import { ZgwResponses } from './zgw-responses';

/**
 * Registers our webhook with the municipality's Notificaties API (an abonnement). The `auth`
 * value is what Open Notificaties sends back as Authorization header, so it is the one the
 * receiver checks. Open Notificaties probes the callback with a `kanaal: "test"` message before
 * it accepts the abonnement, so the platform must be running and reachable at publicUrl.
 */
export async function subscribe(m: ZgwMunicipalitySettings, publicUrl: string, transport: ZgwTransport = {}): Promise<{ url: string }> {
  if (!m.apis.notificaties) throw new ZgwError(ZgwErrorCode.NOT_CONFIGURED, `municipality ${m.tenantId} has no apis.notificaties URL`);
  const client = new ZgwHttpClient(m, { userId: 'system:zaaksysteem', representation: 'privacyflow (abonnement)' }, transport);
  return client.post(`${m.apis.notificaties}/abonnement`, {
    callbackUrl: `${publicUrl.replace(/\/+$/, '')}${NOTIFICATION_PATH}`,
    auth: m.notificationAuth,
    // Only this municipality's zaken; which ones matter is decided on arrival (zaaktype, linked zaak).
    kanalen: [{ naam: 'zaken', filters: { bronorganisatie: m.rsin } }],
  }, ZgwResponses.abonnement);
}
