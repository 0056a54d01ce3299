import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AuditError } from '../audit/audit-error';
import { BreachError } from '../breach-notification/breach-error';
import { DiagramRejectedError } from '../deployment/deployment-error';
import { DATA_PROTECTION_ERROR_TEXTS, DataProtectionError } from '../data-protection/data-protection-error';
import { DsrError } from '../dsr/dsr-error';
import { DsrRequestError } from '../dsr/dsr-request-error';
import { DPIA_ERROR_TEXTS, DpiaError } from '../dpia/dpia-error';
import { IncidentError } from '../incidents/incident-error';
import { IdentityError } from '../identity/identity-error';
import { NotificationError } from '../notifications/notification-error';
import { ApiLimitError } from './limits/api-limit-error';
import { describeError } from '../observability/error-description';
import { logger } from '../observability/logger';
import { isDatabaseUnavailable } from '../persistence/database-availability';
import { WorkflowError } from '../workflow/workflow-error';

/** Every domain error becomes a GraphQL error with a stable `extensions.code`; the one place this happens. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error) as any;
  // Limit refusals reach here directly (plugins) or wrapped by Apollo's ValidationError (rules).
  const limit = original instanceof ApiLimitError ? original : original?.originalError instanceof ApiLimitError ? original.originalError : null;
  if (limit) {
    return { message: limit.message, extensions: { code: limit.code, ...(limit.limit !== undefined ? { limit: limit.limit } : {}) } };
  }
  if (original instanceof WorkflowError) {
    return { message: original.message, path: formatted.path, extensions: { code: original.code, ...(original.details ?? {}) } };
  }
  if (original instanceof DiagramRejectedError) {
    return { message: original.message, path: formatted.path, extensions: { code: original.code, problems: original.problems } };
  }
  if (original instanceof IncidentError || original instanceof BreachError) {
    const details = original instanceof IncidentError ? original.details : undefined;
    const extensions = { code: original.code, ...(original.fieldErrors ? { fieldErrors: original.fieldErrors } : {}), ...(details ?? {}) };
    return { message: original.message, path: formatted.path, extensions };
  }
  if (original instanceof DsrRequestError) {
    const extensions = { code: original.code, ...(original.details ?? {}), ...(original.fieldErrors ? { fieldErrors: original.fieldErrors } : {}) };
    return { message: original.message, path: formatted.path, extensions };
  }
  if (original instanceof DsrError) {
    return { message: original.message, path: formatted.path, extensions: { code: original.code, ...(original.details ?? {}) } };
  }
  if (original instanceof DpiaError) {
    // The Dutch text is what staff see; the details name the fields or members concerned.
    const extensions = { code: original.code, text: DPIA_ERROR_TEXTS[original.code], ...(original.details ?? {}) };
    return { message: original.message, path: formatted.path, extensions };
  }
  if (original instanceof DataProtectionError) {
    const extensions = { code: original.code, text: DATA_PROTECTION_ERROR_TEXTS[original.code], ...(original.details ?? {}) };
    return { message: original.message, path: formatted.path, extensions };
  }
  if (original instanceof AuditError || original instanceof NotificationError) {
    return { message: original.message, path: formatted.path, extensions: { code: original.code } };
  }
  if (original instanceof IdentityError) {
    return { message: original.message, path: formatted.path, extensions: { code: original.code, ...(original.reason ? { reason: original.reason } : {}) } };
  }
  const code = formatted.extensions?.code;
  if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  if (isDatabaseUnavailable(original)) {
    logger.warn('database unavailable', { path: formatted.path, ...describeError(original) });
    return { message: 'the database cannot be reached right now; try again shortly', path: formatted.path, extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true } };
  }
  // Unexpected: log the developer detail (no variables, no input), answer without internals.
  logger.error('internal error', { path: formatted.path, ...describeError(original) });
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
