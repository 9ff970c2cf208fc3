/**
 * Magento's configurable-product data as `script[type="text/x-magento-init"]`
 * carries it: the `jsonConfig` / `spConfig` of the swatch renderer or the
 * configurable widget (attributes, options, the child products each option
 * belongs to, and per-child prices), and the gallery's image list.
 */
import type { ProductVariant } from '../../domain/entities/product.js';
import { compareAmounts, parseAmount, toMoney } from '../price/parse-price.js';
import type { JsonObject, ScriptBlock } from './extraction.types.js';
import { jsonScript } from './script-data.js';
import { cleanText, isObject, list } from './text.js';

const MAX_WALK_NODES = 20_000;
const MAX_VARIANTS = 250;

/** The parsed `text/x-magento-init` scripts of the page. */
export function magentoInitBlocks(scripts: readonly ScriptBlock[]): unknown[] {
  return scripts.filter((script) => script.type === 'text/x-magento-init').map(jsonScript).filter((value) => value !== undefined);
}

/** The first object below `root` (breadth first, bounded) that `test` accepts. */
export function findObject(root: unknown, test: (node: JsonObject) => boolean): JsonObject | undefined {
  const queue: unknown[] = [root];
  for (let i = 0; i < queue.length && i < MAX_WALK_NODES; i++) {
    const node = queue[i];
    if (Array.isArray(node)) queue.push(...node);
    else if (isObject(node)) {
      if (test(node)) return node;
      queue.push(...Object.values(node));
    }
  }
  return undefined;
}

/** The configurable product's config: an object with `attributes` and `optionPrices` (or `index`). */
export function configurableConfig(blocks: readonly unknown[]): JsonObject | undefined {
  for (const block of blocks) {
    const config = findObject(block, (node) => isObject(node.attributes) && (isObject(node.optionPrices) || isObject(node.index)));
    if (config) return config;
  }
  return undefined;
}

/** Child product id -> { attribute label: option label }, from `index` or from each option's `products`. */
function childOptions(config: JsonObject): Map<string, Record<string, string>> {
  const attributes = isObject(config.attributes) ? config.attributes : {};
  const children = new Map<string, Record<string, string>>();
  const add = (child: string, label: string, value: string): void => {
    const options = children.get(child) ?? {};
    options[label] = value;
    children.set(child, options);
  };
  for (const [attributeId, attribute] of Object.entries(attributes)) {
    if (!isObject(attribute)) continue;
    const label = cleanText(attribute.label) ?? cleanText(attribute.code) ?? attributeId;
    for (const option of list(attribute.options).filter(isObject)) {
      const value = cleanText(option.label);
      if (!value) continue;
      for (const child of list(option.products)) add(String(child), label, value);
    }
  }
  return children;
}

function childPrice(config: JsonObject, child: string, kind: 'finalPrice' | 'oldPrice', currency: string | undefined) {
  const prices = isObject(config.optionPrices) ? config.optionPrices[child] : undefined;
  const entry = isObject(prices) ? prices[kind] : undefined;
  const amount = isObject(entry) ? entry.amount : undefined;
  const money = typeof amount === 'number' || typeof amount === 'string' ? toMoney(parseAmount(amount), currency) : undefined;
  return money && compareAmounts(money.amount, '0') > 0 ? money : undefined;
}

/**
 * The variants of a configurable product: one per child product, titled by
 * its option labels, priced by `optionPrices`. Magento lists only salable
 * children here but says nothing per child, so availability stays UNKNOWN.
 */
export function configurableVariants(config: JsonObject, currency: string | undefined): ProductVariant[] {
  const skus = isObject(config.sku) ? config.sku : isObject(config.skus) ? config.skus : {};
  const variants: ProductVariant[] = [];
  for (const [child, options] of childOptions(config)) {
    if (variants.length >= MAX_VARIANTS) break;
    const price = childPrice(config, child, 'finalPrice', currency);
    const sku = cleanText(skus[child]);
    variants.push({
      title: Object.values(options).join(' / '), options, availability: 'UNKNOWN',
      ...(sku ? { sku } : {}), ...(price ? { price } : {}),
    });
  }
  return variants;
}

/** The gallery images of `mage/gallery/gallery` (`full`, else `img`), main image first. */
export function galleryUrls(blocks: readonly unknown[]): string[] {
  for (const block of blocks) {
    const gallery = findObject(block, (node) => Array.isArray(node.data) && node.data.some((item) => isObject(item) && (item.full || item.img)));
    if (!gallery) continue;
    const items = list(gallery.data).filter(isObject).slice(0, 100);
    items.sort((a, b) => Number(Boolean(b.isMain)) - Number(Boolean(a.isMain)));
    return items.map((item) => item.full ?? item.img).filter((url): url is string => typeof url === 'string');
  }
  return [];
}
