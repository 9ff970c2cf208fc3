/** Public surface of the scrapers: the page fetcher, the product extractor and price parsing. */
export { HttpPageFetcher, type HttpPageFetcherOptions } from './http/http-page-fetcher.js';
export { decodeBody, charsetFromContentType, sniffDocumentCharset, type DecodedBody } from './http/decode-body.js';
export { parseRetryAfter } from './http/http-status.js';
export { CheerioProductExtractor, DEFAULT_SOURCES, looksLikeHtml } from './extract/cheerio-product.extractor.js';
export type { ExtractionContext, ExtractionSource, ProductFields, ShownPrice, SourceName, SourceResult } from './extract/extraction.types.js';
export { jsonLdSource } from './extract/json-ld.source.js';
export { openGraphSource } from './extract/opengraph.source.js';
export { markupSource } from './extract/markup.source.js';
export { parseLenientJson } from './extract/lenient-json.js';
export { parsePrice, parseAmount, toMoney, toCurrencyCode, compareAmounts, formatAmount, type PriceHint } from './price/parse-price.js';
export { HttpSiteExplorer, type HttpSiteExplorerOptions } from './site/http-site.explorer.js';
export { HtmlListingScraper } from './listing/html-listing.scraper.js';
export { BrowserPool, type BrowserPoolOptions, type BrowserPoolStats } from './browser/browser-pool.js';
export { PlaywrightRenderer } from './browser/playwright-renderer.js';
export { PlaywrightNavigationRunner } from './browser/playwright-navigation-runner.js';
export { looksLikeAppShell, type AppShellVerdict } from './browser/app-shell.js';
