import { DataSource } from 'typeorm';
import { allMigrations } from '../../migrations';
import type { Config } from '../config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { allEntities } from './entities';
import { QueryLogger } from './query-logger';

export interface Database {
  dataSource: DataSource;
  /** 'postgres' for DATABASE_URL, 'pglite' for the embedded default. */
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** Opens the configured database and applies pending migrations (unless `migrate` is false: read-only tools). */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl ?? embedded!.url,
    entities: allEntities,
    migrations: allMigrations,
    migrationsRun: false,
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    logger: new QueryLogger(),
    poolSize: embedded ? 1 : config.databasePoolSize,
    extra: { connectionTimeoutMillis: 10000 },
  });
  try {
    await dataSource.initialize();
    if (options.migrate !== false) await dataSource.runMigrations({ transaction: 'each' });
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw err;
  }
  return {
    dataSource,
    kind: embedded ? 'pglite' : 'postgres',
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/** True when every migration the code knows has been applied (used by /readyz). */
export async function migrationsApplied(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.showMigrations());
}
