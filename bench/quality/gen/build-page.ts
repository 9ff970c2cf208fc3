import type { CorpusLabel, LabelledFields } from '../corpus.types.js';
import { emptyFields } from '../corpus.types.js';
import { makeProduct, slugify, type ProductSpec, type Scenario, type StockCase } from './catalog.js';
import { unsupportedFields } from './check-label.js';
import { encodeText, type PageCharset } from './encode.js';
import { localeOf } from './locales.js';
import { formatMoney } from './money.js';
import type { NonProductPage, PageContext, ProductTheme, Store } from './page.types.js';
import { Random } from './random.js';

/** A batch of pages of one style in one market. */
export interface PageRecipe {
  theme: ProductTheme | NonProductPage;
  isProduct: boolean;
  locale: string;
  count: number;
  store: string;
  /** Declared charset label; the bytes are encoded to match. Default utf-8. */
  charset?: 'utf-8' | 'windows-1251' | 'Shift_JIS' | 'iso-8859-1';
  /** False: the Content-Type header has no charset, only the document declares it. */
  headerCharset?: boolean;
  /** Situations pinned per page (cycled); the rest is drawn. */
  scenarios?: Partial<Scenario>[];
}

export interface BuiltPage {
  label: CorpusLabel;
  bytes: Uint8Array;
  /** Labelled values the page does not carry (a generator bug); must be empty. */
  problems: string[];
}

const ENCODERS: Record<NonNullable<PageRecipe['charset']>, PageCharset> = {
  'utf-8': 'utf-8', 'windows-1251': 'windows-1251', Shift_JIS: 'shift_jis', 'iso-8859-1': 'windows-1252',
};

const STOCK_DRAW: StockCase[] = ['in', 'in', 'in', 'in', 'in', 'in', 'in', 'in', 'in', 'low', 'out', 'out', 'partial', 'preorder', 'backorder'];

function drawScenario(rng: Random, locale: ReturnType<typeof localeOf>): Scenario {
  return {
    sale: rng.chance(0.35), stock: rng.pick(STOCK_DRAW), variants: rng.chance(0.5), structured: rng.chance(0.8),
    staleStructuredPrice: false, related: rng.chance(0.5), reviews: rng.chance(0.5), breadcrumbs: rng.chance(0.7),
    brand: rng.chance(0.75), gtin: rng.chance(0.4), mpn: rng.chance(0.25), format: rng.chance(0.75) ? 0 : rng.int(0, Math.min(2, locale.formats.length - 1)),
  };
}

function relatedProducts(rng: Random, locale: ReturnType<typeof localeOf>, baseId: number, count: number): ProductSpec[] {
  return Array.from({ length: count }, (_, i) => makeProduct(rng, locale, {
    sale: rng.chance(0.4), stock: 'in', variants: false, structured: true, staleStructuredPrice: false, related: false,
    reviews: rng.chance(0.6), breadcrumbs: true, brand: true, gtin: false, mpn: false, format: 0,
  }, baseId + i + 1));
}

function storeOf(name: string): Store {
  const host = `${slugify(name)}.example`;
  return { name, host, origin: `https://${host}` };
}

/** The label of a built page: the prepared product, or all-null for a non-product page. */
function labelFields(context: PageContext, isProduct: boolean): LabelledFields {
  if (!isProduct) return emptyFields();
  const p = context.product;
  return {
    title: p.title, brand: p.brand, sku: p.sku, gtin: p.gtin, mpn: p.mpn, price: p.price, compareAtPrice: p.compareAt,
    availability: p.availability, images: p.images.length > 0 ? p.images : null, breadcrumbs: p.breadcrumbs,
    rating: p.rating, reviewCount: p.reviewCount, language: p.language,
  };
}

/** The file stem of a page: platform, style, locale and its ordinal among pages with those (from 1). */
export function pageName(recipe: PageRecipe, ordinal: number): string {
  return `${recipe.theme.platform}-${recipe.theme.style}-${recipe.locale.toLowerCase()}-${ordinal}`;
}

/** Page `index` of `recipe`, named `name`: deterministic from the name. */
export function buildPage(recipe: PageRecipe, index: number, name: string): BuiltPage {
  const locale = localeOf(recipe.locale);
  const rng = new Random(name);
  const scenario: Scenario = { ...drawScenario(rng, locale), ...(recipe.scenarios?.[index % recipe.scenarios.length] ?? {}) };
  if (scenario.staleStructuredPrice) scenario.sale = true;
  const id = 1000 + (rng.int(0, 899) * 10);
  const charsetLabel = recipe.charset ?? 'utf-8';
  const format = locale.formats[Math.min(scenario.format, locale.formats.length - 1)]!;
  const context: PageContext = {
    product: makeProduct(rng, locale, scenario, id), related: relatedProducts(rng, locale, id, recipe.isProduct ? 4 : 12),
    locale, scenario, store: storeOf(recipe.store), url: '', rng, format, charset: ENCODERS[charsetLabel], charsetLabel, tags: [],
    money: (money) => formatMoney(money, format),
  };
  context.url = `${context.store.origin}${recipe.theme.path(context)}`;
  if ('prepare' in recipe.theme) recipe.theme.prepare(context);
  const html = recipe.theme.render(context);
  const fields = labelFields(context, recipe.isProduct);
  const problems = recipe.isProduct ? unsupportedFields(html, context.url, fields, format) : [];
  const tags = recipe.isProduct ? [...scenarioTags(scenario, fields, context.product.variants.length > 0), ...context.tags] : context.tags;
  return {
    problems,
    bytes: encodeText(html, context.charset),
    label: {
      file: `pages/${name}.html`, url: context.url, platform: recipe.theme.platform, style: recipe.theme.style, locale: recipe.locale,
      contentType: recipe.headerCharset === false ? 'text/html' : `text/html; charset=${charsetLabel}`,
      charset: charsetLabel, isProduct: recipe.isProduct, tags: [...new Set(tags)].sort(), fields,
    },
  };
}

function scenarioTags(scenario: Scenario, fields: LabelledFields, hasVariants: boolean): string[] {
  const tags: string[] = [];
  if (fields.compareAtPrice) tags.push('sale');
  if (fields.availability && fields.availability !== 'IN_STOCK') tags.push(fields.availability.toLowerCase().replace('_', '-'));
  else if (scenario.stock === 'low' || scenario.stock === 'partial') tags.push(`${scenario.stock}-stock`);
  if (hasVariants) tags.push('variants');
  if (!scenario.structured) tags.push('no-structured-data');
  if (fields.rating !== null) tags.push('reviews');
  return tags;
}
