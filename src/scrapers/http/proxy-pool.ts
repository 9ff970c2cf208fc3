import { ProxyAgent, type Dispatcher } from 'undici';
import { TrawlError } from '../../domain/errors.js';

/** Options of a ProxyPool. */
export interface ProxyPoolOptions {
  /** http(s) proxy URLs (credentials allowed: `http://user:pass@proxy:3128`). */
  urls: readonly string[];
  connectTimeoutMs: number;
  /** Keep-alive connections per origin through each proxy. Default: unlimited. */
  connectionsPerOrigin?: number;
}

/**
 * A fixed set of proxies, one undici ProxyAgent each. Every site starts on a
 * proxy picked from its name (sites spread over the pool) and moves to the
 * next one when it blocks a request, so one blocked exit does not stall the
 * site. The choice is per process; blocks themselves are shared through the
 * circuit breaker.
 */
export class ProxyPool {
  private readonly agents: ProxyAgent[];
  private readonly labels: string[];
  private readonly offsets = new Map<string, number>();
  private closing: Promise<void> | undefined;

  constructor(options: ProxyPoolOptions) {
    if (options.urls.length === 0) throw new TrawlError('INVALID_INPUT', 'A proxy pool needs at least one proxy URL', { field: 'proxyUrls' });
    this.labels = options.urls.map(redact);
    this.agents = options.urls.map((uri) => new ProxyAgent({
      uri,
      // Plain-http targets are forwarded (absolute-URI requests), https ones tunnelled with CONNECT.
      proxyTunnel: false,
      keepAliveTimeout: 10_000,
      ...(options.connectionsPerOrigin ? { connections: options.connectionsPerOrigin } : {}),
      proxyTls: { timeout: options.connectTimeoutMs },
      requestTls: { timeout: options.connectTimeoutMs },
    }));
  }

  get size(): number {
    return this.agents.length;
  }

  /** The dispatcher requests to `site` go through now. */
  dispatcherFor(site: string): Dispatcher {
    return this.agents[this.indexOf(site)] as Dispatcher;
  }

  /** The proxy `site` uses now, credentials hidden (for logs and tests). */
  proxyFor(site: string): string {
    return this.labels[this.indexOf(site)] as string;
  }

  /** Moves `site` to the next proxy (after a block); returns the new one, credentials hidden. */
  rotate(site: string): string {
    const next = (this.indexOf(site) + 1) % this.agents.length;
    if (this.offsets.size > 10_000) this.offsets.clear();
    this.offsets.set(site, next);
    return this.labels[next] as string;
  }

  /** Closes every proxy agent. Idempotent. */
  close(): Promise<void> {
    this.closing ??= Promise.allSettled(this.agents.map((agent) => agent.close())).then(() => undefined);
    return this.closing;
  }

  private indexOf(site: string): number {
    const known = this.offsets.get(site);
    if (known !== undefined) return known;
    let hash = 0;
    for (const char of site) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    return hash % this.agents.length;
  }
}

/** A proxy URL with its password replaced, fit for logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return '(unreadable proxy URL)';
  }
}
