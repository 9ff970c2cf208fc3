/**
 * What the extractor checks before parsing: that the body is HTML at all
 * (not JSON, not an image or PDF served as text/html), and how much of it is
 * parsed.
 */
import { TrawlError } from '../../domain/errors.js';
import type { FetchedPage } from '../../domain/ports/page-fetcher.port.js';

/**
 * The most HTML parsed per page, in characters. The product is near the top
 * of any real page; the rest of a larger one (megabytes of inlined data or
 * generated junk) is dropped before parsing, cut at a tag boundary.
 */
export const MAX_HTML_CHARS = 3 * 1024 * 1024;

const HTML_CONTENT_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;
const HTML_START = /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|script|div|main|header|p|h1)[\s>/]/i;
/** File signatures as they read once decoded as UTF-8 or Latin-1. */
const BINARY_SIGNATURE = /^(?:%PDF-|\uFFFDPNG|\u0089PNG|GIF8[79]a|PK\u0003\u0004|\u001f(?:\u008b|\uFFFD)|RIFF|OggS|ID3|\u007fELF|wOF[F2]|\uFFFD\uFFFD\uFFFD|\u00ff\u00d8\u00ff|\u0000\u0000\u0001\u0000|BM.{4}\u0000\u0000)/s;
const BINARY_SAMPLE = 4096;
/** Share of control and replacement characters above which a sample is binary. */
const BINARY_SHARE = 0.1;

/** True when the body starts like an HTML document, whatever the Content-Type said. */
export function looksLikeHtml(body: string): boolean {
  return HTML_START.test(body.slice(0, 2048).replace(/^\uFEFF/, '').trimStart());
}

/** True when the body is a binary file decoded as text: a known signature, or a start full of control characters. */
export function looksBinary(body: string): boolean {
  const sample = body.slice(0, BINARY_SAMPLE);
  if (BINARY_SIGNATURE.test(sample)) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0xfffd) odd++;
  }
  return sample.length > 0 && odd / sample.length > BINARY_SHARE;
}

/** Throws NOT_HTML unless the page is HTML: by Content-Type or by its start, and not binary either way. */
export function assertHtml(page: FetchedPage): void {
  const binary = looksBinary(page.body);
  if (!binary && (HTML_CONTENT_TYPE.test(page.contentType) || looksLikeHtml(page.body))) return;
  const what = binary ? 'binary data' : 'not HTML';
  throw new TrawlError('NOT_HTML', `${page.url} is ${what} (Content-Type "${page.contentType || 'none'}")`, {
    url: page.url, httpStatus: page.status, contentType: page.contentType,
  });
}

/** Longest inline script kept when a page is over MAX_HTML_CHARS: bigger ones are data no step reads (see MAX_JSON_CHARS). */
export const MAX_KEPT_SCRIPT_CHARS = 2 * 1024 * 1024;

/**
 * The part of a body that is parsed. A page over `maxChars` first loses the
 * contents of its giant inline scripts (a multi-megabyte state blob in the
 * head would otherwise push the product out), then is cut before the last
 * tag that fits. `truncated` says the page was cut.
 */
export function capHtml(body: string, maxChars: number = MAX_HTML_CHARS): { html: string; truncated: boolean } {
  if (body.length <= maxChars) return { html: body, truncated: false };
  const slim = withoutGiantScripts(body, MAX_KEPT_SCRIPT_CHARS);
  if (slim.length <= maxChars) return { html: slim, truncated: false };
  const lastTag = slim.lastIndexOf('<', maxChars);
  return { html: slim.slice(0, lastTag > maxChars / 2 ? lastTag : maxChars), truncated: true };
}

/** The body with the contents of inline scripts longer than `maxScriptChars` removed (tags kept). One linear scan. */
function withoutGiantScripts(body: string, maxScriptChars: number): string {
  const lower = body.toLowerCase();
  const parts: string[] = [];
  let kept = 0;
  for (let at = lower.indexOf('<script', 0); at >= 0; at = lower.indexOf('<script', at)) {
    const contentStart = lower.indexOf('>', at) + 1;
    if (contentStart === 0) break;
    const close = lower.indexOf('</script', contentStart);
    const contentEnd = close < 0 ? body.length : close;
    if (contentEnd - contentStart > maxScriptChars) {
      parts.push(body.slice(kept, contentStart));
      kept = contentEnd;
    }
    if (close < 0) break;
    at = close + 8;
  }
  parts.push(body.slice(kept));
  return parts.join('');
}
