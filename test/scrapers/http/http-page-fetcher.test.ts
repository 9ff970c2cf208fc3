import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { isTrawlError, type TrawlError } from '../../../src/domain/errors.js';
import type { FetchOptions } from '../../../src/domain/ports/page-fetcher.port.js';
import type { TargetPolicy } from '../../../src/domain/url.js';
import { HttpPageFetcher } from '../../../src/scrapers/http/http-page-fetcher.js';
import { startFixtureServer, unusedPort, type FixtureServer } from '../support/fixture-server.js';
import { encodeLegacy } from '../support/legacy-encode.js';

const OPEN: TargetPolicy = { allowPrivateNetwork: true, allowedPrivateHosts: [] };
const OPTIONS: FetchOptions = { timeoutMs: 5_000, maxBytes: 1_000_000 };
const HTML = '<!doctype html><html><head><title>Widget</title></head><body><h1>Widget</h1></body></html>';

function fetcher(policy: TargetPolicy = OPEN, extra: { maxRedirects?: number; connectionsPerOrigin?: number } = {}): HttpPageFetcher {
  return new HttpPageFetcher({ userAgent: 'trawl-test/1.0', targetPolicy: policy, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<TrawlError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTrawlError(error), `expected a TrawlError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the fetch to fail');
}

function send(res: ServerResponse, body: Buffer | string, headers: Record<string, string | number> = {}, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

/** Writes 64 KB chunks until the client goes away; no Content-Length. */
function endlessStream(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

const ROUTES: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/page': (_req, res) => send(res, HTML, { 'x-shop': 'demo' }),
  '/a': (_req, res) => send(res, '', { location: '/b' }, 302),
  '/b': (req, res) => send(res, '', { location: `http://${req.headers.host}/c` }, 301),
  '/c': (_req, res) => send(res, HTML),
  '/loop': (_req, res) => send(res, '', { location: '/loop' }, 307),
  '/404': (_req, res) => send(res, 'nope', {}, 404),
  '/410': (_req, res) => send(res, 'gone', {}, 410),
  '/429': (_req, res) => send(res, 'slow down', { 'retry-after': '120' }, 429),
  '/429-date': (_req, res) => send(res, 'slow down', { 'retry-after': new Date(Date.now() + 90_000).toUTCString() }, 429),
  '/403': (_req, res) => send(res, 'forbidden', {}, 403),
  '/400': (_req, res) => send(res, 'bad', {}, 400),
  '/500': (_req, res) => send(res, 'boom', {}, 500),
  '/503': (_req, res) => send(res, 'maintenance', { 'retry-after': '30' }, 503),
  '/304': (_req, res) => send(res, '', {}, 304),
  '/silent': () => undefined,
  '/stall': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body>');
  },
  '/declared-large': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': 50_000_000 });
    res.write('<html>');
  },
  '/endless': (_req, res) => endlessStream(res),
  '/gzip': (_req, res) => send(res, gzipSync(HTML), { 'content-encoding': 'gzip' }),
  '/br': (_req, res) => send(res, brotliCompressSync(HTML), { 'content-encoding': 'br' }),
  '/deflate': (_req, res) => send(res, deflateSync(HTML), { 'content-encoding': 'deflate' }),
  '/deflate-raw': (_req, res) => send(res, deflateRawSync(HTML), { 'content-encoding': 'deflate' }),
  '/gzip-bomb': (_req, res) => send(res, gzipSync(Buffer.alloc(50_000_000)), { 'content-encoding': 'gzip' }),
  '/zstd': (_req, res) => send(res, 'whatever', { 'content-encoding': 'zstd' }),
  '/cp1251': (_req, res) => send(res, encodeLegacy('<html><body><h1>Привет, мир</h1></body></html>', 'windows-1251'),
    { 'content-type': 'text/html; charset=windows-1251' }),
  '/sjis-meta': (_req, res) => send(res, encodeLegacy('<html><head><meta charset="Shift_JIS"></head><body>日本語のページ</body></html>', 'shift_jis'),
    { 'content-type': 'text/html' }),
  '/latin1': (_req, res) => send(res, Buffer.from('<html><body>Café Crème à 3€</body></html>'.replace('€', 'EUR'), 'latin1'),
    { 'content-type': 'text/html; charset=ISO-8859-1' }),
  '/utf16-bom': (_req, res) => send(res, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html>Grüße</html>', 'utf16le')]),
    { 'content-type': 'text/html; charset=windows-1251' }),
  '/bogus-charset': (_req, res) => send(res, Buffer.from('<html>naïve</html>'), { 'content-type': 'text/html; charset=x-no-such-thing' }),
};

