import type { Logger as TypeOrmLogger } from 'typeorm';
import { describeError } from '../observability/error-description';
import { logger } from '../observability/logger';

/**
 * TypeORM's own logger prints failed queries with their parameters, which hold case data.
 * This one writes the statement's first words and the redacted error, never the parameters.
 */
export class QueryLogger implements TypeOrmLogger {
  logQuery(): void {}
  logQuerySlow(time: number, query: string): void {
    logger.warn('slow query', { sql: statementHead(query), durationMs: time });
  }
  logQueryError(error: string | Error, query: string): void {
    logger.error('query failed', { sql: statementHead(query), ...describeError(typeof error === 'string' ? new Error(error) : error) });
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    logger.info('migration', { message });
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') logger.warn('database', { message: String(message) });
  }
}

/** Enough of the SQL to know which statement failed; our statements carry values only as parameters. */
function statementHead(query: string): string {
  return query.replace(/\s+/g, ' ').trim().slice(0, 120);
}
