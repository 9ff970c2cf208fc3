import type { lookup as dnsLookup } from 'node:dns';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';
import { isTrawlError, TrawlError } from '../../domain/errors.js';
import type { FetchedPage, FetchOptions, PageFetcher } from '../../domain/ports/page-fetcher.port.js';
import type { Telemetry } from '../../domain/ports/telemetry.port.js';
import { parseTargetUrl, siteOf, type TargetPolicy } from '../../domain/url.js';
import { detectChallenge } from './captcha-detection.js';
import { challengeOfErrorResponse } from './captcha-response.js';
import { checkContentType } from './content-type.js';
import { Deadline } from './deadline.js';
import { decodeBody } from './decode-body.js';
import { guardedLookup } from './guarded-lookup.js';
import { peekBody, statusError, transportError, withResponse } from './http-status.js';
import { ProxyPool } from './proxy-pool.js';
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
  /**
   * http(s) proxies to send requests through (empty: direct). A site that
   * blocks a request (403, 429, a challenge page) moves to the next proxy.
   * Through a proxy, the proxy resolves host names: resolved addresses are
   * not checked against the target policy, only the URL's host is.
   */
  proxyUrls?: readonly string[];
  /** Time limit of opening a connection (DNS, TCP, TLS). Default 10 s. */
  connectTimeoutMs?: number;
  /** Longest silence waiting for response headers or between body bytes, apart from the overall deadline. Default 15 s. */
  readIdleTimeoutMs?: number;
  /** DNS lookup behind the connect-time address check. Default: the system resolver. */
  resolver?: typeof dnsLookup;
  /** Told every final response (status, bytes) or its absence (status 0); default: nothing is reported. */
  telemetry?: Telemetry;
}

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CONNECT_TIMEOUT_MS = 10_000;
const READ_IDLE_TIMEOUT_MS = 15_000;

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
  private readonly proxies: ProxyPool | undefined;
  private readonly maxRedirects: number;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: HttpPageFetcherOptions) {
    this.maxRedirects = options.maxRedirects ?? 5;
    const lookup = guardedLookup(options.targetPolicy, options.resolver);
    this.agent = new Agent({
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
      ...(options.connectionsPerOrigin ? { connections: options.connectionsPerOrigin } : {}),
      connect: { timeout: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, lookup },
    });
    const proxyUrls = options.proxyUrls ?? [];
    this.proxies = proxyUrls.length > 0
      ? new ProxyPool({ urls: proxyUrls, connectTimeoutMs: CONNECT_TIMEOUT_MS, ...(options.connectionsPerOrigin ? { connectionsPerOrigin: options.connectionsPerOrigin } : {}) })
      : undefined;
  }

  /** The proxy requests to `site` go through now (credentials hidden), or undefined when direct. */
  proxyFor(site: string): string | undefined {
    return this.proxies?.proxyFor(site);
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
      const page = await this.toPage(response, url, trace.url, options.maxBytes, started);
      this.options.telemetry?.httpResponse(siteOf(page.url), page.status, page.bytes);
      return page;
    } catch (error) {
      discard(response);
      const failure = explain(error, deadline, trace.url);
      this.report(trace.url, response, failure);
      throw failure;
    } finally {
      deadline.dispose();
    }
  }

  /** Closes the agent and its keep-alive connections. Idempotent. */
  close(): Promise<void> {
    this.closing ??= Promise.allSettled([this.agent.close(), this.proxies?.close()]).then(() => undefined);
    return this.closing;
  }

  private async toPage(response: ResponseData, requestedUrl: string, url: string, maxBytes: number, started: number): Promise<FetchedPage> {
    const headers = flattenHeaders(response.headers);
    const failure = statusError(response.statusCode, url, headers['retry-after']);
    if (failure) throw await this.failed(failure, response, headers, url, started);
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge({ url, maxBytes }, `Content-Length ${declared}`);
    const bytes = await readBody(response.body, headers['content-encoding'], { url, maxBytes, sniff: checkContentType(headers['content-type'], url) });
    const contentType = headers['content-type'] ?? '';
    const decoded = decodeBody(bytes, contentType);
    const challenge = detectChallenge({ status: response.statusCode, headers, body: decoded.text });
    if (challenge) {
      this.blockedBy(url);
      throw new TrawlError('HTTP_FORBIDDEN', `${url} answered with a ${challenge} challenge page`, { url, httpStatus: response.statusCode, challenge });
    }
    return {
      requestedUrl, url, status: response.statusCode, headers, contentType, charset: decoded.charset, body: decoded.text,
      bytes: bytes.byteLength, durationMs: Math.round(performance.now() - started),
    };
  }

  /** The error of a non-2xx answer, marked when it is a challenge page; a block moves the site to the next proxy. */
  private async failed(failure: TrawlError, response: ResponseData, headers: Record<string, string>, url: string, started: number): Promise<TrawlError> {
    const peeked = await peekBody(response.body, headers['content-encoding']);
    const challenge = await challengeOfErrorResponse(response.statusCode, headers, peeked.body, url);
    await response.body.dump().catch(() => undefined);
    if (challenge || response.statusCode === 403 || response.statusCode === 429) this.blockedBy(url);
    // The failure bundle of a dead-lettered job: what the server answered.
    const answered = withResponse(failure, { finalUrl: url, status: response.statusCode, headers, bodyHead: peeked.head, durationMs: Math.round(performance.now() - started) });
    if (!challenge) return answered;
    return new TrawlError(failure.code, `${failure.message} (a ${challenge} challenge page)`, { ...answered.details, challenge });
  }

  /** Reports a failed fetch: the status of the answer if one came, 0 otherwise (nothing for a refused URL). */
  private report(url: string, response: ResponseData | undefined, failure: unknown): void {
    const telemetry = this.options.telemetry;
    if (!telemetry) return;
    const status = response?.statusCode ?? (isTrawlError(failure) && typeof failure.details.httpStatus === 'number' ? failure.details.httpStatus : 0);
    if (status === 0 && isTrawlError(failure) && ['INVALID_URL', 'PRIVATE_NETWORK_TARGET', 'INVALID_INPUT'].includes(failure.code)) return;
    try {
      telemetry.httpResponse(siteOf(url), status, 0);
    } catch {
      // Reporting never changes what a fetch does.
    }
  }

  private blockedBy(url: string): void {
    this.proxies?.rotate(siteOf(url));
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
      dispatcher: this.proxies?.dispatcherFor(siteOf(target)) ?? this.agent,
      method: 'GET',
      signal,
      headersTimeout: this.options.readIdleTimeoutMs ?? READ_IDLE_TIMEOUT_MS, bodyTimeout: this.options.readIdleTimeoutMs ?? READ_IDLE_TIMEOUT_MS,
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
