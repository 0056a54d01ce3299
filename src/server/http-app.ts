import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express, NextFunction, Request, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { formatError } from '../graphql/error-mapping';
import { storableTextPlugin } from '../graphql/input/storable-text.plugin';
import { ApiLimitCode, limitErrorBody } from '../graphql/limits/api-limit-error';
import { costLimitPlugin } from '../graphql/limits/cost-limit.plugin';
import { queryShapeRules } from '../graphql/limits/validation-rules';
import type { DomainServices, RequestContext } from '../graphql/context';
import type { Actor } from '../identity/actor';
import { IdentityError } from '../identity/identity-error';
import { logger } from '../observability/logger';
import type { PlatformMetrics } from '../observability/metrics';
import { graphqlRequestSpan, graphqlSpanNamePlugin } from '../observability/tracing';
import { requestContext, requestIdFrom } from '../observability/request-context';
import { batchLimit, perUserRateLimit } from './request-limits';

/** Abuse limits on /graphql; each refusal answers a typed error (see graphql/limits/api-limit-error.ts). */
export interface ApiLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Operations in one batched HTTP request; 1 turns batching off. */
  maxBatch: number;
  rateLimitPerMinute: number;
}

export interface HttpAppOptions {
  schema: GraphQLSchema;
  services: DomainServices;
  production: boolean;
  /** Verifies the Authorization header; throws IdentityError when it cannot. */
  authenticate: (authorization: string | undefined) => Promise<Actor>;
  /** Readiness checks: each resolves true when its dependency is usable. */
  readiness: Record<string, () => Promise<boolean>>;
  /** Extra routes mounted before /graphql (the development identity provider). */
  extraRouters?: express.Router[];
  /** Largest accepted request body (diagrams travel inside GraphQL requests). */
  bodyLimit?: string;
  /** Express 'trust proxy' setting: which proxies' X-Forwarded-For to believe for the client address. */
  trustProxy?: boolean | number | string;
  limits: ApiLimits;
  /** Prometheus metrics at /metrics; absent = no metrics. */
  metrics?: PlatformMetrics;
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

/** A readiness check that hangs (a database behind a dead connection) counts as failed. */
const READINESS_CHECK_TIMEOUT_MS = 5000;

function withTimeout(check: () => Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), READINESS_CHECK_TIMEOUT_MS)));
  return Promise.race([check().catch(() => false), timeout]).finally(() => clearTimeout(timer));
}

export async function createHttpApp(options: HttpAppOptions): Promise<{ app: Express; apollo: ApolloServer<RequestContext> }> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);

  // Every request gets an id: echoed in X-Request-Id, on every log line, in every audit entry.
  app.use((req, res, next) => {
    const fields = { requestId: requestIdFrom(req.get('x-request-id')) };
    res.locals.requestContext = fields;
    res.set('X-Request-Id', fields.requestId);
    const startedAt = process.hrtime.bigint();
    res.on('finish', () => {
      // originalUrl: a router mounted on /graphql has stripped req.url by the time the response ends.
      const path = new URL(req.originalUrl, 'http://local').pathname;
      options.metrics?.observeHttpRequest(path, res.statusCode);
      // Path only: a query string may carry a GraphQL document with personal data.
      logger.info('http request', {
        requestId: fields.requestId,
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - startedAt) / 1000n) / 1000,
      });
    });
    requestContext.run(fields, next);
  });
  // Body parsing resumes in stream callbacks outside the request's async context; enter it again.
  const restoreContext = (_req: Request, res: Response, next: NextFunction) => requestContext.run(res.locals.requestContext, next);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const names = Object.keys(options.readiness);
    const results = await Promise.all(names.map((name) => withTimeout(options.readiness[name])));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  const { metrics, metricsToken } = options;
  if (metrics) {
    app.get('/metrics', async (req, res) => {
      if (metricsToken && req.get('authorization') !== `Bearer ${metricsToken}`) {
        res.status(401).json({ errors: [{ message: 'metrics require the metrics token', extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
      res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  for (const router of options.extraRouters ?? []) app.use(router);

  const { limits } = options;
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError,
    // Introspection is refused by our own rule in production (Apollo's carries no stable code).
    introspection: true,
    validationRules: queryShapeRules({ maxDepth: limits.maxDepth, maxAliases: limits.maxAliases, refuseIntrospection: options.production }),
    maxRecursiveSelections: true,
    allowBatchedHttpRequests: limits.maxBatch > 1,
    // No "did you mean" field suggestions that would reveal the schema in production.
    hideSchemaDetailsFromClientErrors: options.production,
    includeStacktraceInErrorResponses: false,
    plugins: [
      storableTextPlugin(),
      costLimitPlugin(limits.maxCost),
      ...(metrics ? [metrics.graphqlPlugin()] : []),
      graphqlSpanNamePlugin,
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    logger: { debug: (m) => logger.debug(String(m)), info: (m) => logger.info(String(m)), warn: (m) => logger.warn(String(m)), error: (m) => logger.error(String(m)) },
  });
  await apollo.start();

  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const actor = await options.authenticate(req.headers.authorization);
      res.locals.actor = { ...actor, origin: { clientAddress: req.ip ?? null, requestId: res.locals.requestContext.requestId } } satisfies Actor;
      next();
    } catch (err) {
      if (err instanceof IdentityError) {
        const extensions = { code: err.code, ...(err.reason ? { reason: err.reason } : {}) };
        res.status(401).set('WWW-Authenticate', 'Bearer realm="privacyflow"').json({ errors: [{ message: err.message, extensions }] });
        return;
      }
      next(err);
    }
  };

  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '2mb' }),
    restoreContext,
    graphqlRequestSpan,
    authenticate,
    perUserRateLimit(limits.rateLimitPerMinute),
    batchLimit(limits.maxBatch),
    expressMiddleware(apollo, {
      context: async ({ res }) => ({ actor: res.locals.actor as Actor, ...options.services, caseReads: new Map() }),
    }),
  );

  // Body-parser errors (too large, malformed JSON) get a typed answer instead of an HTML page.
  app.use((err: any, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (err?.type === 'entity.too.large') {
      res.status(413).json(limitErrorBody(ApiLimitCode.PAYLOAD_TOO_LARGE, 'request body too large', { limit: err.limit }));
      return;
    }
    const code = status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    if (status >= 500) logger.error('http error', { error: (err as Error)?.name });
    res.status(status).json({ errors: [{ message: status < 500 ? String(err.message) : 'Internal server error', extensions: { code } }] });
  });
  return { app, apollo };
}
