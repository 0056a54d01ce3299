import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../persistence/database';
import { verifyAllChains } from './chain-verifier';

/**
 * `npm run audit:verify`: walks every tenant's audit chain and names the first bad entry.
 * Exit code 0 = every chain intact, 1 = a chain is broken, 2 = could not check.
 * On the embedded database (no DATABASE_URL) stop the server first: PGlite allows one process.
 */
async function main(): Promise<number> {
  const database = await openDatabase(loadConfig(), { migrate: false });
  try {
    const reports = await verifyAllChains((sql, params) => database.dataSource.query(sql, params));
    for (const r of reports) {
      console.log(r.ok ? `ok     ${r.tenantId}: ${r.entries} entries` : `BROKEN ${r.tenantId}: ${r.firstBreak!.kind} at seq ${r.firstBreak!.seq}: ${r.firstBreak!.message}`);
    }
    const broken = reports.filter((r) => !r.ok).length;
    console.log(broken ? `${broken} of ${reports.length} audit chains broken` : `all ${reports.length} audit chains intact`);
    return broken ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`audit verification could not run: ${(err as Error).message}`);
    process.exit(2);
  },
);
