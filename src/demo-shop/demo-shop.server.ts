import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoShopOptions, ShopCatalog, ShopFlavour } from './shop-catalog.type.js';
import { SHOP_FLAVOURS } from './shop-catalog.type.js';
import { generateCatalog } from './catalog.generator.js';
import { resolveDemoShopOptions } from './demo-shop.options.js';
import type { ShopResponse } from './shop-response.js';
import { respond } from './shop-response.js';
import type { SiteContext } from './site-context.js';
import { createSiteContext } from './site-context.js';
import { routeRequest } from './shop.router.js';

/** One request the shop received. */
export interface ShopRequest {
  method: string;
  /** The request target as sent: path and query. */
  path: string;
  /** `Date.now()` on arrival. */
  at: number;
}

/** A running demo shop. */
export interface DemoShop {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:PORT/`. */
  url: string;
  port: number;
  flavour: ShopFlavour;
  catalog: ShopCatalog;
  /** Every request received so far, in arrival order (every method and route, errors included); a copy. */
  requests(): readonly ShopRequest[];
  /** Targets (path and query) of requests robots.txt disallows, in arrival order; a copy. */
  disallowedHits(): readonly string[];
  /** Stops listening, drops open connections and pending slow responses. Idempotent. */
  close(): Promise<void>;
}

/** One running shop per flavour. */
export type DemoShops = Readonly<Record<ShopFlavour, DemoShop>>;

/** Generates the catalog and serves it over HTTP/1.1 (keep-alive) on loopback by default. */
export async function startDemoShop(options: DemoShopOptions = {}): Promise<DemoShop> {
  const resolved = resolveDemoShopOptions(options);
  const catalog = generateCatalog(resolved);
  const server = createServer();
  const port = await listen(server, resolved.host, resolved.port);
  const origin = `http://${resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host}:${port}`;
  const site = createSiteContext(catalog, origin);
  const pending = new Set<NodeJS.Timeout>();
  const log: ShopRequest[] = [];
  const disallowed: string[] = [];
  // After listening, a server error (EMFILE on accept, say) must not crash the host test process.
  server.on('error', () => undefined);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const target = request.url ?? '/';
    log.push({ method: request.method ?? 'GET', path: target, at: Date.now() });
    if (catalog.isDisallowed(target)) disallowed.push(target);
    handle(site, request, response, pending);
  });
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/`,
    port,
    flavour: catalog.flavour,
    catalog,
    requests: () => log.slice(),
    disallowedHits: () => disallowed.slice(),
    close: () => (closing ??= shutdown(server, pending)),
  };
}

/**
 * Starts one shop per flavour with the same options (same seed, same
 * products). A non-zero `port` p gives ports p, p+1 and p+2. If one fails to
 * start, those already started are closed.
 */
export async function startDemoShops(options: Omit<DemoShopOptions, 'flavour'> = {}): Promise<DemoShops> {
  const started: DemoShop[] = [];
  try {
    for (const [index, flavour] of SHOP_FLAVOURS.entries()) {
      const port = options.port === undefined || options.port === 0 ? options.port : options.port + index;
      started.push(await startDemoShop({ ...options, flavour, ...(port === undefined ? {} : { port }) }));
    }
  } catch (error) {
    await closeDemoShops(started);
    throw error;
  }
  return Object.freeze(Object.fromEntries(started.map((shop) => [shop.flavour, shop])) as Record<ShopFlavour, DemoShop>);
}

/** Closes every shop, even if closing one fails. */
export async function closeDemoShops(shops: DemoShops | readonly DemoShop[]): Promise<void> {
  const list: readonly DemoShop[] = Array.isArray(shops) ? shops : Object.values(shops);
  const results = await Promise.allSettled(list.map((shop) => shop.close()));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function handle(site: SiteContext, request: IncomingMessage, response: ServerResponse, pending: Set<NodeJS.Timeout>): void {
  let result: ShopResponse;
  try {
    result = routeRequest(site, request.method ?? 'GET', request.url ?? '/');
  } catch (error) {
    result = respond(500, 'text', `Internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  if (!result.delayMs) {
    send(response, result);
    return;
  }
  const timer = setTimeout(() => {
    pending.delete(timer);
    send(response, result);
  }, result.delayMs);
  pending.add(timer);
  response.once('close', () => {
    clearTimeout(timer);
    pending.delete(timer);
  });
}

/** Writes status, headers (with content-length) and body; HEAD gets the headers only. */
function send(response: ServerResponse, result: ShopResponse): void {
  if (response.destroyed) return;
  const body = typeof result.body === 'string' ? Buffer.from(result.body, 'utf8') : result.body;
  const headers: Record<string, string> = { ...result.headers };
  if (result.status !== 204 && result.status !== 304) headers['content-length'] = String(body.length);
  response.writeHead(result.status, headers);
  response.end(result.status === 204 || result.status === 304 ? undefined : body);
}

async function shutdown(server: Server, pending: Set<NodeJS.Timeout>): Promise<void> {
  for (const timer of pending) clearTimeout(timer);
  pending.clear();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}
