import type { CheerioAPI } from 'cheerio/slim';
import { selectAll, selectInside, type DescendantPairs } from './dom-query.js';
import type { DomElement } from './extraction.types.js';
import { absoluteUrl, isElement } from './text.js';
/**
 * Where product photos live on common storefronts; page chrome (logos, icons)
 * is outside these. The query `[itemprop=image], .product-gallery img, ...,
 * .productView-thumbnail-link, ...` taken apart (see `selectInside`).
 */
export const GALLERY_IMAGES: { plain: string; inside: DescendantPairs } = {
  plain: '[itemprop=image], .productView-thumbnail-link',
  inside: [[[
    '.product-gallery', '.product__media', '.product-media', '.product-images', '.product-image', '.product-photos', '.woocommerce-product-gallery',
    '[data-gallery]', '#product-images', '.gallery', '.productView-image', '.primary-images', '.product-image-gallery', '.gallery-placeholder',
    '.fotorama__stage', '.product-single__media', '.product__main-photos',
  ].join(', '), 'img']],
};
/** Most images kept per product. */
export const MAX_IMAGES = 40;
/** Hosts and paths of tracking pixels and analytics beacons. */
const TRACKER = /(?:^|[./])(?:facebook\.com\/tr|google-analytics\.com|googletagmanager\.com|doubleclick\.net|bat\.bing\.com|analytics\.|pixel\.|px\.ads|t\.co\/i|sc-static\.net|ct\.pinterest\.com|stats\.g\.doubleclick)/i;
/** File names of page chrome: logos, icons, spinners, placeholders, spacers. */
const CHROME_FILE = /^(?:logo|favicon|sprite|spinner|loader|loading|placeholder|blank|spacer|pixel|transparent|1x1|clear|empty)(?:[-_@](?:\d+x?\d*|@?\dx|white|black|dark|light|header|footer|retina|mobile|desktop|small|large|sm|lg))*\.\w+$|^(?:no[-_]?image|icon[-_]|ico[-_])|\.(?:ico|svg)$/i;
/** Folders of icons and payment badges. */
const CHROME_FOLDER = /\/(?:icons?|favicons?|payment[-_]?icons?|badges?|flags?|sprites?|emoji)\//i;
/** True when a URL is a product photo candidate: not a data URI, tracking pixel, icon, logo or spacer. */
export function isProductImageUrl(url: string): boolean {
  if (url.startsWith('data:') || TRACKER.test(url))
    return false;
  let path: string;
  try {
    path = new URL(url).pathname;
  }
  catch {
    return false;
  }
  const file = path.slice(path.lastIndexOf('/') + 1);
  return !CHROME_FILE.test(file) && !CHROME_FOLDER.test(path);
}
/**
 * The key two URLs of one photo share: scheme, size suffixes (Shopify's
 * `_400x`, WordPress's `-300x300`, Magento's `/cache/<hash>/`, BigCommerce's `/stencil/500x659/`) and resizing query parameters ignored,
 * and Shopify's CDN host and the shop's `/cdn/shop/` path taken as one.
 */
