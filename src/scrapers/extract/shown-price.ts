import { contains, type CheerioAPI } from 'cheerio/slim';
import type { Availability, Money } from '../../domain/entities/product.js';
import { parseAmount, parsePrice, toMoney, type PriceHint } from '../price/parse-price.js';
import type { DomElement, Elements, ShownPrice } from './extraction.types.js';
import { isElement } from './text.js';

/** Prices the shop strikes through or labels as the old one. */
const STRUCK = [
  'del', 's', 'strike', '.compare-at', '.compare-at-price', '.price--compare', '.price-compare', '.was-price', '.old-price',
  '.price-old', '.price--old', '[data-compare-price]',
].join(', ');
/** The current price when a sale is on; looked at before the generic selectors. */
const SALE_PRICES = ['.price-item--sale', '.price--sale', '.sale-price', '.price-sale', '.special-price', '[data-sale-price]'].join(', ');
const PRICES = [
  '[itemprop=price]', '.product-price', '.product__price', '.price', '[data-price]', '.current-price', '.woocommerce-Price-amount',
].join(', ');

const ADD_TO_CART_CONTROLS = 'button, input[type=submit], input[type=button], a[role=button], [name=add], [data-add-to-cart]';
const ADD_TO_CART_WORDS = new RegExp([
  'add to (?:cart|bag|basket|trolley)', 'buy (?:it )?now', 'in den (?:warenkorb|einkaufswagen)', 'ajouter au panier', 'añadir al carrito',
  'aggiungi al carrello', 'in (?:de )?winkelwagen', 'do koszyka', 'в корзину', 'カートに入れる', '加入购物车', 'sold out', 'out of stock',
  'pre-?order', 'ausverkauft', 'épuisé', 'agotado',
].join('|'), 'i');
const ADD_TO_CART_NAMES = /add[-_]?to[-_]?(?:cart|bag|basket)|addtocart|product-form__submit|single_add_to_cart/i;
const ANCESTOR_LEVELS = 6;
const MAX_COUNTED_PRICES = 40;

export interface AddToCart {
  found: boolean;
  /** What the button says about stock: sold out / disabled, pre-order, or buyable. */
  availability?: Availability;
}

/** The add-to-cart control of the page, recognised by its label, name, class or id. */
export function findAddToCart($: CheerioAPI): { control: Elements; state: AddToCart } {
  const control = $(ADD_TO_CART_CONTROLS).filter((_, element) => isAddToCart($, element)).first();
  if (control.length === 0) return { control, state: { found: false } };
  const label = controlLabel($, control.get(0)!);
  const disabled = control.attr('disabled') !== undefined || control.attr('aria-disabled') === 'true';
  const availability: Availability = /sold out|out of stock|ausverkauft|épuisé|agotado/i.test(label) || disabled
    ? 'OUT_OF_STOCK' : /pre-?order/i.test(label) ? 'PREORDER' : 'IN_STOCK';
  return { control, state: { found: true, availability } };
}

function controlLabel($: CheerioAPI, element: DomElement): string {
  const attributes = element.attribs;
  return [$(element).text(), attributes.value ?? '', attributes['aria-label'] ?? ''].join(' ').replace(/\s+/g, ' ');
}

function isAddToCart($: CheerioAPI, element: DomElement): boolean {
  const attributes = element.attribs;
  const names = `${attributes.class ?? ''} ${attributes.id ?? ''} ${attributes.name ?? ''}`;
  if (ADD_TO_CART_NAMES.test(names) || attributes['data-add-to-cart'] !== undefined) return true;
  if (attributes.name === 'add' && $(element).closest('form[action*="cart"]').length > 0) return true;
  return ADD_TO_CART_WORDS.test(controlLabel($, element).slice(0, 200));
}

/**
 * The price and struck-price elements of the page, queried once from the
 * root. Areas are then matched with `contains`: a selector query scoped to
 * an element with many children is quadratic in cheerio (`removeSubsets`).
 */
