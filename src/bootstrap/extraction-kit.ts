import type { Config } from '../config/config.schema.js';
import type { ExtractedProduct } from '../domain/entities/product.js';
import { toTrawlError, TrawlError } from '../domain/errors.js';
import type { FetchedPage } from '../domain/ports/page-fetcher.port.js';
import { completenessOf } from '../domain/product-quality.js';
import { parseTargetUrl } from '../domain/url.js';
import { BrowserPool, CheerioProductExtractor, decodeBody, HttpPageFetcher, looksLikeAppShell, PlaywrightRenderer } from '../scrapers/index.js';
import type { TargetPolicy } from '../domain/url.js';

export type RenderChoice = 'auto' | 'never' | 'always';

/** What `trawl extract` reports for one page. */
export interface ExtractionReport {
  url: string;
  product: (ExtractedProduct & { completeness: number }) | null;
  rendered: boolean;
}

/**
 * The pieces `trawl extract` needs, built from the configuration: a fetcher
 * (for URLs), the product extractor, and page decoding for saved files.
 */
export class ExtractionKit {
  private readonly fetcher: HttpPageFetcher;
  private readonly extractor = new CheerioProductExtractor();
  private readonly policy: TargetPolicy;
  private browser: BrowserPool | undefined;

  constructor(private readonly config: Config) {
    this.policy = { allowPrivateNetwork: config.allowPrivateNetwork, allowedPrivateHosts: config.allowedPrivateHosts };
    this.fetcher = new HttpPageFetcher({ userAgent: config.userAgent, targetPolicy: this.policy, connectTimeoutMs: config.connectTimeoutMs, readIdleTimeoutMs: config.readIdleTimeoutMs });
  }

  /** A saved page as if fetched from `url` (no network request). */
  pageFromFile(url: string, bytes: Uint8Array, contentType = ''): FetchedPage {
    const address = parseTargetUrl(url, 'url', { allowPrivateNetwork: true, allowedPrivateHosts: [] }).href;
    const { text, charset } = decodeBody(bytes, contentType);
    return { requestedUrl: address, url: address, status: 200, headers: contentType ? { 'content-type': contentType } : {}, contentType, charset, body: text, bytes: bytes.byteLength, durationMs: 0 };
  }

  async fetch(url: string): Promise<FetchedPage> {
    const target = parseTargetUrl(url, 'url', { allowPrivateNetwork: this.config.allowPrivateNetwork, allowedPrivateHosts: this.config.allowedPrivateHosts });
    return this.fetcher.fetch(target.href, { timeoutMs: this.config.fetchTimeoutMs, maxBytes: this.config.maxPageBytes });
  }

  /**
   * Extracts the page; with `render` always (or auto, for an app shell without
   * product data) the URL is rendered in Chromium first. A saved page
   * (`offline`) is never rendered: that would need the network.
   */
  async extract(page: FetchedPage, render: RenderChoice, offline: boolean): Promise<ExtractionReport> {
    const related = offline ? undefined : (url: string) => this.fetch(url).catch(() => null);
    const run = async (target: FetchedPage) => this.extractor.extract(target, related ? { fetchRelated: related } : {});
    let product = render === 'always' && !offline ? null : await run(page);
    let rendered = false;
    if (!offline && !product && (render === 'always' || (render === 'auto' && looksLikeAppShell(page.body).appShell))) {
      const renderer = new PlaywrightRenderer(this.browserPool());
      page = await renderer.render(page.url, { timeoutMs: this.config.fetchTimeoutMs, maxBytes: this.config.maxPageBytes, waitFor: 'networkidle' });
      product = await run(page);
      rendered = true;
    }
    return { url: page.url, product: product ? { ...product, completeness: completenessOf(product) } : null, rendered };
  }

  private browserPool(): BrowserPool {
    this.browser ??= new BrowserPool({ targetPolicy: this.policy, executablePath: this.config.chromiumPath, maxPages: this.config.browserMaxPages, userAgent: this.config.userAgent });
    return this.browser;
  }

  async close(): Promise<void> {
    await this.fetcher.close();
    await this.browser?.close();
  }
}

/** A failure as one JSON object (`{"error": {code, message, retryable}}`). */
export function errorReport(error: unknown): { error: { code: string; message: string; retryable: boolean } } {
  const failure = error instanceof TrawlError ? error : toTrawlError(error);
  return { error: { code: failure.code, message: failure.message, retryable: failure.retryable } };
}