describe('HttpPageFetcher', () => {
  let server: FixtureServer;
  const http = fetcher();

  before(async () => {
    server = await startFixtureServer((req, res) => {
      const route = ROUTES[new URL(req.url ?? '/', 'http://x').pathname];
      if (route) route(req, res);
      else send(res, 'no route', {}, 404);
    });
  });
  after(async () => {
    await http.close();
    await server.close();
  });

  it('returns the decoded page with status, headers, content type, charset, size and duration', async () => {
    const page = await http.fetch(`${server.origin}/page`, OPTIONS);
    assert.equal(page.status, 200);
    assert.equal(page.body, HTML);
    assert.equal(page.url, `${server.origin}/page`);
    assert.equal(page.requestedUrl, `${server.origin}/page`);
    assert.equal(page.contentType, 'text/html; charset=utf-8');
    assert.equal(page.charset, 'utf-8');
    assert.equal(page.headers['x-shop'], 'demo');
    assert.equal(page.bytes, Buffer.byteLength(HTML));
    assert.ok(page.durationMs >= 0);
  });

  it('sends the user agent, an HTML-first Accept and the supported encodings', async () => {
    await http.fetch(`${server.origin}/page`, OPTIONS);
    const request = server.requests.at(-1)!;
    assert.equal(request.headers['user-agent'], 'trawl-test/1.0');
    assert.match(String(request.headers.accept), /^text\/html/);
    assert.equal(request.headers['accept-encoding'], 'gzip, deflate, br');
  });

  it('follows relative and absolute redirects and reports the final URL', async () => {
    const page = await http.fetch(`${server.origin}/a`, OPTIONS);
    assert.equal(page.url, `${server.origin}/c`);
    assert.equal(page.requestedUrl, `${server.origin}/a`);
    assert.equal(page.body, HTML);
  });

  it('fails a redirect loop as TOO_MANY_REDIRECTS after maxRedirects hops', async () => {
    const limited = fetcher(OPEN, { maxRedirects: 3 });
    const before = server.requests.length;
    const error = await failure(limited.fetch(`${server.origin}/loop`, OPTIONS));
    await limited.close();
    assert.equal(error.code, 'TOO_MANY_REDIRECTS');
    assert.equal(error.retryable, false);
    assert.equal(server.requests.length - before, 4);
  });

  it('maps 404, 410, 403, other 4xx and an unfollowable 3xx to their codes with the status', async () => {
    const expected: [string, string][] = [['/404', 'HTTP_NOT_FOUND'], ['/410', 'HTTP_GONE'], ['/403', 'HTTP_FORBIDDEN'],
      ['/400', 'HTTP_CLIENT_ERROR'], ['/304', 'HTTP_CLIENT_ERROR']];
    for (const [path, code] of expected) {
      const error = await failure(http.fetch(`${server.origin}${path}`, OPTIONS));
      assert.equal(error.code, code, path);
      assert.equal(error.details.httpStatus, Number(path.slice(1)));
      assert.equal(error.details.url, `${server.origin}${path}`);
    }
  });

  it('fails a 410 page as HTTP_GONE without retry', async () => {
    const error = await failure(http.fetch(`${server.origin}/410`, OPTIONS));
    assert.equal(error.code, 'HTTP_GONE');
    assert.equal(error.retryable, false);
  });

  it('fails a 429 as HTTP_THROTTLED with Retry-After in seconds or as an HTTP date', async () => {
    const seconds = await failure(http.fetch(`${server.origin}/429`, OPTIONS));
    assert.equal(seconds.code, 'HTTP_THROTTLED');
    assert.equal(seconds.retryable, true);
    assert.equal(seconds.details.retryAfterSeconds, 120);
    const dated = await failure(http.fetch(`${server.origin}/429-date`, OPTIONS));
    assert.ok(dated.details.retryAfterSeconds! >= 85 && dated.details.retryAfterSeconds! <= 91, String(dated.details.retryAfterSeconds));
  });

  it('fails 5xx as a retryable HTTP_SERVER_ERROR, keeping Retry-After when present', async () => {
    const plain = await failure(http.fetch(`${server.origin}/500`, OPTIONS));
    assert.equal(plain.code, 'HTTP_SERVER_ERROR');
    assert.equal(plain.retryable, true);
    assert.equal(plain.details.retryAfterSeconds, undefined);
    const busy = await failure(http.fetch(`${server.origin}/503`, OPTIONS));
    assert.equal(busy.details.httpStatus, 503);
    assert.equal(busy.details.retryAfterSeconds, 30);
  });

  it('times out on a server that never answers', async () => {
    const error = await failure(http.fetch(`${server.origin}/silent`, { ...OPTIONS, timeoutMs: 200 }));
    assert.equal(error.code, 'TIMEOUT');
    assert.equal(error.retryable, true);
  });

  it('times out on a body that stalls half way (the timeout covers the body)', async () => {
    const error = await failure(http.fetch(`${server.origin}/stall`, { ...OPTIONS, timeoutMs: 300 }));
    assert.equal(error.code, 'TIMEOUT');
  });

  it("rejects with the caller's abort reason when the signal aborts", async () => {
    const controller = new AbortController();
    const reason = new Error('job cancelled');
    setTimeout(() => controller.abort(reason), 50);
    await assert.rejects(http.fetch(`${server.origin}/silent`, { ...OPTIONS, signal: controller.signal }), (error) => error === reason);
  });

  it('refuses a page whose Content-Length exceeds maxBytes without reading it', async () => {
    const error = await failure(http.fetch(`${server.origin}/declared-large`, OPTIONS));
    assert.equal(error.code, 'PAGE_TOO_LARGE');
    assert.match(error.message, /Content-Length 50000000/);
  });

  it('aborts a chunked body without length once it passes maxBytes', async () => {
    const error = await failure(http.fetch(`${server.origin}/endless`, { ...OPTIONS, maxBytes: 200_000 }));
    assert.equal(error.code, 'PAGE_TOO_LARGE');
    assert.equal(error.retryable, false);
  });

  for (const encoding of ['gzip', 'br', 'deflate', 'deflate-raw']) {
    it(`decodes a ${encoding} body`, async () => {
      const page = await http.fetch(`${server.origin}/${encoding}`, OPTIONS);
      assert.equal(page.body, HTML);
      assert.equal(page.bytes, Buffer.byteLength(HTML));
    });
  }

  it('refuses a gzip bomb by its decompressed size', async () => {
    const error = await failure(http.fetch(`${server.origin}/gzip-bomb`, OPTIONS));
    assert.equal(error.code, 'PAGE_TOO_LARGE');
  });

  it('fails an unknown Content-Encoding as UNSUPPORTED', async () => {
    const error = await failure(http.fetch(`${server.origin}/zstd`, OPTIONS));
    assert.equal(error.code, 'UNSUPPORTED');
  });

  it('decodes a windows-1251 Russian page by the Content-Type charset', async () => {
    const page = await http.fetch(`${server.origin}/cp1251`, OPTIONS);
    assert.equal(page.charset, 'windows-1251');
    assert.match(page.body, /<h1>Привет, мир<\/h1>/);
  });

  it('decodes a Shift_JIS Japanese page by its meta charset', async () => {
    const page = await http.fetch(`${server.origin}/sjis-meta`, OPTIONS);
    assert.equal(page.charset, 'shift_jis');
    assert.match(page.body, /日本語のページ/);
  });

  it('decodes an ISO-8859-1 page (as windows-1252, per WHATWG)', async () => {
    const page = await http.fetch(`${server.origin}/latin1`, OPTIONS);
    assert.equal(page.charset, 'windows-1252');
    assert.match(page.body, /Café Crème à 3EUR/);
  });

  it('lets a UTF-16 byte-order mark win over the Content-Type charset', async () => {
    const page = await http.fetch(`${server.origin}/utf16-bom`, OPTIONS);
    assert.equal(page.charset, 'utf-16le');
    assert.equal(page.body, '<html>Grüße</html>');
  });

  it('falls back to UTF-8 for an unknown charset label', async () => {
    const page = await http.fetch(`${server.origin}/bogus-charset`, OPTIONS);
    assert.equal(page.charset, 'utf-8');
    assert.equal(page.body, '<html>naïve</html>');
  });

  it('fails a refused connection as a retryable NETWORK_ERROR', async () => {
    const port = await unusedPort();
    const error = await failure(http.fetch(`http://127.0.0.1:${port}/`, OPTIONS));
    assert.equal(error.code, 'NETWORK_ERROR');
    assert.equal(error.retryable, true);
    assert.equal(error.details.url, `http://127.0.0.1:${port}/`);
    assert.match(error.message, /ECONNREFUSED/);
  });

  it('reuses one keep-alive connection for sequential fetches of an origin', async () => {
    const local = await startFixtureServer((_req, res) => send(res, HTML));
    const pooled = fetcher(OPEN, { connectionsPerOrigin: 1 });
    const sockets = new Set<unknown>();
    try {
      for (let i = 0; i < 3; i++) await pooled.fetch(`${local.origin}/p${i}`, OPTIONS);
      for (const request of local.requests) sockets.add(request.socket);
      assert.equal(sockets.size, 1);
    } finally {
      await pooled.close();
      await local.close();
    }
  });

  it('closes idempotently and refuses to fetch afterwards', async () => {
    const closing = fetcher();
    await closing.close();
    await closing.close();
    const error = await failure(closing.fetch(`${server.origin}/page`, OPTIONS));
    assert.equal(error.code, 'INTERNAL');
  });
});
