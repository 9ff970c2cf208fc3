/**
 * The text around a number that says it is not the price shown: savings,
 * shipping, instalments, unit prices, discounts, and for numbers without a
 * currency next to them also ratings, review counts, codes and quantities.
 * Every pattern here is anchored and bounded: the texts are short (capped by
 * the caller) and the look-around windows are a few dozen characters.
 */

/** A number in the text; `from`/`to` widen it over a currency marker glued to it. */
export interface Span {
  start: number;
  end: number;
  from: number;
  to: number;
}

const WINDOW = 28;

/** Digits of other scripts, their separators, odd spaces and bidi marks, as ASCII. */
export function normalizePriceText(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[\uff10-\uff19]/g, (digit) => String(digit.charCodeAt(0) - 0xff10))
    .replace(/[\u066b\uff0e]/g, '.')
    .replace(/[\u066c\uff0c]/g, ',')
    .replace(/\u2212/g, '-')
    .replace(/[\u200b-\u200f\u2066-\u2069\u061c\u00ad]/g, '')
    .replace(/[\u00a0\u202f\u2009\u2007\u2008\u200a\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const blank = (match: string): string => ' '.repeat(match.length);

/** Dates, times and phone numbers replaced by spaces (so offsets stay put): their digits are never a price. */
export function maskNonPrices(text: string): string {
  return text
    .replace(/\b\d{4}([-/.])\d{1,2}\1\d{1,2}\b/g, blank)
    .replace(/\b\d{1,2}([-/.])\d{1,2}\1\d{2,4}\b/g, blank)
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\b/g, blank)
    .replace(/\+\d[\d ().-]{6,20}\d/g, blank)
    .replace(/\(\d{2,5}\) ?\d{2,4}[ .-]?\d{2,5}/g, blank)
    .replace(/\b\d{3}[-.]\d{3}[-.]\d{4}\b/g, blank)
    .replace(/(?<![\d.,])0\d{2,4}(?:[ -]\d{2,4}){1,3}(?![\d.,])/g, blank);
}

const letters = (words: string): RegExp => new RegExp(`(?<!\\p{L})(?:${words})[\\s:.#-]{0,4}$`, 'iu');

const SAVINGS = letters([
  'save', 'you save', 'saving', 'savings', 'sparen', 'sie sparen', 'ersparnis', 'spar', 'économisez', 'economisez', 'économie',
  'ahorra', 'ahorras', 'ahorro', 'risparmi', 'risparmia', 'bespaar', 'je bespaart', 'oszczędzasz', 'discount', 'rabatt', 'remise',
  'descuento', 'sconto', 'korting', 'rebate', 'off', 'minus', 'экономия', 'скидка', 'выгода', 'вы экономите', 'oszczędzasz', 'sparar',
  'du sparar', 'säästät', 'economize', 'economia', 'você economiza', 'お得', '割引', '節約',
].join('|'));
const THRESHOLD = letters('over|above|spend|spending|minimum|min|orders over|orders above|orders from|bestellwert ab|dès|sopra i|sopra|oltre|över|boven|powyżej');
const SHIPPING_BEFORE = letters('shipping|delivery|postage|versand|versandkosten|lieferung|livraison|envío|envio|spedizione|verzending|frakt|porto');
const SHIPPING_AFTER = /^\s*(?:\+\s*)?(?:shipping|delivery|postage|versand|lieferung|livraison|envío|envio|spedizione|verzending|frakt|fragt|porto|p&p|s&h)/i;
const INSTALMENT_BEFORE = letters('payments of|payment of|instal?lments of|instal?lments|x|×|raten à|raten von|raten zu|cuotas de|mensualités de|rate da|termijnen van');
const INSTALMENT_AFTER = /^\s*(?:\/\s*(?:mo|mon|month|mth|monat|mois|mes|mese|maand|mnd|m)\b|per month|a month|monthly|mtl\b|p\.\s?m\.|par mois|al mes|im monat|x\s?\d)/i;
const UNIT_AFTER = /^\s*(?:\/|per |pro |par |je |por |the )\s*(?:\d+\s*)?(?:kg|g|gr|mg|l|ltr|litre|liter|ml|cl|dl|oz|fl\.?\s?oz|lb|lbs|m|m2|m²|m³|cm|ft|sq\.?\s?ft|unit|units|each|ea|stk|stück|st|pc|pcs|piece|item|meter|metre|kilo)\b/i;
const OFF_AFTER = /^\s*(?:off\b|de descuento|de réduction|rabatt\b|günstiger|cheaper|less\b)/i;
/** "4.5 out of 5", "4,7/5": both numbers of a rating. */
const OUT_OF_AFTER = /^\s*(?:out of|von|sur|de|su|van|z|из|\/)\s*(?:5|10)(?![\d.,])/i;
const OUT_OF_BEFORE = /\d\s*(?:out of|von|sur|su|van|из|\/)\s*$/i;
const PERCENT_AFTER = /^\s?(?:%|pct\b|percent|prozent|pour ?cent|por ?ciento)/i;

/** True when the words around `span` say it is a saving, a fee, an instalment or a unit price, not the price. */
export function isExcludedContext(text: string, span: Span, first: boolean): boolean {
  const before = text.slice(Math.max(0, span.from - WINDOW), span.from);
  const after = text.slice(span.to, span.to + WINDOW);
  const afterNumber = text.slice(span.end, span.end + WINDOW);
  if (PERCENT_AFTER.test(afterNumber) || OUT_OF_AFTER.test(afterNumber) || OUT_OF_BEFORE.test(text.slice(Math.max(0, span.start - 12), span.start))) return true;
  if (first && /^\s*[-–]\s?$/.test(text.slice(0, span.from))) return true;
  if (/\+\s?$/.test(before)) return true;
  return SAVINGS.test(before) || THRESHOLD.test(before) || SHIPPING_BEFORE.test(before) || INSTALMENT_BEFORE.test(before)
    || SHIPPING_AFTER.test(after) || INSTALMENT_AFTER.test(after) || UNIT_AFTER.test(after) || OFF_AFTER.test(after);
}

const RATING = /[★☆]|(?<!\p{L})(?:out of|von|sur|de|su|van|z)\s+(?:5|10)(?:[.,]0)?(?!\d)|\/\s?(?:5|10)(?:[.,]0)?(?![\d.,])|(?<!\p{L})(?:stars?|sterne?n?|étoiles?|estrellas?|stelle|sterren|gwiazdk?[ia]|ratings?|rated|reviews?|bewertung(?:en)?|rezension(?:en)?|avis|reseñas?|recensioni|beoordeling(?:en)?|opinie|votes?)(?!\p{L})/iu;
const CODE_LABEL = letters([
  'sku', 'art', 'art.-nr', 'artikel', 'artikelnummer', 'art-nr', 'item', 'item no', 'model', 'modell', 'ref', 'réf', 'référence',
  'code', 'ean', 'upc', 'isbn', 'gtin', 'mpn', 'part', 'part no', 'no', 'nr', 'n°', '#', 'id', 'qty', 'quantity', 'menge', 'anzahl',
  'tel', 'tél', 'phone', 'telefon', 'fax', 'call', 'hotline', 'order', 'bestellnummer', 'size', 'größe', 'taille', 'talla', 'gr',
  'year', 'jahr', 'since', 'seit', 'page', 'seite', 'step', 'pack of', 'set of', 'stock', 'lager',
].join('|'));
const QUANTITY_AFTER = /^\s*(?:pcs|pieces?|items?|stück|st\.|units?|x\b|×|times|sold|left|in stock|auf lager|verfügbar|available|days?|tage|hours?|stunden|mins?|minutes?|years?|jahre|months?|reviews?|ratings?|bewertungen|kg|g\b|mg|ml|cl|l\b|cm|mm|m\b|in\b|inch|"|gb|tb|mb|w\b|v\b|mah|mp|hz)/i;

/**
 * For a number with no currency next to it (the currency comes from the
 * page): false when the text reads like a rating, the number sits in
 * parentheses (a review count), follows a code or quantity label, is
 * followed by a unit or count word, or is a long bare digit run (an id).
 */
export function isPlausibleBareAmount(text: string, span: Span, raw: string): boolean {
  if (RATING.test(text)) return false;
  const before = text.slice(Math.max(0, span.start - WINDOW), span.start);
  const after = text.slice(span.end, span.end + WINDOW);
  if (/\(\s?$/.test(before) && /^\s?\)/.test(after)) return false;
  if (CODE_LABEL.test(before) || QUANTITY_AFTER.test(after)) return false;
  if (/^\d{7,}$/.test(raw) || /^0\d/.test(raw)) return false;
  return true;
}
