import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { constants, createBrotliCompress, gzipSync } from 'node:zlib';
import { startFixtureServer, type FixtureServer } from '../scrapers/support/fixture-server.js';

/**
 * A real loopback web server that misbehaves in every way a hostile or broken
 * shop can: huge and bombed bodies, redirect loops and redirects into the
 * private network, drips and silences, lying charsets, broken HTML,
 * non-HTML types, and raw bytes that are not HTTP at all.
 */
export type HostileSite = FixtureServer;

type Route = (req: IncomingMessage, res: ServerResponse) => void;

const MB = 1024 * 1024;
export const TEN_MB = 10 * MB;
export const ONE_GB = 1024 * MB;

/** A gzip body that inflates to 1 GB: one 1 MB member of zeros (about 1 KB), repeated; gunzip reads concatenated members. */
function gzipBomb(): Buffer {
  const member = gzipSync(Buffer.alloc(MB));
  return Buffer.concat(Array<Buffer>(ONE_GB / MB).fill(member));
}

/** A brotli body that inflates to 1 GB (about 200 KB), compressed as a stream so the test never holds 1 GB. */
async function brotliBomb(): Promise<Buffer> {
  const compress = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_LGWIN]: 24 } });
  const chunks: Buffer[] = [];
  compress.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => compress.on('end', resolve));
  const zeros = Buffer.alloc(MB);
  for (let i = 0; i < ONE_GB / MB; i++) if (!compress.write(zeros)) await new Promise((resolve) => compress.once('drain', resolve));
  compress.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Calls `tick` every `ms` until the socket closes. */
function every(socket: Socket, ms: number, tick: () => void): void {
  const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : tick()), ms);
  socket.once('close', () => clearInterval(timer));
}

/** Writes `chunk` whenever the socket drains, until the client goes away. */
function flood(res: ServerResponse, chunk: Buffer): void {
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

function send(res: ServerResponse, body: Buffer | string, headers: Record<string, string | number> = {}, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

const PRODUCT_JSON_LD = '<script type="application/ld+json">{"@type":"Product","name":"Deep Widget","offers":{"price":"9.99","priceCurrency":"EUR"}}</script>';

/** Listing page `n` of a category whose "next" link never ends. */
function endlessListing(req: IncomingMessage, res: ServerResponse): void {
  const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? 1);
  const products = [0, 1, 2].map((i) => `<li class="product"><a href="/products/p-${page}-${i}">Product ${page}-${i}</a></li>`).join('');
  send(res, `<!doctype html><html><head><title>All - page ${page}</title></head><body><h1>All</h1><ul class="products">${products}</ul>`
    + `<nav class="pagination"><a rel="next" class="next" href="/collections/endless?page=${page + 1}">Next</a></nav></body></html>`);
}

function routes(gzip: Buffer, brotli: Buffer): Record<string, Route> {
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array<number>(64 * 1024 - 8).fill(0)]);
  return {
    '/': (_req, res) => send(res, '<!doctype html><html><head><title>Hostile shop</title></head><body><a href="/collections/endless">All</a></body></html>'),
    '/robots.txt': (_req, res) => send(res, 'User-agent: *\nAllow: /\n', { 'content-type': 'text/plain' }),
    '/collections/endless': endlessListing,
    '/huge': (_req, res) => send(res, Buffer.alloc(TEN_MB, 'a'), { 'content-length': TEN_MB }),
    '/huge-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      flood(res, Buffer.alloc(64 * 1024, '<p>spam</p>'));
    },
    '/gzip-bomb': (_req, res) => send(res, gzip, { 'content-encoding': 'gzip' }),
    '/brotli-bomb': (_req, res) => send(res, brotli, { 'content-encoding': 'br' }),
    '/loop': (_req, res) => send(res, '', { location: '/loop' }, 302),
    '/to-loopback': (_req, res) => send(res, '', { location: 'http://127.0.0.1:1/admin' }, 302),
    '/to-metadata': (_req, res) => send(res, '', { location: 'http://169.254.169.254/latest/meta-data/iam/' }, 301),
    '/to-hex-loopback': (_req, res) => send(res, '', { location: 'http://0x7f.1/' }, 307),
    '/to-mapped-loopback': (_req, res) => send(res, '', { location: 'http://[::ffff:127.0.0.1]:1/' }, 308),
    '/to-file': (_req, res) => send(res, '', { location: 'file:///etc/passwd' }, 302),
    '/slow-drip': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      every(req.socket, 300, () => res.write('a'));
    },
    '/silent': () => undefined,
    '/endless-headers': (req) => {
      req.socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n');
      let n = 0;
      every(req.socket, 100, () => req.socket.write(`X-Pad-${n++}: ${'x'.repeat(20)}\r\n`));
    },
    '/header-flood': (req) => {
      req.socket.write('HTTP/1.1 200 OK\r\n');
      req.socket.end(`${'X-Flood: yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\r\n'.repeat(20_000)}\r\n`);
    },
    '/unknown-charset': (_req, res) => send(res, Buffer.from('<html><body><p>naïve café</p></body></html>'), { 'content-type': 'text/html; charset=x-klingon-9' }),
    '/replacement-charset': (_req, res) => send(res, Buffer.from('<html><body><p>naïve</p></body></html>'), { 'content-type': 'text/html; charset=iso-2022-kr' }),
    '/lying-charset': (_req, res) => send(res, Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'),
      Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), Buffer.from('</p></body></html>')]), { 'content-type': 'text/html; charset=utf-8' }),
    '/mixed-bytes': (_req, res) => send(res, Buffer.concat([Buffer.from('<html><body><p>Grüße '), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe9, 0xed]),
      Buffer.from(' 日本</p></body></html>')]), { 'content-type': 'text/html' }),
    '/unclosed-tags': (_req, res) => send(res, `<html><head><title>Half a page<body><div><p><b><i>${PRODUCT_JSON_LD}<table><tr><td><span>Deep Widget<div`),
    '/nul-bytes': (_req, res) => send(res, `<!doctype html><html><head><title>Nul\u0000Widget</title>${PRODUCT_JSON_LD}</head><body>${'<p>text\u0000 more text and more</p>'.repeat(50)}</body></html>`),
    '/nested-divs': (_req, res) => send(res, `<!doctype html><html><head>${PRODUCT_JSON_LD}</head><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`),
    '/png': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      flood(res, binary);
    },
    '/video': (_req, res) => {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      flood(res, binary);
    },
    '/octet-binary': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      flood(res, binary);
    },
    '/octet-html': (_req, res) => send(res, '<!doctype html><html><body><h1>Mislabelled</h1></body></html>', { 'content-type': 'application/octet-stream' }),
    '/empty': (_req, res) => send(res, ''),
    '/http09-garbage': (req) => req.socket.end('<html>no status line, no headers: HTTP/0.9 style</html>\n'),
    '/binary-garbage': (req) => req.socket.end(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a])),
    '/truncated-chunked': (req) => {
      req.socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n<html><body>abc\r\n');
      setTimeout(() => req.socket.destroy(), 50);
    },
    '/short-body': (req) => {
      req.socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<html>only this');
      setTimeout(() => req.socket.destroy(), 50);
    },
    '/long-body': (req) => req.socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\nConnection: close\r\n\r\n<html>12345 and then much more than declared'),
  };
}

/** Starts the hostile site on 127.0.0.1, port 0. */
export async function startHostileSite(): Promise<HostileSite> {
  const table = routes(gzipBomb(), await brotliBomb());
  return startFixtureServer((req, res) => {
    const route = table[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) route(req, res);
    else send(res, 'no such route', {}, 404);
  });
}
