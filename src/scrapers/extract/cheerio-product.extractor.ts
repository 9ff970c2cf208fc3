import { load } from 'cheerio/slim';
import type { ExtractedProduct } from '../../domain/entities/product.js';
import { TrawlError } from '../../domain/errors.js';
import type { FetchedPage } from '../../domain/ports/page-fetcher.port.js';
import type { ProductExtractor } from '../../domain/ports/product-extractor.port.js';
import { capTreeDepth } from './cap-depth.js';
import type { ExtractionContext, ExtractionSource, SourceResult } from './extraction.types.js';
import { collectJsonLd, jsonLdSource } from './json-ld.source.js';
import { markupSource } from './markup.source.js';
import { mergeProduct } from './merge-product.js';
import { openGraphSource } from './opengraph.source.js';

/** The default steps, in merge priority order: structured data, then meta tags, then the page itself. */
export const DEFAULT_SOURCES: readonly ExtractionSource[] = [jsonLdSource, openGraphSource, markupSource];

const HTML_CONTENT_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;
const HTML_START = /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|script|div|main|header|p|h1)[\s>/]/i;

/** True when the body starts like an HTML document, whatever the Content-Type said. */
export function looksLikeHtml(body: string): boolean {
  return HTML_START.test(body.slice(0, 2048).replace(/^\uFEFF/, '').trimStart());
}

/**
 * ProductExtractor over cheerio (htmlparser2): parses the page once, runs the
 * sources in order and merges their fields (see `mergeProduct`). Null for a
 * page without product signals; NOT_HTML for a body that is not HTML.
 */
export class CheerioProductExtractor implements ProductExtractor {
  constructor(private readonly sources: readonly ExtractionSource[] = DEFAULT_SOURCES) {}

  async extract(page: FetchedPage): Promise<ExtractedProduct | null> {
    if (!HTML_CONTENT_TYPE.test(page.contentType) && !looksLikeHtml(page.body)) {
      throw new TrawlError('NOT_HTML', `${page.url} is not HTML (Content-Type "${page.contentType || 'none'}")`, {
        url: page.url, httpStatus: page.status, contentType: page.contentType,
      });
    }
    const $ = load(page.body);
    capTreeDepth($);
    const context: ExtractionContext = { $, pageUrl: page.url, jsonLd: collectJsonLd($) };
    const results: SourceResult[] = [];
    for (const source of this.sources) results.push(source.extract(context, results));
    return mergeProduct(results);
  }
}
