import { loadConfig } from './config';
import { describeError } from './observability/error-description';
import { logger } from './observability/logger';
import { startPlatform } from './platform';

/** `npm start`: serve the platform until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const platform = await startPlatform(loadConfig());
  const shutdown = async (signal: string) => {
    logger.info('shutting down', { signal });
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  logger.error('start failed', { ...describeError(err), problems: (err as any).problems });
  process.exit(1);
});
