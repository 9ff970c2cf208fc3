import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LookupFunction } from 'node:net';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { isTrawlError, toTrawlError, type TrawlError } from '../../domain/errors.js';
import { parseTargetUrl, type TargetPolicy } from '../../domain/url.js';
import { guardedLookup } from '../http/guarded-lookup.js';

/** Header (and CONNECT reply header) the proxy sets when it refused a target; value: the error code. */
export const REFUSED_HEADER = 'x-trawl-refused';

/** An HTTP forward proxy on 127.0.0.1 that only connects to targets the policy allows. */
export interface PolicyProxy {
  /** `http://127.0.0.1:<port>`, for Chromium's `--proxy-server`. */
  readonly server: string;
  /** Targets refused so far. */
  readonly refused: number;
  /** Idempotent; drops open tunnels. */
  close(): Promise<void>;
}

const IDLE_TIMEOUT_MS = 60_000;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'proxy-authenticate', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/**
 * Starts the proxy every Chromium request goes through when the policy
 * refuses private targets. Route interception cannot see redirect hops,
 * WebSockets or what a name resolves to; the proxy sees every connection:
 * it checks the URL or CONNECT authority with `parseTargetUrl` and connects
 * through `guardedLookup`, so a redirect to 169.254.169.254, a `ws://localhost`
 * or a public name resolving to 127.0.0.1 are refused (403 + REFUSED_HEADER).
 */
export async function startPolicyProxy(policy: TargetPolicy): Promise<PolicyProxy> {
  const proxy = new PolicyProxyServer(policy);
  await proxy.listen();
  return proxy;
}

class PolicyProxyServer implements PolicyProxy {
  refused = 0;
  private readonly http: Server;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 32 });
  private readonly lookup: LookupFunction | undefined;
  private readonly tunnels = new Set<Duplex>();
  private port = 0;
  private closing: Promise<void> | undefined;

  constructor(private readonly policy: TargetPolicy) {
    this.lookup = guardedLookup(policy);
    this.http = createServer((req, res) => this.forward(req, res));
    this.http.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.tunnel(req, socket, head));
    this.http.on('upgrade', (_req: IncomingMessage, socket: Duplex) => socket.end('HTTP/1.1 501 Not Implemented\r\nConnection: close\r\n\r\n'));
    this.http.on('clientError', (_error, socket) => socket.destroy());
  }

  get server(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.http.address() as { port: number }).port;
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      for (const socket of this.tunnels) socket.destroy();
      this.agent.destroy();
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
    return this.closing;
  }

  /** The refusal for a target URL, or undefined when it may be reached. */
  private check(url: string): TrawlError | undefined {
    try {
      parseTargetUrl(url, 'url', this.policy);
      return undefined;
    } catch (error) {
      return toTrawlError(error);
    }
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      return reply(res, 400, 'the trawl policy proxy only forwards absolute http:// URLs');
    }
    if (target.protocol !== 'http:') return reply(res, 400, `the trawl policy proxy does not forward ${target.protocol}`);
    const refusal = this.check(target.href);
    if (refusal) return this.refuse(res, refusal);
    this.send(req, res, target, true);
  }

  /**
   * Sends one request upstream. A kept-alive socket the server closed just as
   * it was reused fails with ECONNRESET before any answer; a GET or HEAD is
   * then sent once more on a fresh socket (Node's documented pattern).
   */
  private send(req: IncomingMessage, res: ServerResponse, target: URL, mayRetry: boolean): void {
    const upstream = httpRequest({
      host: target.hostname.replace(/^\[|\]$/g, ''), port: target.port || 80, method: req.method, path: `${target.pathname}${target.search}`,
      headers: endToEnd(req.headers), agent: this.agent, timeout: IDLE_TIMEOUT_MS, ...(this.lookup ? { lookup: this.lookup } : {}),
    });
    upstream.on('response', (response) => {
      res.writeHead(response.statusCode ?? 502, endToEnd(response.headers));
      response.pipe(res);
    });
    upstream.on('timeout', () => upstream.destroy(new Error('upstream idle timeout')));
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (res.headersSent) return void res.destroy();
      if (isTrawlError(error)) return this.refuse(res, error);
      const idempotent = req.method === 'GET' || req.method === 'HEAD';
      if (mayRetry && idempotent && upstream.reusedSocket && error.code === 'ECONNRESET') return this.send(req, res, target, false);
      reply(res, 502, `upstream ${target.host} failed: ${error.message}`);
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    if (req.method === 'GET' || req.method === 'HEAD') upstream.end();
    else req.pipe(upstream);
  }

  private tunnel(req: IncomingMessage, client: Duplex, head: Buffer): void {
    const authority = req.url ?? '';
    const port = Number(/:(\d+)$/.exec(authority)?.[1] ?? 443);
    const refusal = this.check(`${port === 443 ? 'https' : 'http'}://${authority}/`);
    client.on('error', () => client.destroy());
    if (refusal) return this.refuseTunnel(client, refusal);
    const host = authority.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    const upstream: Socket = connect({ host, port, ...(this.lookup ? { lookup: this.lookup } : {}) });
    this.track(client);
    this.track(upstream);
    upstream.setTimeout(IDLE_TIMEOUT_MS, () => upstream.destroy());
    let established = false;
    upstream.once('connect', () => {
      established = true;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.byteLength > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', (error) => {
      if (established) return void client.destroy();
      if (isTrawlError(error)) return this.refuseTunnel(client, error);
      client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n');
    });
    upstream.on('close', () => {
      if (established) client.destroy();
    });
    client.on('close', () => upstream.destroy());
  }

  private track(socket: Duplex): void {
    this.tunnels.add(socket);
    socket.once('close', () => this.tunnels.delete(socket));
  }

  private refuse(res: ServerResponse, error: TrawlError): void {
    this.refused++;
    if (res.headersSent) return void res.destroy();
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', [REFUSED_HEADER]: error.code, connection: 'close' });
    res.end(`${error.message}\n`);
  }

  private refuseTunnel(client: Duplex, error: TrawlError): void {
    this.refused++;
    client.end(`HTTP/1.1 403 Forbidden\r\n${REFUSED_HEADER}: ${error.code}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  }
}

function reply(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(`${message}\n`);
}

/** Drops hop-by-hop headers, including any the Connection header names. */
function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = new Set(String(headers.connection ?? '').split(',').map((name) => name.trim().toLowerCase()));
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) kept[name] = value;
  }
  return kept;
}
