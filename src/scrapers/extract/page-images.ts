import type { CheerioAPI } from 'cheerio/slim';
import type { DomElement } from './extraction.types.js';
import { absoluteUrl, addUnique, isElement } from './text.js';

/** Where product photos live on common storefronts; page chrome (logos, icons) is outside these. */
const GALLERY_IMAGES = [
  '[itemprop=image]', '.product-gallery img', '.product__media img', '.product-media img', '.product-images img',
  '.product-image img', '.product-photos img', '.woocommerce-product-gallery img', '[data-gallery] img', '#product-images img',
  '.gallery img',
].join(', ');
const MAX_IMAGES = 30;

/**
 * The largest candidate of a `srcset` ("a.jpg 400w, b.jpg 1200w" -> b.jpg;
 * "a.jpg 1x, b.jpg 2x" -> b.jpg). Candidates are split on a comma followed by
 * whitespace, so URLs with commas in them (image CDNs) survive.
 */
export function largestSrcsetCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const size = Number.parseFloat(descriptor) * (descriptor.endsWith('x') ? 1 : 0.001);
    const weight = Number.isFinite(size) ? size : 0;
    if (!best || weight > best.size) best = { url: url.replace(/,$/, ''), size: weight };
  }
  return best?.url;
}

function imageSource(element: DomElement): string | undefined {
  const attributes = element.attribs;
  const srcset = attributes.srcset ?? attributes['data-srcset'];
  const fromSrcset = srcset ? largestSrcsetCandidate(srcset) : undefined;
  return fromSrcset ?? attributes['data-zoom-image'] ?? attributes['data-large_image'] ?? attributes['data-src']
    ?? attributes.src ?? attributes.content ?? attributes.href;
}

/** Absolute URLs of the product gallery images, largest srcset candidate each, deduplicated. */
export function galleryImages($: CheerioAPI, pageUrl: string): string[] {
  const images: string[] = [];
  for (const element of $(GALLERY_IMAGES).toArray()) {
    if (images.length >= MAX_IMAGES) break;
    if (isElement(element)) addUnique(images, [absoluteUrl(imageSource(element), pageUrl)]);
  }
  return images;
}
