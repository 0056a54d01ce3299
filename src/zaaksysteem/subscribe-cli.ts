import { loadConfig } from '../config';
import { loadZgwSettings } from './zgw-config';
import { subscribe } from './subscription';

/** `npm run zgw:subscribe -- <tenant>`: registers the abonnement of one municipality (see README). */
async function main() {
  const tenantId = process.argv[2];
  const config = loadConfig();
  if (!tenantId || !config.zgwConfigFile || !config.publicUrl) {
    console.error('usage: ZGW_CONFIG_FILE=… PUBLIC_URL=https://… npm run zgw:subscribe -- <tenant>');
    process.exit(2);
  }
  const m = loadZgwSettings(config.zgwConfigFile).municipalities.find((x) => x.tenantId === tenantId);
  if (!m) throw new Error(`municipality ${tenantId} is not in ${config.zgwConfigFile}`);
  const abonnement = await subscribe(m, config.publicUrl);
  console.log(`abonnement registered: ${abonnement.url}`);
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
