import { contains, type CheerioAPI } from 'cheerio/slim';
import type { Availability } from '../../domain/entities/product.js';
import type { DomElement } from './extraction.types.js';
import { ancestors, closestMatch, pageElements, selectAll } from './dom-query.js';

const CONTROLS = [
  'button', 'input[type=submit]', 'input[type=button]', 'input[type=image]', 'a[role=button]', 'a[class*=btn]', 'a[class*=button]',
  'a[class*=cart]', 'a[class*=buy]', '[name=add]', '[data-add-to-cart]',
].join(', ');
const BUY_WORDS = [
  'add to (?:cart|bag|basket|trolley)', 'buy (?:it )?now', 'in den (?:warenkorb|einkaufswagen)', 'ajouter au panier',
  'añadir al carrito', 'agregar al carrito', 'aggiungi al carrello', 'in (?:de )?winkelwagen', 'toevoegen aan winkelwagen',
  'do koszyka', 'lägg i (?:varukorgen|kundvagnen)', 'legg i handlekurven', 'læg i kurv', 'lisää ostoskoriin', 'adicionar ao carrinho',
  'comprar(?: agora| ahora)?', 'sepete ekle', 'do košíku', 'kosárba', 'в корзину', 'купить', 'カートに入れる', 'カートに追加', '購入する',
  '加入购物车', '立即购买', '장바구니',
];
const SOLD_OUT_WORDS = [
  'sold ?out', 'out of stock', 'unavailable', 'ausverkauft', 'nicht verfügbar', 'épuisé', 'indisponible', 'agotado', 'esaurito',
  'uitverkocht', 'niedostępny', 'slutsåld', 'нет в наличии', '売り切れ', '在庫切れ', 'sold-out',
];
const PREORDER_WORDS = ['pre-?order', 'vorbestellen', 'pré-?commander', 'précommande', 'reservar', 'preordina', 'preventa', 'предзаказ', '予約'];

const BUY = new RegExp(BUY_WORDS.join('|'), 'i');
const SOLD_OUT = new RegExp(SOLD_OUT_WORDS.join('|'), 'i');
const PREORDER = new RegExp(PREORDER_WORDS.join('|'), 'i');
const CART_NAMES = /add[-_]?to[-_]?(?:cart|bag|basket)|addtocart|product-form__submit|single_add_to_cart|buy[-_]?button|btn-cart|tocart/i;

/** Whether the page has an add-to-cart control, and what it says about stock. */
export interface AddToCart {
  found: boolean;
  /** What the control says about stock: sold out / disabled, pre-order, or buyable. */
  availability?: Availability;
}

function controlLabel($: CheerioAPI, element: DomElement): string {
  const attributes = element.attribs;
  return [$(element).text().slice(0, 200), attributes.value ?? '', attributes['aria-label'] ?? '', attributes.title ?? ''].join(' ').replace(/\s+/g, ' ');
}

function isHidden($: CheerioAPI, element: DomElement): boolean {
  const hidden = (node: DomElement): boolean => /display:\s*none/i.test(node.attribs.style ?? '') || node.attribs.hidden !== undefined;
  return hidden(element) || ancestors(element, 4).some(hidden);
}

function isAddToCart($: CheerioAPI, element: DomElement): boolean {
  const attributes = element.attribs;
  const names = `${attributes.class ?? ''} ${attributes.id ?? ''} ${attributes.name ?? ''}`;
  if (CART_NAMES.test(names) || attributes['data-add-to-cart'] !== undefined) return true;
  if (attributes.name === 'add' && closestMatch(element, 'form[action*="cart"]') !== undefined) return true;
  const label = controlLabel($, element);
  return label.length <= 80 && (BUY.test(label) || SOLD_OUT.test(label) || PREORDER.test(label));
}

/** The page's visible add-to-cart controls, found once per page (the markup step asks twice). */
const CONTROLS_OF_PAGE = new WeakMap<readonly DomElement[], readonly DomElement[]>();

function visibleControls($: CheerioAPI): readonly DomElement[] {
  const page = pageElements($);
  let controls = CONTROLS_OF_PAGE.get(page);
  if (!controls) {
    controls = selectAll($, CONTROLS).filter((element) => isAddToCart($, element) && !isHidden($, element));
    CONTROLS_OF_PAGE.set(page, controls);
  }
  return controls;
}

/**
 * The add-to-cart control of the page, recognised by its label (in a dozen
 * languages), name, class or id; a hidden one (`display: none`) is skipped.
 * The first inside `within` (the product's area) when it has one, else the
 * first on the page. Disabled or labelled "sold out" means OUT_OF_STOCK.
 */
export function findAddToCart($: CheerioAPI, within?: DomElement): { control?: DomElement; state: AddToCart } {
  const controls = visibleControls($);
  const control = (within ? controls.find((element) => contains(within, element)) : undefined) ?? controls[0];
  if (!control) return { state: { found: false } };
  const label = controlLabel($, control);
  const disabled = control.attribs.disabled !== undefined || control.attribs['aria-disabled'] === 'true';
  const availability: Availability = SOLD_OUT.test(label) || disabled ? 'OUT_OF_STOCK' : PREORDER.test(label) ? 'PREORDER' : 'IN_STOCK';
  return { control, state: { found: true, availability } };
}
