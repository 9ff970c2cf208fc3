import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';
import { isTrawlError, TrawlError } from '../../domain/errors.js';
import type { FetchedPage, FetchOptions, PageFetcher } from '../../domain/ports/page-fetcher.port.js';
import { parseTargetUrl, type TargetPolicy } from '../../domain/url.js';
import { Deadline } from './deadline.js';
import { decodeBody } from './decode-body.js';
import { guardedLookup } from './guarded-lookup.js';
import { statusError, transportError } from './http-status.js';
import { readBody, tooLarge } from './read-body.js';

/** Options of an HttpPageFetcher. */
export interface HttpPageFetcherOptions {
  /** Sent as User-Agent on every request. */
  userAgent: string;
  /** Which targets may be fetched; every redirect hop and every resolved address is checked against it. */
  targetPolicy: TargetPolicy;
  /** Redirects followed before TOO_MANY_REDIRECTS. Default 5. */
  maxRedirects?: number;
  /** Keep-alive connections per origin. Default: unlimited. */
  connectionsPerOrigin?: number;
}

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CONNECT_TIMEOUT_MS = 10_000;

type ResponseData = Dispatcher.ResponseData;

/**
 * PageFetcher over undici with a keep-alive Agent. Follows redirects itself
 * (each hop re-validated against the target policy), applies one overall
 * timeout to headers and body, streams the body under a size limit (also
 * after decompression), and decodes it to text. Aborting `options.signal`
 * rejects with the signal's reason.
 */
export class HttpPageFetcher implements PageFetcher {
  private readonly agent: Agent;
  private readonly maxRedirects: number;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: HttpPageFetcherOptions) {
    this.maxRedirects = options.maxRedirects ?? 5;
    const lookup = guardedLookup(options.targetPolicy);
    this.agent = new Agent({
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
      ...(options.connectionsPerOrigin ? { connections: options.connectionsPerOrigin } : {}),
      connect: { timeout: CONNECT_TIMEOUT_MS, ...(lookup ? { lookup } : {}) },
    });
  }

  async fetch(url: string, options: FetchOptions): Promise<FetchedPage> {
    if (this.closing) throw new TrawlError('INTERNAL', `Cannot fetch ${url}: the page fetcher is closed`, { url });
    const started = performance.now();
    const deadline = new Deadline(options.timeoutMs, options.signal, url);
    const trace = { url };
    let response: ResponseData | undefined;
    try {
      const target = parseTargetUrl(url, 'url', this.options.targetPolicy);
      response = await this.followRedirects(target, options, deadline.signal, trace);
      return await this.toPage(response, url, trace.url, options.maxBytes, started);
    } catch (error) {
      discard(response);
      throw explain(error, deadline, trace.url);
    } finally {
      deadline.dispose();
    }
  }

  /** Closes the agent and its keep-alive connections. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.agent.close().catch(() => undefined);
    return this.closing;
  }

  private async toPage(response: ResponseData, requestedUrl: string, url: string, maxBytes: number, started: number): Promise<FetchedPage> {
    const headers = flattenHeaders(response.headers);
    const failure = statusError(response.statusCode, url, headers['retry-after']);
    if (failure) {
      await response.body.dump().catch(() => undefined);
      throw failure;
    }
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge({ url, maxBytes }, `Content-Length ${declared}`);
    const bytes = await readBody(response.body, headers['content-encoding'], { url, maxBytes });
    const contentType = headers['content-type'] ?? '';
    const decoded = decodeBody(bytes, contentType);
    return {
      requestedUrl, url, status: response.statusCode, headers, contentType, charset: decoded.charset, body: decoded.text,
      bytes: bytes.byteLength, durationMs: Math.round(performance.now() - started),
    };
  }

  /** Sends the request and follows up to maxRedirects redirects; `trace.url` is always the current hop. */
  private async followRedirects(start: URL, options: FetchOptions, signal: AbortSignal, trace: { url: string }): Promise<ResponseData> {
    let target = start;
    for (let followed = 0; ; followed++) {
      trace.url = target.href;
      const response = await this.send(target, options, signal);
      const location = firstHeader(response.headers.location);
      if (!REDIRECT_STATUSES.has(response.statusCode) || !location) return response;
      await response.body.dump().catch(() => undefined);
      if (followed >= this.maxRedirects) {
        throw new TrawlError('TOO_MANY_REDIRECTS', `${trace.url} redirected more than ${this.maxRedirects} times`, {
          url: trace.url, httpStatus: response.statusCode, maxRedirects: this.maxRedirects,
        });
      }
      target = this.redirectTarget(target, location);
    }
  }

  private redirectTarget(from: URL, location: string): URL {
    let next: string;
    try {
      next = new URL(location, from).href;
    } catch {
      throw new TrawlError('INVALID_URL', `${from.href} redirected to an invalid Location "${location.slice(0, 80)}"`, { url: from.href });
    }
    try {
      return parseTargetUrl(next, 'url', this.options.targetPolicy);
    } catch (error) {
      if (!isTrawlError(error)) throw error;
      throw new TrawlError(error.code, `${from.href} redirected to a refused target: ${error.message}`, {
        ...error.details, url: next, redirectedFrom: from.href,
      });
    }
  }

  private send(target: URL, options: FetchOptions, signal: AbortSignal): Promise<ResponseData> {
    return request(target, {
      dispatcher: this.agent,
      method: 'GET',
      signal,
      headers: {
        'user-agent': this.options.userAgent,
        accept: options.accept ?? DEFAULT_ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
      },
    });
  }
}

/** What a failed fetch throws: the deadline's reason if it fired, a TrawlError as is, else a transport error. */
function explain(error: unknown, deadline: Deadline, url: string): unknown {
  if (deadline.reason !== undefined) return deadline.reason;
  if (isTrawlError(error)) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (isTrawlError(cause)) return cause;
  return transportError(error, url);
}

/** Drops an unread body; undici reports destroying an unfinished body as an 'error', which is expected here. */
function discard(response: ResponseData | undefined): void {
  if (!response || response.body.destroyed) return;
  response.body.on('error', () => undefined);
  response.body.destroy();
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
