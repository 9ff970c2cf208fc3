import type { RenderMode } from '../entities/campaign.js';
import type { ExtractedProduct } from '../entities/product.js';
import type { Logger } from '../ports/logger.port.js';
import type { PageRenderer } from '../ports/browser.port.js';
import type { FetchedPage, PageFetcher } from '../ports/page-fetcher.port.js';
import type { Store } from '../ports/storage.port.js';
import { siteOf } from '../url.js';
import type { PolitenessService, PoliteRequest } from './politeness.service.js';

export interface PageAcquisitionDeps {
  store: Store;
  fetcher: PageFetcher;
  /** Absent: pages are never rendered (AUTO behaves as NEVER). */
  renderer?: PageRenderer;
  /** Whether static HTML is a JavaScript app shell worth rendering. */
  looksLikeAppShell: (html: string) => { appShell: boolean; reason: string };
  maxPageBytes: number;
  logger: Logger;
  /** Sends every page request through the site's politeness (robots.txt, spacing, caps, breaker); absent, requests go straight out. */
  politeness?: PolitenessService;
}

export interface AcquiredProduct {
  page: FetchedPage;
  product: ExtractedProduct | null;
  rendered: boolean;
}

export interface AcquireOptions {
  timeoutMs: number;
  renderJs: RenderMode;
  signal?: AbortSignal;
  /** The job's politeness settings (its ScrapeSettings fit); default: the seed's 1 s spacing, robots.txt obeyed. */
  polite?: Omit<PoliteRequest, 'signal'>;
}

const DEFAULT_POLITE: Omit<PoliteRequest, 'signal'> = { rateLimitDelayMs: 1_000, respectRobotsTxt: true };

/**
 * Gets a product page the cheapest way that works: over HTTP, or in the
 * browser when `renderJs` is ALWAYS, when the site is known to need it, or
 * (AUTO) when the static page has no product and looks like an app shell.
 * What worked is remembered per site, so every worker renders only sites
 * that need it, and never blindly.
 */
export class PageAcquirer {
  constructor(private readonly deps: PageAcquisitionDeps) {}

  async acquire(url: string, options: AcquireOptions, extract: (page: FetchedPage) => Promise<ExtractedProduct | null>): Promise<AcquiredProduct> {
    const renderer = options.renderJs === 'NEVER' ? undefined : this.deps.renderer;
    if (renderer && options.renderJs === 'ALWAYS') return this.rendered(renderer, url, options, extract);
    const site = siteOf(url);
    const decision = renderer ? await this.deps.store.sites.getRenderDecision(site) : null;
    if (renderer && decision?.mode === 'BROWSER') return this.rendered(renderer, url, options, extract);
    const page = await this.politely(url, options, () => this.deps.fetcher.fetch(url, { timeoutMs: options.timeoutMs, maxBytes: this.deps.maxPageBytes, ...(options.signal ? { signal: options.signal } : {}) }));
    const product = await extract(page);
    if (product || !renderer) {
      if (product && renderer && !decision) await this.decide(site, 'STATIC', 'the static page had product data');
      return { page, product, rendered: false };
    }
    const shell = this.deps.looksLikeAppShell(page.body);
    if (!shell.appShell) return { page, product: null, rendered: false };
    const rendered = await this.rendered(renderer, url, options, extract);
    if (rendered.product) await this.decide(site, 'BROWSER', `static page had no product data: ${shell.reason}`);
    return rendered;
  }

  private async rendered(renderer: PageRenderer, url: string, options: AcquireOptions, extract: (page: FetchedPage) => Promise<ExtractedProduct | null>): Promise<AcquiredProduct> {
    const page = await this.politely(url, options, () => renderer.render(url, { timeoutMs: options.timeoutMs, maxBytes: this.deps.maxPageBytes, waitFor: 'networkidle', ...(options.signal ? { signal: options.signal } : {}) }));
    return { page, product: await extract(page), rendered: true };
  }

  private politely(url: string, options: AcquireOptions, send: () => Promise<FetchedPage>): Promise<FetchedPage> {
    const { politeness } = this.deps;
    if (!politeness) return send();
    return politeness.request(url, { ...(options.polite ?? DEFAULT_POLITE), ...(options.signal ? { signal: options.signal } : {}) }, send);
  }

  private async decide(site: string, mode: 'STATIC' | 'BROWSER', reason: string): Promise<void> {
    await this.deps.store.sites.putRenderDecision({ site, mode, reason, decidedAt: new Date() });
    this.deps.logger.info({ site, mode, reason }, 'render decision learned');
  }
}
