import type { DataSource } from 'typeorm';
import { logger } from '../observability/logger';
import { describeError } from '../observability/error-description';
import { destroyAfterRetention } from './case-data-removal';
import { dueCases, lockDueCase } from './case-retention.repository';
import { dueThresholds, RetentionRule, ruleFor } from './retention-policy';

/**
 * One round of the retention timer: every ended case whose period has passed loses its personal
 * data, each in its own transaction with its audit entry. Exactly once: the case is taken with
 * SKIP LOCKED and marked in the same commit as the removal, so a second server (or round) finds
 * it done. Returns how many cases it handled.
 */
export async function removeDueCaseData(dataSource: DataSource, rules: readonly RetentionRule[], now = new Date(), limit = 20): Promise<number> {
  const thresholds = dueThresholds(rules, now);
  let removed = 0;
  for (const instanceId of await dueCases(dataSource.manager, thresholds, limit)) {
    try {
      const done = await dataSource.transaction('READ COMMITTED', async (em) => {
        const row = await lockDueCase(em, instanceId, thresholds);
        if (!row) return false;
        await destroyAfterRetention(em, { instanceId, tenantId: row.tenantId, caseType: row.caseType, period: ruleFor(rules, row.caseType).period }, now);
        return true;
      });
      if (done) {
        removed++;
        logger.info('personal data removed after retention', { instanceId });
      }
    } catch (err) {
      logger.error('removing personal data after retention failed', { instanceId, ...describeError(err) });
    }
  }
  return removed;
}
