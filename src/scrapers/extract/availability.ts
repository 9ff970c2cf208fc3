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

/** Stock phrases shops print, negative ones first ("not available" contains "available"). */
const TEXT_RULES: readonly [RegExp, Availability][] = [
  [/discontinued|no longer (?:available|sold|made)|nicht mehr (?:erhältlich|lieferbar)|plus (?:disponible|fabriqué)|descatalogado|fuori produzione/i, 'DISCONTINUED'],
  [/pre-?order|vorbestell|pré-?commande|precommande|preventa|pre-?venta|prenota|prevendita|voorbestel|przedsprzedaż|förbeställ|предзаказ|予約/i, 'PREORDER'],
  [/back-?order|nachbestell|auf bestellung|en réapprovisionnement|bajo pedido|su ordinazione|made to order|temporarily out of stock|deliver when available|ships when available|под заказ|お取り寄せ/i, 'BACKORDER'],
  [/out[- ]of[- ]stock|sold[- ]?out|unavailable|not available|currently unavailable|ausverkauft|nicht (?:auf lager|verfügbar|lieferbar|vorrätig)|vergriffen|épuisé|rupture de stock|indisponible|non disponible|agotado|sin (?:stock|existencias)|no disponible|esaurito|non disponibile|uitverkocht|niet (?:op voorraad|leverbaar)|niedostępn|wyprzedan|slutsåld|utsolgt|udsolgt|ei varastossa|нет в наличии|在庫切れ|売り切れ|缺货|售罄|publicación pausada|pausad[ao]|indisponível|esgotado/i, 'OUT_OF_STOCK'],
  [/in[- ]stock|available|auf lager|lieferbar|verfügbar|vorrätig|en stock|disponible|en existencia|disponibile|op voorraad|leverbaar|på lager|w magazynie|dostępn|varastossa|в наличии|在庫あり|有货|add to (?:cart|bag|basket)/i, 'IN_STOCK'],
];

/** The availability a visible stock message states ("Only 3 left in stock", "Ausverkauft"), or undefined. */
export function availabilityFromText(text: string | undefined): Availability | undefined {
  if (!text) return undefined;
  const sample = text.slice(0, 300);
  return TEXT_RULES.find(([pattern]) => pattern.test(sample))?.[1];
}
