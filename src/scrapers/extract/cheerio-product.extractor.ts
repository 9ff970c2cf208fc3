import { load, type CheerioAPI } from 'cheerio/slim';
import type { ExtractedProduct } from '../../domain/entities/product.js';
import type { Platform } from '../../domain/entities/site.js';
import type { FetchedPage } from '../../domain/ports/page-fetcher.port.js';
import type { ExtractOptions, ProductExtractor } from '../../domain/ports/product-extractor.port.js';
import { detectPlatformOfParsed } from '../site/platform-detection.js';
import { capTreeDepth } from './cap-depth.js';
import { indexedDocument, pageElements } from './dom-query.js';
import { buildContext } from './extraction-context.js';
import type { ExtractionSource, SourceResult } from './extraction.types.js';
import { mergeProduct } from './merge-product.js';
import { assertHtml, capHtml } from './page-guard.js';
import { GENERIC_STEPS, PLATFORM_STEPS, stepsFor, type PlatformSteps } from './platform-steps.js';

export { looksLikeHtml, MAX_HTML_CHARS } from './page-guard.js';

/** The generic steps, in merge priority order (kept under this name for callers that compose their own). */
export const DEFAULT_SOURCES: readonly ExtractionSource[] = GENERIC_STEPS;

/** Parses a page's HTML into a document (cheerio's htmlparser2 `load` by default). */
export type PageParser = (html: string) => CheerioAPI;

/**
 * ProductExtractor over cheerio (htmlparser2). Per page: refuse what is not
 * HTML (NOT_HTML, binary included), parse at most MAX_HTML_CHARS (the start
 * of a larger page) once, with the tree depth capped, pick the platform
 * (given, or detected from that same parsed page), run that platform's steps
 * and then the generic ones, and merge what they found (see `mergeProduct`).
 * Null for a page without product signals.
 */
export class CheerioProductExtractor implements ProductExtractor {
  constructor(
    private readonly generic: readonly ExtractionSource[] = DEFAULT_SOURCES,
    private readonly platformSteps: PlatformSteps = PLATFORM_STEPS,
    private readonly parse: PageParser = load,
  ) {}

  async extract(page: FetchedPage, options: ExtractOptions = {}): Promise<ExtractedProduct | null> {
    assertHtml(page);
    const { html } = capHtml(page.body);
    const $ = indexedDocument(this.parse(html));
    capTreeDepth($);
    const platform: Platform = options.platform ?? detectPlatformOfParsed({ url: page.url, headers: page.headers, elements: pageElements($) }).platform;
    const context = buildContext($, page, platform, options);
    const results: SourceResult[] = [];
    for (const step of stepsFor(platform, this.generic, this.platformSteps)) results.push(await step.extract(context, results));
    const product = mergeProduct(results);
    return product ? { ...product, platform } : null;
  }
}
