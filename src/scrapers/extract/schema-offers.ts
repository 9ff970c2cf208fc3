import type { Availability, Money } from '../../domain/entities/product.js';
import { compareAmounts, parseAmount, parsePrice, toCurrencyCode, toMoney } from '../price/parse-price.js';
import { toAvailability } from './availability.js';
import type { JsonObject } from './extraction.types.js';
import { hasType, nodesOf, type SchemaReader } from './schema-node.js';
import { toGtin } from './gtin.js';
import { cleanText, first } from './text.js';

/** One offer reduced to what the product needs. */
export interface OfferInfo {
  price?: Money;
  /** A struck-through / list price from a priceSpecification. */
  listPrice?: Money;
  availability?: Availability;
  sku?: string;
  gtin?: string;
  name?: string;
}

/** Offers read per product: enough for any variant matrix, bounded for a hostile one. */
const MAX_OFFERS = 500;
const LIST_PRICE_TYPE = /strikethrough|listprice|msrp|srp/i;

/**
 * The offers of a product: an Offer, a list of them, an AggregateOffer and the
 * offers inside it. A product carrying `price` itself (loose microdata) is its own offer.
 */
export function offersOf(node: JsonObject, reader: SchemaReader): JsonObject[] {
  const offers: JsonObject[] = [];
  for (const offer of nodesOf(node.offers, reader).slice(0, MAX_OFFERS)) {
    offers.push(offer);
    if (hasType(offer, 'AggregateOffer')) offers.push(...nodesOf(offer.offers, reader).slice(0, MAX_OFFERS));
  }
  if (offers.length === 0 && node.price !== undefined) offers.push(node);
  return offers;
}

export function readOffer(offer: JsonObject, reader: SchemaReader): OfferInfo {
  const specs = nodesOf(offer.priceSpecification, reader);
  const listSpec = specs.find((spec) => LIST_PRICE_TYPE.test(String(first(spec.priceType) ?? '')));
  const saleSpec = specs.find((spec) => spec !== listSpec && spec.price !== undefined);
  const currency = toCurrencyCode(cleanText(first(offer.priceCurrency)) ?? cleanText(first(saleSpec?.priceCurrency))
    ?? cleanText(first(listSpec?.priceCurrency))) ?? reader.currencyHint;
  const price = money(first(offer.price) ?? first(offer.lowPrice) ?? first(saleSpec?.price) ?? first(saleSpec?.minPrice)
    ?? first(offer.highPrice), currency);
  const listPrice = money(first(listSpec?.price), currency);
  return compact({
    price, listPrice, availability: toAvailability(first(offer.availability)),
    sku: cleanText(first(offer.sku)), name: cleanText(first(offer.name)),
    gtin: ['gtin', 'gtin13', 'gtin14', 'gtin12', 'gtin8'].map((key) => toGtin(first(offer[key]))).find(Boolean),
  });
}

/** A machine-written price with its currency; zero and unreadable prices are no price. */
export function money(raw: unknown, currency: string | undefined): Money | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const parsed = currency ? toMoney(parseAmount(raw), currency) : typeof raw === 'string' ? parsePrice(raw) ?? undefined : undefined;
  if (!parsed || compareAmounts(parsed.amount, '0') === 0) return undefined;
  return parsed;
}

/**
 * The offer that sets the product's price: the cheapest in-stock one, else
 * the cheapest of all, among offers in the first priced offer's currency.
 */
export function bestOffer(offers: readonly OfferInfo[]): OfferInfo | undefined {
  const priced = offers.filter((offer) => offer.price);
  const inStock = priced.filter((offer) => offer.availability === 'IN_STOCK');
  const pool = inStock.length > 0 ? inStock : priced;
  const currency = pool[0]?.price?.currency;
  let best: OfferInfo | undefined;
  for (const offer of pool) {
    if (offer.price?.currency !== currency) continue;
    if (!best?.price || compareAmounts(offer.price!.amount, best.price.amount) < 0) best = offer;
  }
  return best;
}

/** The object without its undefined properties. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
