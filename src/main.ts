import { loadConfig } from './config';
import { describeError } from './observability/error-description';
import { logger } from './observability/logger';
import { startTracing } from './observability/tracing';
import { startPlatform } from './platform';

/** `npm start`: serve the platform until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Before anything else: the async-context manager must see every request.
  const tracing = startTracing(config.otlpEndpoint);
  const platform = await startPlatform(config);
  const shutdown = async (signal: string) => {
    logger.info('shutting down', { signal });
    await platform.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  logger.error('start failed', { ...describeError(err), problems: (err as any).problems });
  process.exit(1);
});
