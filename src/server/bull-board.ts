import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, type Request, type RequestHandler } from 'express';
import type { Logger } from '../domain/ports/logger.port.js';
import type { ApiKeyring } from './security/api-keys.js';
import { httpGuard } from './security/http-guard.js';
import type { TokenBucketLimiter } from './security/rate-limiter.js';

/** Where Bull Board is mounted. */
export const BULL_BOARD_PATH = '/admin/queues';

/** The cookie that carries a browser's key to the board (set from `?key=` once). */
export const BULL_BOARD_COOKIE = 'trawl_board_key';

/** A BullMQ queue, as Bull Board's adapter takes it (the queue library stays in src/queue). */
export type BoardQueue = ConstructorParameters<typeof BullMQAdapter>[0];

/** Options for {@link bullBoardRouter}. */
export interface BullBoardOptions {
  /** The queues to show (`scraping`, `scraping-urgent`), already bound to the configured prefix. */
  queues: readonly BoardQueue[];
  /** Undefined: open, as the rest of the API (loopback without keys). */
  keyring: ApiKeyring | undefined;
  limiter: TokenBucketLimiter | undefined;
  logger: Logger;
}

/**
 * Bull Board at `/admin/queues` for job-level inspection, read-only (retries,
 * removals and cleaning go through the GraphQL API, which keeps the job
 * records and campaign ledgers in step). When keys are configured every
 * request needs a write key: as a header like the rest of the API, or for a
 * browser `?key=<key>` once, which becomes an HttpOnly cookie scoped to the
 * board and is taken out of the address bar.
 */
export function bullBoardRouter(options: BullBoardOptions): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true, allowRetries: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'trawl queues' } },
  });
  const router = Router();
  const guard = httpGuard({ keyring: options.keyring, limiter: options.limiter, shape: 'rest', needs: () => 'write', logger: options.logger });
  router.use(BULL_BOARD_PATH, keyFromQueryOrCookie(options.keyring !== undefined), guard, serverAdapter.getRouter() as RequestHandler);
  return router;
}

/**
 * `?key=` on a GET: stores the key in a cookie and redirects to the same
 * address without it. A request without a key header but with the cookie is
 * treated as if it had sent the key as `x-api-key`.
 */
function keyFromQueryOrCookie(keysInUse: boolean): RequestHandler {
  return (req, res, next) => {
    if (!keysInUse) return next();
    const fromQuery = typeof req.query.key === 'string' ? req.query.key : undefined;
    if (fromQuery !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      const secure = req.secure ? '; Secure' : '';
      res.set('Set-Cookie', `${BULL_BOARD_COOKIE}=${encodeURIComponent(fromQuery)}; Path=${BULL_BOARD_PATH}; HttpOnly; SameSite=Strict${secure}`);
      res.set('Cache-Control', 'no-store').redirect(303, withoutKey(req));
      return;
    }
    const cookie = cookieValue(req, BULL_BOARD_COOKIE);
    const headerKey = req.get('authorization') ?? req.get('x-api-key');
    if (cookie !== undefined && headerKey === undefined) req.headers['x-api-key'] = cookie;
    else if (headerKey === undefined && req.method === 'GET' && req.path === '/' && req.accepts(['json', 'html']) === 'html') {
      res.status(401).set({ 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; form-action 'self'" }).type('html').send(LOGIN_PAGE);
      return;
    }
    next();
  };
}

/** Shown to a browser that opens the board without a key: the form sends `?key=` once. */
const LOGIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>trawl queues: API key</title></head>
<body><form method="get" action="${BULL_BOARD_PATH}"><label>Write API key <input name="key" type="password" autofocus required></label>
<button type="submit">Open Bull Board</button></form></body></html>`;

function withoutKey(req: Request): string {
  const url = new URL(req.originalUrl, 'http://x');
  url.searchParams.delete('key');
  return `${url.pathname}${url.search}`;
}

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
