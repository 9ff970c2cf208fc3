import type { Config } from '../config/config.schema.js';
import type { ExtractedProduct } from '../domain/entities/product.js';
import { toTrawlError, TrawlError } from '../domain/errors.js';
import type { FetchedPage } from '../domain/ports/page-fetcher.port.js';
import { completenessOf } from '../domain/product-quality.js';
import { parseTargetUrl } from '../domain/url.js';
import { CheerioProductExtractor, decodeBody, HttpPageFetcher } from '../scrapers/index.js';

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

  constructor(private readonly config: Config) {
    this.fetcher = new HttpPageFetcher({ userAgent: config.userAgent, targetPolicy: { allowPrivateNetwork: config.allowPrivateNetwork, privateHostAllowlist: config.privateHostAllowlist } });
  }

  /** A saved page as if fetched from `url` (no network request). */
  pageFromFile(url: string, bytes: Uint8Array, contentType = ''): FetchedPage {
    const address = parseTargetUrl(url, 'url', { allowPrivateNetwork: true, privateHostAllowlist: [] }).href;
    const { text, charset } = decodeBody(bytes, contentType);
    return { requestedUrl: address, url: address, status: 200, headers: contentType ? { 'content-type': contentType } : {}, contentType, charset, body: text, bytes: bytes.byteLength, durationMs: 0 };
  }

  async fetch(url: string): Promise<FetchedPage> {
    const target = parseTargetUrl(url, 'url', { allowPrivateNetwork: this.config.allowPrivateNetwork, privateHostAllowlist: this.config.privateHostAllowlist });
    return this.fetcher.fetch(target.href, { timeoutMs: this.config.fetchTimeoutMs, maxBytes: this.config.maxPageBytes });
  }

  async extract(page: FetchedPage, _render: RenderChoice, offline: boolean): Promise<ExtractionReport> {
    const related = offline ? undefined : (url: string) => this.fetch(url).catch(() => null);
    const extract = this.extractor.extract.bind(this.extractor) as (page: FetchedPage, options?: { fetchRelated?: (url: string) => Promise<FetchedPage | null> }) => Promise<ExtractedProduct | null>;
    const product = await extract(page, related ? { fetchRelated: related } : {});
    return { url: page.url, product: product ? { ...product, completeness: completenessOf(product) } : null, rendered: false };
  }

  async close(): Promise<void> {
    await this.fetcher.close();
  }
}

/** A failure as one JSON object (`{"error": {code, message, retryable}}`). */
export function errorReport(error: unknown): { error: { code: string; message: string; retryable: boolean } } {
  const failure = error instanceof TrawlError ? error : toTrawlError(error);
  return { error: { code: failure.code, message: failure.message, retryable: failure.retryable } };
}
