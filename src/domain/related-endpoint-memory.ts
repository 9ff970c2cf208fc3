/** How a RelatedEndpointMemory decides. */
export interface RelatedEndpointMemoryOptions {
  /** Misses in a row (and no success since) after which a site's endpoint kind is skipped. Default 3. */
  missesToSkip?: number;
  /** How long it is skipped before one request tries again. Default 10 minutes. */
  skipMs?: number;
  /** Sites x kinds remembered at most (the oldest are forgotten). Default 10,000. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  misses: number;
  skipUntil: number;
}

/**
 * Per process, which related endpoints a site does not serve. An extractor
 * may try a product's JSON endpoint (Shopify's `/products/<handle>.js`); on a
 * site that answers those with 404 every product would pay for the wasted
 * requests. After `missesToSkip` misses in a row for one kind of endpoint
 * (the site and the path's extension) it is skipped for `skipMs`, then tried
 * once again; one success makes it fully trusted again.
 */
export class RelatedEndpointMemory {
  private readonly entries = new Map<string, Entry>();
  private readonly missesToSkip: number;
  private readonly skipMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: RelatedEndpointMemoryOptions = {}) {
    this.missesToSkip = options.missesToSkip ?? 3;
    this.skipMs = options.skipMs ?? 10 * 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Whether a request to `url` is worth sending. */
  shouldTry(url: string): boolean {
    const entry = this.entries.get(kindOf(url));
    return !entry || entry.skipUntil <= this.now();
  }

  /** What a request to `url` got: a usable (2xx) answer or not. */
  record(url: string, ok: boolean): void {
    const key = kindOf(url);
    if (ok) {
      this.entries.delete(key);
      return;
    }
    const entry = this.entries.get(key) ?? { misses: 0, skipUntil: 0 };
    entry.misses += 1;
    if (entry.misses >= this.missesToSkip) entry.skipUntil = this.now() + this.skipMs;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The site and the kind of endpoint: `https://shop.example .js`. */
function kindOf(url: string): string {
  try {
    const { origin, pathname } = new URL(url);
    const last = pathname.slice(pathname.lastIndexOf('/') + 1);
    const dot = last.lastIndexOf('.');
    return `${origin} ${dot > 0 ? last.slice(dot) : '/'}`;
  } catch {
    return url;
  }
}
