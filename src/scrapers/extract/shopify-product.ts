/**
 * Shopify's product JSON mapped to product fields. One mapping reads the
 * three shapes Shopify serves: `/products/<handle>.js` and the theme's
 * embedded `{{ product | json }}` (prices in hundredths, `available` flags,
 * `options` as objects or names), and `/products/<handle>.json` (`{product}`
 * wrapper, prices as decimal strings, `body_html`, no stock flags).
 */
import type { Availability, Money, ProductVariant } from '../../domain/entities/product.js';
import { compareAmounts, moneyFromHundredths, parseAmount, toMoney } from '../price/parse-price.js';
import { combineAvailability } from './availability.js';
import type { JsonObject, ProductFields } from './extraction.types.js';
import { toGtin } from './gtin.js';
import { addImages } from './page-images.js';
import { compact } from './schema-offers.js';
import { absoluteUrl, cleanText, isObject, list, plainText } from './text.js';

const MAX_VARIANTS = 250;

/** The product object of a Shopify product JSON (`{product: {...}}` unwrapped), or undefined when it is not one. */
export function shopifyProductObject(value: unknown): JsonObject | undefined {
  const product = isObject(value) && isObject(value.product) ? value.product : value;
  if (!isObject(product) || !Array.isArray(product.variants)) return undefined;
  return typeof product.title === 'string' || typeof product.handle === 'string' || product.id !== undefined ? product : undefined;
}

/** A Shopify price: numbers are hundredths (`.js`, Liquid `json`), strings are decimals (`.json`). */
export function shopifyMoney(value: unknown, currency: string | undefined): Money | undefined {
  if (typeof value === 'number') return value > 0 ? moneyFromHundredths(value, currency) : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const money = toMoney(parseAmount(value), currency);
  return money && compareAmounts(money.amount, '0') > 0 ? money : undefined;
}

function optionNames(product: JsonObject): string[] {
  return list(product.options).map((option, index) => {
    const name = isObject(option) ? cleanText(option.name) : cleanText(option);
    return name ?? `option${index + 1}`;
  });
}

function availabilityOf(variant: JsonObject): Availability | undefined {
  if (typeof variant.available !== 'boolean') return undefined;
  if (variant.available) return 'IN_STOCK';
  return 'OUT_OF_STOCK';
}

function readVariant(variant: JsonObject, names: readonly string[], currency: string | undefined): ProductVariant {
  const options: Record<string, string> = {};
  const values = Array.isArray(variant.options) ? variant.options : [variant.option1, variant.option2, variant.option3];
  values.forEach((value, index) => {
    const text = cleanText(value);
    const name = names[index];
    if (text && name && !(name === 'Title' && text === 'Default Title')) options[name] = text;
  });
  return compact<ProductVariant>({
    title: cleanText(variant.public_title) ?? cleanText(variant.title),
    sku: cleanText(variant.sku),
    options,
    price: shopifyMoney(variant.price, currency),
    availability: availabilityOf(variant) ?? 'UNKNOWN',
  });
}

function imagesOf(product: JsonObject, pageUrl: string): string[] {
  const images: string[] = [];
  const urls = [...list(product.images), product.featured_image, ...list(product.media).filter((media) => isObject(media) && media.media_type !== 'video')]
    .slice(0, 100)
    .map((image) => (isObject(image) ? image.src ?? (isObject(image.preview_image) ? image.preview_image.src : undefined) : image));
  addImages(images, urls.map((url) => absoluteUrl(url, pageUrl)));
  return images;
}

/** The variant the page shows: the one in `?variant=`, else the cheapest available, else the first. */
function selectedVariant(raw: JsonObject[], variants: ProductVariant[], pageUrl: string): number {
  let wanted: string | null = null;
  try {
    wanted = new URL(pageUrl).searchParams.get('variant');
  } catch {
    wanted = null;
  }
  const byId = wanted ? raw.findIndex((variant) => String(variant.id) === wanted) : -1;
  if (byId >= 0) return byId;
  let best = -1;
  variants.forEach((variant, index) => {
    if (!variant.price || (variants.some((v) => v.availability === 'IN_STOCK') && variant.availability !== 'IN_STOCK')) return;
    const current = variants[best]?.price;
    if (!current || compareAmounts(variant.price.amount, current.amount) < 0) best = index;
  });
  return best >= 0 ? best : 0;
}

/**
 * Product fields from a Shopify product object: title, vendor as brand,
 * description as plain text, images, variants (unless the only one is
 * "Default Title"), and the price, compare-at price, SKU and barcode of the
 * variant the page shows. IN_STOCK when any variant is available.
 */
export function shopifyProductFields(product: JsonObject, currency: string | undefined, pageUrl: string): ProductFields {
  const names = optionNames(product);
  const raw = list(product.variants).filter(isObject).slice(0, MAX_VARIANTS);
  const variants = raw.map((variant) => readVariant(variant, names, currency));
  const index = selectedVariant(raw, variants, pageUrl);
  const chosen = raw[index];
  const price = variants[index]?.price ?? shopifyMoney(product.price ?? product.price_min, currency);
  const compareAt = shopifyMoney(chosen ? chosen.compare_at_price : product.compare_at_price, currency);
  const productAvailable = typeof product.available === 'boolean' ? (product.available ? 'IN_STOCK' : 'OUT_OF_STOCK') : undefined;
  const onlyDefault = variants.length === 1 && Object.keys(variants[0]!.options).length === 0;
  return compact<ProductFields>({
    title: cleanText(product.title),
    brand: cleanText(product.vendor),
    description: plainText(product.description ?? product.body_html),
    sku: cleanText(chosen?.sku),
    gtin: toGtin(chosen?.barcode),
    price,
    compareAtPrice: price && compareAt && compareAmounts(compareAt.amount, price.amount) > 0 ? compareAt : undefined,
    availability: combineAvailability([...variants.map((variant) => variant.availability), productAvailable]),
    images: imagesOf(product, pageUrl),
    variants: onlyDefault ? [] : variants,
  });
}
