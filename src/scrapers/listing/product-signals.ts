/** How product links show on listing pages, per platform. */
import type { CheerioAPI } from 'cheerio/slim';
import type { Platform } from '../../domain/entities/site.js';
import { elementsOf } from './listing-dom.js';

/** The signals one platform's listing pages give. */
export interface ProductSignals {
  /** Links that point to a product wherever they sit on the listing. */
  linkSelectors: readonly string[];
  /** Product cards: each card yields one product, its best link. */
  cardSelectors: readonly string[];
  /** Paths of product pages. */
  pathPatterns: readonly RegExp[];
}

/** Shopify `/products/<handle>`, also under a market prefix (`/en-ca`) or a collection. */
const SHOPIFY_PRODUCT = /^(?:\/[a-z]{2}(?:-[a-z]{2,4})?)?(?:\/collections\/[^/]+)?\/products\/[^/.]+\/?$/i;
/** WooCommerce `/product/<slug>/`. */
const WOO_PRODUCT = /\/product\/[^/]+\/?$/i;
/** Hand-rolled shops and translated WooCommerce slugs: `/item/<id>-<slug>`, `/produkt/<slug>/`. */
const ITEM_PRODUCT = /\/(?:item|produkt|produit|producto|prodotto|artikel)\/[^/]+\/?$/i;
/** Salesforce Commerce Cloud `/p/<slug>[/<id>.html]`. */
const SFCC_PRODUCT = /\/p\/[^/]+/i;

/**
 * Signals every platform's pages may carry (themes and plugins mix them).
 * Microdata cards are `Product` / `ProductGroup` items only: SFCC marks its
 * whole grid `itemtype="…/SomeProducts"`.
 */
const COMMON: ProductSignals = {
  linkSelectors: [],
  cardSelectors: ['[itemtype$="/Product" i]', '[itemtype$="/ProductGroup" i]', '[data-product-id]', '[data-product-handle]', 'li.product'],
  pathPatterns: [SHOPIFY_PRODUCT, WOO_PRODUCT, ITEM_PRODUCT],
};

const BY_PLATFORM: Record<Exclude<Platform, 'GENERIC'>, ProductSignals> = {
  SHOPIFY: {
    linkSelectors: ['a.product-card__link', 'a.grid-product__link', 'a.product-item__title', 'a.product-item__image-wrapper'],
    cardSelectors: ['.grid-product', '.card-wrapper', '.product-card'],
    pathPatterns: [SHOPIFY_PRODUCT],
  },
  WOOCOMMERCE: {
    linkSelectors: ['a.woocommerce-LoopProduct-link', 'a.woocommerce-loop-product__link'],
    cardSelectors: ['li.product', '.wc-block-grid__product', '.wc-block-product'],
    pathPatterns: [WOO_PRODUCT],
  },
  MAGENTO: {
    linkSelectors: ['a.product-item-link', 'a.product-item-photo', '.products-grid a[href*=".html"]', '.product-items a[href*=".html"]'],
    cardSelectors: ['li.product-item', '.item.product'],
    pathPatterns: [],
  },
  BIGCOMMERCE: {
    linkSelectors: ['.card-title a', '.card-figure a'],
    cardSelectors: ['article.card', '.card', '[data-product-id]'],
    pathPatterns: [],
  },
  SALESFORCE: {
    linkSelectors: ['.product-tile .pdp-link a', '.product-tile a.link', '.product-tile a.thumb-link', '.product-tile a.name-link'],
    cardSelectors: ['.product-tile', '[data-pid]'],
    pathPatterns: [SFCC_PRODUCT],
  },
};

/** The platform's signals plus the common ones; GENERIC (unknown platform) gets every platform's. */
export function signalsFor(platform: Platform): ProductSignals {
  const own = platform === 'GENERIC' ? Object.values(BY_PLATFORM) : [BY_PLATFORM[platform]];
  const all = [COMMON, ...own];
  return {
    linkSelectors: unique(all.flatMap((signals) => signals.linkSelectors)),
    cardSelectors: unique(all.flatMap((signals) => signals.cardSelectors)),
    pathPatterns: unique(all.flatMap((signals) => signals.pathPatterns)),
  };
}

/** A class token naming a product card (`product-card`, `ProductTile_root`, `product-item-info`, `item-tile`). */
const CARD_TOKEN = /product[-_]?(?:card|item|tile|box|thumb|miniature)|grid[-_]?product|item[-_]?(?:card|tile)/i;
/** ...unless it names the list of cards (`product-items`, `product-card-list`, `product-grid`). */
const CONTAINER_TOKEN = /(?:s|list|grid|container|row|carousel|slider|swiper|results|listing|section)$/i;
/** Category tiles share product-card markup on some platforms (WooCommerce `li.product-category`). */
const CATEGORY_CARD = /(?:^|\s)(?:product-category|(?:collection|category)[-_]?(?:card|tile|item))(?:\s|$)/i;

/** Every product card element of the page: the signal selectors plus class names that read as a card. */
export function productCards($: CheerioAPI, signals: ProductSignals): Set<object> {
  const cards = new Set<object>();
  for (const element of elementsOf($, signals.cardSelectors.join(', '))) {
    if (!CATEGORY_CARD.test(element.attribs.class ?? '')) cards.add(element);
  }
  for (const element of elementsOf($, '[class*=product i], [class*=item i]')) {
    const classes = element.attribs.class ?? '';
    const tokens = classes.split(/\s+/);
    if (!CATEGORY_CARD.test(classes) && tokens.some((token) => CARD_TOKEN.test(token) && !CONTAINER_TOKEN.test(token))) cards.add(element);
  }
  return cards;
}

/** The tree fields a card lookup reads (domhandler), typed structurally. */
interface CardNode {
  parent: CardNode | null;
  name?: string;
  attribs?: Record<string, string>;
}

/**
 * The card a link belongs to: the outermost card around it, except that a
 * card inside a card of the same kind (same tag and classes) is a card of its
 * own. Unclosed `<li>`s after an `<a>` nest every following card in the
 * first one, and a product card stays one product however its parts are named.
 */
export function cardOf(node: object, cards: ReadonlySet<object>): object | undefined {
  let card: object | undefined;
  const kinds = new Set<string>();
  for (let current: CardNode | null = node as CardNode; current; current = current.parent) {
    if (!cards.has(current)) continue;
    const kind = `${current.name ?? ''} ${current.attribs?.class ?? ''}`;
    if (kinds.has(kind)) break;
    kinds.add(kind);
    card = current;
  }
  return card;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
