import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoShopOptions, ShopCatalog } from './shop-catalog.type.js';
import { generateCatalog } from './catalog.generator.js';
import { resolveDemoShopOptions } from './demo-shop.options.js';
import type { ShopResponse } from './shop-response.js';
import { respond } from './shop-response.js';
import type { SiteContext } from './site-context.js';
import { createSiteContext } from './site-context.js';
import { routeRequest } from './shop.router.js';

/** A running demo shop. */
export interface DemoShop {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:PORT/`. */
  url: string;
  port: number;
  catalog: ShopCatalog;
  /** Requests received so far (every method and route, errors included). */
  requests(): number;
  /** Stops listening, drops open connections and pending slow responses. Idempotent. */
  close(): Promise<void>;
}

/** Generates the catalog and serves it over HTTP/1.1 (keep-alive) on loopback by default. */
export async function startDemoShop(options: DemoShopOptions = {}): Promise<DemoShop> {
  const resolved = resolveDemoShopOptions(options);
  const catalog = generateCatalog(resolved);
  const server = createServer();
  const port = await listen(server, resolved.host, resolved.port);
  const origin = `http://${resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host}:${port}`;
  const site = createSiteContext(catalog, origin);
  const pending = new Set<NodeJS.Timeout>();
  let served = 0;
  // After listening, a server error (EMFILE on accept, say) must not crash the host test process.
  server.on('error', () => undefined);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    served += 1;
    handle(site, request, response, pending);
  });
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/`,
    port,
    catalog,
    requests: () => served,
    close: () => (closing ??= shutdown(server, pending)),
  };
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
