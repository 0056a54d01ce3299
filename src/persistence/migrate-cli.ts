/**
 * `npm run migrate`: applies pending migrations to the configured database (DATABASE_URL, or the
 * embedded PGlite under DATA_DIR) and exits; for deployments that migrate before starting servers.
 */
import 'reflect-metadata';
import { loadConfig } from '../config';
import { migrationsApplied, openDatabase } from './database';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const applied = await migrationsApplied(database.dataSource);
    console.log(`[privacyflow] migrations ${applied ? 'up to date' : 'NOT all applied'} on ${database.kind}`);
    process.exitCode = applied ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error('[privacyflow] migration failed:', error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
