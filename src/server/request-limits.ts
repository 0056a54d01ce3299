import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Actor } from '../identity/actor';
import { ApiLimitCode, limitErrorBody } from '../graphql/limits/api-limit-error';

/**
 * Per-person rate limit on /graphql (after authentication, so the key is the verified subject,
 * not an address many colleagues share behind the town hall's NAT). Counted per server process
 * in memory: with N servers behind a balancer a person gets at most N times the limit.
 */
export function perUserRateLimit(requestsPerMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: requestsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `user:${(res.locals.actor as Actor).subject}`,
    handler: (_req, res, _next, options) => {
      res
        .status(429)
        .set('Retry-After', String(Math.ceil(options.windowMs / 1000)))
        .json(limitErrorBody(ApiLimitCode.RATE_LIMITED, `more than ${requestsPerMinute} requests a minute: try again later`, { limit: requestsPerMinute }));
    },
  });
}

/** Refuses a batch (a JSON array of operations) longer than the cap, before anything runs. */
export function batchLimit(maxOperations: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (Array.isArray(req.body) && req.body.length > maxOperations) {
      res
        .status(400)
        .json(limitErrorBody(ApiLimitCode.BATCH_TOO_LARGE, `a batch may hold at most ${maxOperations} operations, got ${req.body.length}`, { limit: maxOperations }));
      return;
    }
    next();
  };
}
