import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../domain/ports/logger.port.js';
import { allows, OPEN_PRINCIPAL, presentedKey, type ApiKeyring, type ApiRole, type Principal } from './api-keys.js';
import type { TokenBucketLimiter } from './rate-limiter.js';

/** How a surface writes its errors: GraphQL-shaped (`errors[].extensions.code`) or REST-shaped (`error.code`). */
export type ErrorShape = 'graphql' | 'rest';

/** Writes a client error in the surface's shape, with the request's correlation id. */
export function sendClientError(res: Response, shape: ErrorShape, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  const requestId = res.locals.requestId as string | undefined;
  const body = shape === 'graphql'
    ? { errors: [{ message, extensions: { code, ...extra, ...(requestId ? { correlationId: requestId } : {}) } }] }
    : { error: { code, message, ...extra, ...(requestId ? { correlationId: requestId } : {}) } };
  res.status(status).json(body);
}

export interface HttpGuardOptions {
  /** Undefined: open (no key asked). */
  keyring: ApiKeyring | undefined;
  limiter: TokenBucketLimiter | undefined;
  shape: ErrorShape;
  /** The role a request needs; undefined: any valid key (GraphQL checks the operation later). */
  needs?: (req: Request) => ApiRole | undefined;
  logger: Logger;
}

/** The principal the guard attached to the request (the open principal when no key is asked). */
export function principalOf(res: Response): Principal {
  return (res.locals.principal as Principal | undefined) ?? OPEN_PRINCIPAL;
}

/**
 * Authenticates a request (`Authorization: Bearer <key>` or `x-api-key`),
 * spends a token of its caller's rate bucket (the key's name, else the client
 * IP, so guessing keys is limited too), then checks the role. Answers 429
 * RATE_LIMITED with Retry-After, 401 UNAUTHENTICATED, 403 FORBIDDEN.
 */
export function httpGuard(options: HttpGuardOptions): RequestHandler {
  const { keyring, limiter, shape, logger } = options;
  return (req, res, next) => {
    const presented = presentedKey(req.get('authorization'), req.get('x-api-key'));
    const principal = keyring ? (presented ? keyring.authenticate(presented) : undefined) : OPEN_PRINCIPAL;
    const caller = keyring && principal ? `key:${principal.name}` : `ip:${req.socket.remoteAddress ?? 'unknown'}`;
    const decision = limiter?.take(caller);
    if (decision && !decision.allowed) {
      res.set('Retry-After', String(decision.retryAfterSeconds));
      sendClientError(res, shape, 429, 'RATE_LIMITED', `Rate limit exceeded; retry after ${decision.retryAfterSeconds} s`, { retryAfterSeconds: decision.retryAfterSeconds });
      return;
    }
    if (!principal) {
      logger.warn({ requestId: res.locals.requestId, path: req.path, ip: req.socket.remoteAddress, keyPresented: presented !== undefined }, 'API request refused: missing or unknown API key');
      res.set('WWW-Authenticate', 'Bearer realm="trawl"');
      const message = presented === undefined ? 'An API key is required (Authorization: Bearer <key> or x-api-key)' : 'The API key is not valid';
      sendClientError(res, shape, 401, 'UNAUTHENTICATED', message);
      return;
    }
    const needed = options.needs?.(req);
    if (needed && !allows(principal, needed)) {
      sendClientError(res, shape, 403, 'FORBIDDEN', `API key ${principal.name} has the ${principal.role} role; ${req.method} ${req.baseUrl}${req.path} needs ${needed}`);
      return;
    }
    res.locals.principal = principal;
    next();
  };
}

/** REST: reading needs `read`, anything else `write`. */
export const restRole = (req: Request): ApiRole => (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' ? 'read' : 'write');
