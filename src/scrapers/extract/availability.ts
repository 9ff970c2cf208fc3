import type { Availability } from '../../domain/entities/product.js';

/**
 * schema.org ItemAvailability (URL or bare word) and the OpenGraph / Facebook
 * catalogue words, squashed to lower-case letters only.
 */
const WORDS: Record<string, Availability> = {
  instock: 'IN_STOCK', limitedavailability: 'IN_STOCK', instoreonly: 'IN_STOCK', onlineonly: 'IN_STOCK', available: 'IN_STOCK',
  outofstock: 'OUT_OF_STOCK', soldout: 'OUT_OF_STOCK', oos: 'OUT_OF_STOCK', unavailable: 'OUT_OF_STOCK', reserved: 'OUT_OF_STOCK',
  preorder: 'PREORDER', presale: 'PREORDER',
  backorder: 'BACKORDER', madetoorder: 'BACKORDER', availablefororder: 'BACKORDER',
  discontinued: 'DISCONTINUED',
};

/** The domain availability a structured-data value means, or undefined when it is unknown. */
export function toAvailability(value: unknown): Availability | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim().replace(/^.*[/:#]/, '').toLowerCase().replace(/[^a-z]/g, '');
  return WORDS[word];
}

/** Which state wins when offers or variants disagree: any buyable one makes the product buyable. */
const RANK: Record<Availability, number> = {
  IN_STOCK: 5, PREORDER: 4, BACKORDER: 3, OUT_OF_STOCK: 2, DISCONTINUED: 1, UNKNOWN: 0,
};

/**
 * The availability of a product from its offers or variants: IN_STOCK if
 * any is in stock (some sold-out sizes do not make the product sold out),
 * then pre-order, back-order, out of stock, discontinued. Undefined when
 * none is known.
 */
export function combineAvailability(values: Iterable<Availability | undefined>): Availability | undefined {
  let best: Availability | undefined;
  for (const value of values) {
    if (value && value !== 'UNKNOWN' && (!best || RANK[value] > RANK[best])) best = value;
  }
  return best;
}
