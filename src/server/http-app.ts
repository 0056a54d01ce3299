import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express, NextFunction, Request, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { formatError } from '../graphql/error-mapping';
import type { DomainServices, RequestContext } from '../graphql/context';
import type { Actor } from '../identity/actor';
import { IdentityError } from '../identity/identity-error';

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
}

export async function createHttpApp(options: HttpAppOptions): Promise<{ app: Express; apollo: ApolloServer<RequestContext> }> {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, boolean> = {};
    for (const [name, check] of Object.entries(options.readiness)) {
      checks[name] = await check().catch(() => false);
    }
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  for (const router of options.extraRouters ?? []) app.use(router);

  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals.actor = await options.authenticate(req.headers.authorization);
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
    authenticate,
    expressMiddleware(apollo, {
      context: async ({ res }) => ({ actor: res.locals.actor as Actor, ...options.services }),
    }),
  );

  // Body-parser errors (too large, malformed JSON) get a typed answer instead of an HTML page.
  app.use((err: any, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err?.status === 'number' ? err.status : 500;
    const code = err?.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    res.status(status).json({ errors: [{ message: status < 500 ? String(err.message) : 'Internal server error', extensions: { code } }] });
  });
  return { app, apollo };
}
