import type { ProductVariant } from '../../domain/entities/product.js';
import type { ExtractionContext, ExtractionSource, JsonObject, ProductFields, ScriptBlock, SourceResult } from './extraction.types.js';
import { findAssignedJson, jsonScript } from './script-data.js';
import { shopifyMoney, shopifyProductFields, shopifyProductObject } from './shopify-product.js';
import { parseBoundedJson } from './lenient-json.js';
import { compact } from './schema-offers.js';
import { selectFirst } from './dom-query.js';
import { cleanText, isObject, list } from './text.js';

/** `/products/<handle>`, under an optional market/locale prefix (`/en-ca`) and collection (`/collections/x`). */
const PRODUCT_PATH = /^((?:\/[a-z]{2}(?:-[a-z]{2})?)?)(?:\/collections\/[^/]+)?\/products\/([^/.?#]+)\/?$/i;
/** Largest product JSON read from the endpoint. */
const MAX_ENDPOINT_CHARS = 2 * 1024 * 1024;

/** The embedded product JSON of classic themes (`#ProductJson-product-template`, `[data-product-json]`). */
function isProductJsonScript(script: ScriptBlock): boolean {
  if (script.type !== 'application/json' && script.type !== 'application/ld+json+shopify') return false;
  const id = script.attribs.id ?? '';
  return /^product-?json/i.test(id) || script.attribs['data-product-json'] !== undefined || /(?:^|-)product-json$/i.test(id);
}

function embeddedProduct(scripts: readonly ScriptBlock[]): JsonObject | undefined {
  for (const script of scripts) {
    if (!isProductJsonScript(script)) continue;
    const product = shopifyProductObject(jsonScript(script));
    if (product) return product;
  }
  return undefined;
}

/** A Shopify variant object: its option values, price and stock flag. */
function isVariantObject(value: unknown): boolean {
  return isObject(value) && 'option1' in value && 'price' in value && typeof value.available === 'boolean';
}

/**
 * The variants array Dawn puts in `<variant-selects>` / `<variant-radios>`
 * (`<script type="application/json">[...]</script>`), as a product with those
 * variants and the option names of the selector's legends.
 */
function embeddedVariants(context: ExtractionContext): JsonObject | undefined {
  for (const script of context.scripts) {
    if (script.type !== 'application/json' || !script.text.trimStart().startsWith('[')) continue;
    const value = jsonScript(script);
    if (!Array.isArray(value) || value.length === 0 || !value.every(isVariantObject)) continue;
    const legends = context.$('variant-selects legend, variant-radios legend, variant-selects label.form__label, variant-radios label.form__label')
      .toArray().map((element) => cleanText(context.$(element).text())).filter((name): name is string => name !== undefined);
    return { variants: value, options: legends.slice(0, 3) };
  }
  return undefined;
}

/** The product JSON endpoints of the page's product (`.js` first: it has stock flags), or none off a product URL. */
export function productEndpoints(pageUrl: string, canonical: string | undefined): string[] {
  for (const candidate of [pageUrl, canonical]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      const match = PRODUCT_PATH.exec(url.pathname);
      if (!match) continue;
      const base = `${url.origin}${match[1] ?? ''}/products/${match[2]}`;
      return [`${base}.js`, `${base}.json`];
    } catch {
      continue;
    }
  }
  return [];
}

async function fetchedProduct(context: ExtractionContext): Promise<JsonObject | undefined> {
  const canonical = selectFirst(context.$, 'link[rel~=canonical i]')?.attribs.href;
  const absoluteCanonical = canonical ? safeUrl(canonical, context.pageUrl) : undefined;
  for (const endpoint of productEndpoints(context.pageUrl, absoluteCanonical)) {
    const page = await context.fetchRelated(endpoint);
    if (!page || page.body.length > MAX_ENDPOINT_CHARS) continue;
    const product = shopifyProductObject(parseBoundedJson(page.body.trim())[0]);
    if (product) return product;
  }
  return undefined;
}

function safeUrl(value: string, base: string): string | undefined {
  try {
    return new URL(value, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Shopify's product JSON: embedded by the theme when it is there, else
 * fetched from `/products/<handle>.js` (then `.json`) through `fetchRelated`
 * (at most those two requests), else the variants array of Dawn's variant
 * picker. Unreachable endpoints mean the page alone is used.
 * Prices are in the page's currency (`Shopify.currency.active` and friends).
 */
export const shopifyJsonSource: ExtractionSource = {
  name: 'shopify-json',
  async extract(context: ExtractionContext): Promise<SourceResult> {
    const product = embeddedProduct(context.scripts) ?? await fetchedProduct(context) ?? embeddedVariants(context);
    if (!product) return { source: 'shopify-json', productSignal: false, fields: {} };
    return { source: 'shopify-json', productSignal: true, fields: shopifyProductFields(product, context.hint.currency, context.pageUrl) };
  },
};

/** `var meta = {"product": {...}, "page": {"pageType": "product"}}` as Shopify's analytics snippet writes it. */
function analyticsMeta(scripts: readonly ScriptBlock[]): JsonObject | undefined {
  const meta = findAssignedJson(scripts, ['var meta', 'ShopifyAnalytics.meta']);
  return isObject(meta) && isObject(meta.product) ? meta : undefined;
}

/**
 * `ShopifyAnalytics.meta.product` (the `var meta = {...}` snippet on every
 * Shopify product page): vendor, variants with SKUs, names and prices in
 * hundredths. No stock flags and no title of its own.
 */
export const shopifyMetaSource: ExtractionSource = {
  name: 'shopify',
  extract(context: ExtractionContext): SourceResult {
    const meta = analyticsMeta(context.scripts);
    if (!meta || !isObject(meta.product)) return { source: 'shopify', productSignal: false, fields: {} };
    const product = meta.product;
    const currency = context.hint.currency;
    const variants: ProductVariant[] = list(product.variants).filter(isObject).slice(0, 250).map((variant) => compact<ProductVariant>({
      title: cleanText(variant.public_title) ?? cleanText(variant.name),
      sku: cleanText(variant.sku),
      options: {},
      price: shopifyMoney(variant.price, currency),
      availability: 'UNKNOWN',
    }));
    const first = list(product.variants).find(isObject);
    const name = cleanText(first?.name);
    const publicTitle = cleanText(first?.public_title);
    const title = name && publicTitle && name.endsWith(` - ${publicTitle}`) ? name.slice(0, -publicTitle.length - 3) : name;
    const page = isObject(meta.page) ? meta.page : {};
    const fields = compact<ProductFields>({
      brand: cleanText(product.vendor),
      sku: variants.length === 1 ? variants[0]!.sku : undefined,
      price: variants.map((variant) => variant.price).find(Boolean),
      variants: variants.length > 1 ? variants : undefined,
    });
    return { source: 'shopify', productSignal: page.pageType === 'product', fields, fallback: compact<ProductFields>({ title }) };
  },
};
