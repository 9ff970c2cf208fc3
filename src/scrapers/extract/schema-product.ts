import type { ProductVariant } from '../../domain/entities/product.js';
import { combineAvailability } from './availability.js';
import type { JsonObject, ProductFields } from './extraction.types.js';
import { hasType, nodesOf, type SchemaReader } from './schema-node.js';
import { bestOffer, compact, offersOf, readOffer, type OfferInfo } from './schema-offers.js';
import { toGtin } from './gtin.js';
import { addImages } from './page-images.js';
import { absoluteUrl, cleanText, first, isObject, list, plainText, toCount, toNumber } from './text.js';
import { compareAmounts } from '../price/parse-price.js';

const GTIN_KEYS = ['gtin', 'gtin13', 'gtin14', 'gtin12', 'gtin8', 'isbn', 'ean', 'upc'] as const;
const DEFAULT_VARIANT_KEYS = ['color', 'size', 'material', 'pattern', 'suggestedGender', 'suggestedAge'];

/**
 * Maps a schema.org Product or ProductGroup (from JSON-LD or microdata) to
 * product fields: offers (Offer, list, AggregateOffer, priceSpecification),
 * variants (`hasVariant`, or several named offers), brand, images, rating,
 * GTIN/MPN/SKU. Availability is IN_STOCK when any offer or variant is.
 */
export function schemaProductFields(node: JsonObject, reader: SchemaReader): ProductFields {
  const offers = offersOf(node, reader).map((offer) => readOffer(offer, reader));
  const variants = variantsOf(node, reader);
  const best = bestOffer([...offers, ...variants.map((variant): OfferInfo => compact({ price: variant.price, availability: variant.availability, sku: variant.sku }))]);
  const listPrice = best?.listPrice ?? offers.find((offer) => offer.listPrice)?.listPrice;
  const compareAtPrice = best?.price && listPrice && listPrice.currency === best.price.currency
    && compareAmounts(listPrice.amount, best.price.amount) > 0 ? listPrice : undefined;
  const rating = nodesOf(node.aggregateRating, reader)[0];
  return compact<ProductFields>({
    title: cleanText(first(node.name)),
    description: plainText(first(node.description)),
    brand: brandName(node.brand, reader) ?? brandName(node.manufacturer, reader),
    sku: cleanText(first(node.sku)) ?? (offers.length === 1 ? offers[0]?.sku : undefined) ?? (variants.length > 0 ? best?.sku : undefined),
    gtin: gtinOf(node) ?? (offers.length === 1 ? offers[0]?.gtin : undefined),
    mpn: cleanText(first(node.mpn)),
    canonicalUrl: absoluteUrl(first(node.url), reader.pageUrl),
    images: imageUrls(node.image, reader),
    price: best?.price,
    compareAtPrice,
    availability: combineAvailability([...offers.map((offer) => offer.availability), ...variants.map((variant) => variant.availability)]),
    variants,
    ...ratingOf(rating),
  });
}

/**
 * An AggregateRating's value on a five-star scale (a `bestRating` of 100 or 10
 * is scaled down: 80/100 is 4), rounded to two decimals, and its count.
 */
export function ratingOf(rating: JsonObject | undefined): Pick<ProductFields, 'rating' | 'reviewCount'> {
  if (!rating) return {};
  const value = toNumber(rating.ratingValue);
  const best = toNumber(rating.bestRating) ?? (value !== undefined && value > 5 && value <= 100 ? 100 : 5);
  const count = toCount(rating.reviewCount) ?? toCount(rating.ratingCount);
  const scaled = value !== undefined && best > 0 && value >= 0 && value <= best ? Math.round((value * 500) / best) / 100 : undefined;
  return compact({ rating: scaled, reviewCount: count });
}

function variantsOf(node: JsonObject, reader: SchemaReader): ProductVariant[] {
  const members = nodesOf(node.hasVariant, reader);
  if (members.length > 0) {
    const keys = variantKeys(node);
    return members.map((member) => variantFromProduct(member, keys, reader));
  }
  const offers = offersOf(node, reader).filter((offer) => !hasType(offer, 'AggregateOffer')).map((offer) => readOffer(offer, reader));
  if (offers.length < 2 || !offers.some((offer) => offer.sku || offer.name)) return [];
  return offers.map((offer) => compact<ProductVariant>({
    title: offer.name, sku: offer.sku, options: {}, price: offer.price, availability: offer.availability ?? 'UNKNOWN',
  }));
}

function variantKeys(node: JsonObject): string[] {
  const declared = list(node.variesBy)
    .filter((key): key is string => typeof key === 'string')
    .map((key) => key.replace(/^.*[/:]/, ''))
    .filter((key) => key.length > 0);
  return declared.length > 0 ? declared : DEFAULT_VARIANT_KEYS;
}

function variantFromProduct(member: JsonObject, keys: readonly string[], reader: SchemaReader): ProductVariant {
  const offers = offersOf(member, reader).map((offer) => readOffer(offer, reader));
  const options: Record<string, string> = {};
  for (const key of keys) {
    const raw = first(member[key]);
    const value = isObject(raw) ? cleanText(first(raw.name)) : cleanText(raw);
    if (value) options[key] = value;
  }
  for (const property of nodesOf(member.additionalProperty, reader)) {
    const name = cleanText(first(property.name));
    const value = cleanText(first(property.value));
    if (name && value) options[name] = value;
  }
  return compact<ProductVariant>({
    title: cleanText(first(member.name)),
    sku: cleanText(first(member.sku)) ?? offers.find((offer) => offer.sku)?.sku,
    options,
    price: bestOffer(offers)?.price,
    availability: combineAvailability(offers.map((offer) => offer.availability)) ?? 'UNKNOWN',
  });
}

function brandName(value: unknown, reader: SchemaReader): string | undefined {
  for (const item of list(value)) {
    const brand = reader.resolve(item);
    const name = isObject(brand) ? cleanText(first(brand.name)) : cleanText(brand);
    if (name) return name;
  }
  return undefined;
}

function imageUrls(value: unknown, reader: SchemaReader): string[] {
  const urls: string[] = [];
  for (const item of list(value).slice(0, 100)) {
    const image = reader.resolve(item);
    const raw = isObject(image) ? first(image.url) ?? first(image.contentUrl) : image;
    addImages(urls, [absoluteUrl(raw, reader.pageUrl)]);
  }
  return urls;
}

/** The first valid GTIN under any of the GTIN keys (check digit verified, GS1 Digital Links read). */
export function gtinOf(node: JsonObject): string | undefined {
  for (const key of GTIN_KEYS) {
    for (const value of list(node[key]).slice(0, 5)) {
      const gtin = toGtin(value);
      if (gtin) return gtin;
    }
  }
  return undefined;
}