export interface PriceElements {
  sale: DomElement[];
  regular: DomElement[];
  struck: DomElement[];
}

export function priceElements($: CheerioAPI): PriceElements {
  const query = (selector: string): DomElement[] => $(selector).toArray().filter(isElement);
  return { sale: query(SALE_PRICES), regular: query(PRICES), struck: query(STRUCK) };
}

/**
 * The part of the page that holds the product's own price: the nearest
 * ancestor of the title (h1), else of the add-to-cart control, that contains
 * a price element. Undefined when neither has one within a few levels.
 */
export function productArea($: CheerioAPI, addToCart: Elements, prices: PriceElements): DomElement | undefined {
  const all = [...prices.sale, ...prices.regular];
  for (const anchor of [$('h1').first(), addToCart]) {
    let node = anchor.get(0);
    for (let level = 0; level < ANCESTOR_LEVELS && node; level++) {
      const parent = node.parent;
      if (!parent || !('tagName' in parent)) break;
      const tag = parent.tagName.toLowerCase();
      if (tag === 'body' || tag === 'html') break;
      if (all.some((price) => contains(parent, price))) return parent;
      node = parent;
    }
  }
  return undefined;
}

/** The price shown to the shopper in `area`, sale price first, and a struck-through compare-at price. */
export function shownPrice($: CheerioAPI, area: DomElement, prices: PriceElements, hint: PriceHint): ShownPrice {
  const inside = (elements: DomElement[]): DomElement[] => elements.filter((element) => contains(area, element));
  const struck = new Set<unknown>(prices.struck);
  const price = firstPrice($, inside(prices.sale), struck, hint) ?? firstPrice($, inside(prices.regular), struck, hint);
  let compareAtPrice: Money | undefined;
  for (const element of inside(prices.struck)) {
    compareAtPrice = parsePrice(textOf(element, new Set()), hint) ?? undefined;
    if (compareAtPrice) break;
  }
  return { ...(price ? { price } : {}), ...(compareAtPrice ? { compareAtPrice } : {}) };
}

/**
 * How many different current (not struck) amounts the area shows. A product
 * shows one or two (a variant range); a product grid under a category title
 * shows many, which is how a listing is told apart from a product page.
 */
export function distinctShownAmounts($: CheerioAPI, area: DomElement, prices: PriceElements, hint: PriceHint): number {
  const struck = new Set<unknown>(prices.struck);
  const amounts = new Set<string>();
  const candidates = [...prices.sale, ...prices.regular].filter((element) => contains(area, element)).slice(0, MAX_COUNTED_PRICES);
  for (const element of candidates) {
    if (struck.has(element) || $(element).parents(STRUCK).length > 0) continue;
    const money = parsePrice(textOf(element, struck), hint);
    if (money) amounts.add(`${money.amount} ${money.currency}`);
  }
  return amounts.size;
}

function firstPrice($: CheerioAPI, candidates: DomElement[], struck: Set<unknown>, hint: PriceHint): Money | undefined {
  for (const element of candidates) {
    if (struck.has(element) || $(element).parents(STRUCK).length > 0) continue;
    const money = parsePrice(textOf(element, struck), hint) ?? attributePrice(element, hint);
    if (money) return money;
  }
  return undefined;
}

function attributePrice(element: DomElement, hint: PriceHint): Money | undefined {
  const raw = element.attribs.content ?? element.attribs['data-price'];
  return raw ? toMoney(parseAmount(raw), hint.currency) : undefined;
}

/** Structural view of a parsed node, enough to collect text. */
interface TextNode {
  type: string;
  data?: string;
  children?: TextNode[];
}

/** The text of an element without the text of struck-through descendants (and of scripts and styles). */
function textOf(element: DomElement, skip: Set<unknown>): string {
  let text = '';
  const pending: TextNode[] = [element as unknown as TextNode];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'text') text += node.data ?? '';
    if (node.type !== 'tag' || (skip.has(node) && node !== (element as unknown))) continue;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  }
  return text;
}
