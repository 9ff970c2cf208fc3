import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  url: string;
  close: () => Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: Server): () => Promise<void> {
  return () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** A product page the extractor reads (JSON-LD). */
export function productPage(name: string): string {
  const ld = { '@context': 'https://schema.org', '@type': 'Product', name, sku: name, image: `https://img.example/${name}.png`,
    offers: { '@type': 'Offer', price: '19.99', priceCurrency: 'USD', availability: 'https://schema.org/InStock' } };
  return `<!doctype html><html><head><title>${name}</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head>
    <body><h1>${name}</h1><p class="price">$19.99</p></body></html>`;
}

/**
 * Product pages on loopback with faults on demand: `/missing/*` answers 404
 * with a long body; a path in `failing` answers 500 until it is removed.
 */
export async function startFaultyProducts(): Promise<LoopbackServer & { failing: Set<string>; hits: (path: string) => number }> {
  const failing = new Set<string>();
  const hits = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path.startsWith('/missing/')) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'x-fixture': 'missing' });
      res.end(`<html><body><h1>Nothing at ${path}</h1>${'<p>gone</p>'.repeat(400)}</body></html>`);
      return;
    }
    if (failing.has(path)) {
      res.writeHead(500, { 'content-type': 'text/plain', 'x-fixture': 'broken' });
      res.end(`upstream exploded at ${path}`);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(productPage(path.split('/').pop() || 'home'));
  });
  const url = await listen(server);
  return { url, close: closer(server), failing, hits: (path) => hits.get(path) ?? 0 };
}

/**
 * A proxy in front of a demo shop that answers 404 for the first `breakCount`
 * product pages asked for, until `heal()`. Bodies and Location headers are
 * rewritten so every link points at the proxy.
 */
export async function startBreakingProxy(target: string, isProductPath: (path: string) => boolean, breakCount: number): Promise<LoopbackServer & { broken: Set<string>; heal: () => void }> {
  const upstream = new URL(target);
  const broken = new Set<string>();
  let healed = false;
  let origin = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!healed && isProductPath(path) && (broken.has(path) || broken.size < breakCount)) {
      broken.add(path);
      res.writeHead(404, { 'content-type': 'text/html', 'x-fixture': 'broken-product' });
      res.end('<h1>temporarily missing</h1>');
      return;
    }
    const headers = { ...req.headers, host: upstream.host };
    delete headers['accept-encoding'];
    const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8').replaceAll(upstream.origin, origin);
        const out = { ...answer.headers };
        delete out['content-length'];
        if (typeof out.location === 'string') out.location = out.location.replaceAll(upstream.origin, origin);
        res.writeHead(answer.statusCode ?? 502, out);
        res.end(body);
      });
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  origin = await listen(server);
  return { url: `${origin}/`, close: closer(server), broken, heal: () => void (healed = true) };
}