export function imageKey(url: string): string {
  let key = IMAGE_KEYS.get(url);
  if (key === undefined) {
    if (IMAGE_KEYS.size >= MAX_CACHED_KEYS) IMAGE_KEYS.clear();
    key = computeImageKey(url);
    IMAGE_KEYS.set(url, key);
  }
  return key;
}
/** Image keys by URL: every `addImages` call keys the URLs already kept again, and the sources of one page name the same photos. */
const IMAGE_KEYS = new Map<string, string>();
const MAX_CACHED_KEYS = 2000;
function computeImageKey(url: string): string {
  try {
    const parsed = new URL(url);
    for (const name of [...parsed.searchParams.keys()]) {
      if (/^(?:w|h|width|height|v|crop|quality|q|format|fit|auto|dpr|size|resize|scale|fm)$/i.test(name))
        parsed.searchParams.delete(name);
    }
    const path = parsed.pathname
      .replace(/_(?:\d+x\d*|x\d+|pico|icon|thumb|small|compact|medium|large|grande|original|master)(?:_crop_\w+)?(?:@\dx)?(?=\.\w+$)/i, '')
      .replace(/-\d{2,4}x\d{2,4}(?=\.\w+$)/, '')
      .replace(/\/cache\/(?:\d+\/\w+\/(?:\d+x\d*\/)?)?[0-9a-f]{32}\//i, '/')
      .replace(/\/images\/stencil\/(?:\d+x\d+|original)\//, '/images/stencil/');
    const shopify = /\/(?:s\/files\/(?:\d+\/)+|cdn\/shop\/)(.+)$/.exec(path)?.[1];
    return (shopify ? `shopify:${shopify}${parsed.search}` : `${parsed.host}${path}${parsed.search}`).toLowerCase();
  }
  catch {
    return url;
  }
}
/** Appends product image URLs to `target`: filtered, one per photo (see imageKey), at most MAX_IMAGES. */
export function addImages(target: string[], urls: Iterable<string | undefined>, keys: Set<string> = new Set(target.map(imageKey))): void {
  for (const url of urls) {
    if (target.length >= MAX_IMAGES)
      return;
    if (!url || !isProductImageUrl(url))
      continue;
    const key = imageKey(url);
    if (keys.has(key)) {
      upgradeToHttps(target, url, key);
      continue;
    }
    keys.add(key);
    target.push(url);
  }
}
/** An `http:` URL already kept is replaced by the `https:` one of the same photo. */
function upgradeToHttps(target: string[], url: string, key: string): void {
  if (!url.startsWith('https:'))
    return;
  const index = target.findIndex((kept) => kept.startsWith('http:') && imageKey(kept) === key);
  if (index >= 0)
    target[index] = `https:${target[index]!.slice(5)}`;
}
/**
 * The largest candidate of a `srcset` ("a.jpg 400w, b.jpg 1200w" -> b.jpg;
 * "a.jpg 1x, b.jpg 2x" -> b.jpg). Candidates are split on a comma followed by
 * whitespace, so URLs with commas in them (image CDNs) survive.
 */
export function largestSrcsetCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const candidate of srcset.slice(0, 8192).split(/,\s+/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
    if (!url || url.startsWith('data:'))
      continue;
    const size = Number.parseFloat(descriptor) * (descriptor.endsWith('x') ? 1 : 0.001);
    const weight = Number.isFinite(size) ? size : 0;
    if (!best || weight > best.size)
      best = { url: url.replace(/,$/, ''), size: weight };
  }
  return best?.url;
}
/** The best URL of an image element: largest srcset candidate, zoom/large variants, lazy-load attributes, then src. */
export function imageSource(element: DomElement): string | undefined {
  const attributes = element.attribs;
  const srcset = attributes.srcset ?? attributes['data-srcset'];
  const fromSrcset = srcset ? largestSrcsetCandidate(srcset) : undefined;
  const src = [attributes.src, attributes['data-src'], attributes.content, attributes.href].find((value) => value && !value.startsWith('data:'));
  return attributes['data-zoom-image'] ?? attributes['data-large_image'] ?? attributes['data-image-gallery-zoom-image-url'] ?? fromSrcset
    ?? attributes['data-full'] ?? src;
}
/** True for an `<img>` declared 1-2 pixels wide or high: a spacer or tracking pixel. */
function isPixel(element: DomElement): boolean {
  const { width, height } = element.attribs;
  return [width, height].some((value) => value !== undefined && /^\s*[0-2](?:px)?\s*$/.test(value));
}
/** Absolute URLs of the product gallery images, largest candidate each, filtered and deduplicated. */
export function galleryImages($: CheerioAPI, pageUrl: string, selector: string | typeof GALLERY_IMAGES = GALLERY_IMAGES): string[] {
  const images: string[] = [];
  const keys = new Set<string>();
  const elements = typeof selector === 'string' ? selectAll($, selector) : selectInside($, selector.inside, selector.plain);
  for (const element of elements) {
    if (images.length >= MAX_IMAGES)
      break;
    if (isElement(element) && !isPixel(element))
      addImages(images, [absoluteUrl(imageSource(element), pageUrl)], keys);
  }
  return images;
}
//# sourceMappingURL=page-images.js.map