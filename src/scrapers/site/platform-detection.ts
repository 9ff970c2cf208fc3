import { load } from 'cheerio/slim';
import type { Platform } from '../../domain/entities/site.js';
import type { PlatformDetection } from '../../domain/ports/site-explorer.port.js';
import { elementsBelow } from '../extract/dom-query.js';

/** What a platform is guessed from: a fetched page. Header names are matched case-insensitively. */
export interface PlatformEvidence {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A page already parsed: where it came from, and its elements in document order. */
export interface ParsedPlatformEvidence {
  url: string;
  headers: Record<string, string>;
  elements: readonly PageElement[];
}

/** The parts of a parsed element (domhandler) detection reads, typed structurally. */
interface PageElement {
  tagName: string;
  attribs: Record<string, string>;
  children: readonly object[];
}

/**
 * The parts of a page that carry platform fingerprints. Visible text is left
 * out on purpose: a blog post about Shopify is not a Shopify shop.
 */
interface PageFacts {
  host: string;
  headers: Map<string, string>;
  /** URLs of scripts, stylesheets, images and meta content. */
  assets: string[];
  /** Link targets and form actions. */
  links: string[];
  /** Inline script text (JSON configs included). */
  scripts: string;
  classes: Set<string>;
  /** Names of every attribute on the page (`data-mage-init`). */
  attributeNames: Set<string>;
  /** `<meta name>` values, lower-case. */
  metaNames: Set<string>;
  /** `<script type>` values, lower-case. */
  scriptTypes: Set<string>;
  /** Ids of script and link elements (`wc-add-to-cart-js`). */
  scriptIds: string[];
  generator: string;
}

/** One fingerprint: when `test` holds, `weight` points go to `platform`. */
interface Signal {
  platform: Exclude<Platform, 'GENERIC'>;
  label: string;
  weight: number;
  test: (facts: PageFacts) => boolean;
}

/** Points a platform needs to be named; below, the site is GENERIC. */
export const MIN_PLATFORM_SCORE = 3;

const asset = (pattern: RegExp) => (facts: PageFacts) => facts.assets.some((url) => pattern.test(url));
const link = (pattern: RegExp) => (facts: PageFacts) => facts.links.some((url) => pattern.test(url));
const script = (pattern: RegExp) => (facts: PageFacts) => pattern.test(facts.scripts);
const header = (name: string, value?: RegExp) => (facts: PageFacts) => {
  const found = facts.headers.get(name);
  return found !== undefined && (!value || value.test(found));
};
const headerPrefix = (prefix: string) => (facts: PageFacts) => [...facts.headers.keys()].some((name) => name.startsWith(prefix));
const meta = (name: string) => (facts: PageFacts) => facts.metaNames.has(name);
const attribute = (name: string) => (facts: PageFacts) => facts.attributeNames.has(name);
const scriptType = (type: string) => (facts: PageFacts) => facts.scriptTypes.has(type);
const host = (pattern: RegExp) => (facts: PageFacts) => pattern.test(facts.host);

const SIGNALS: readonly Signal[] = [
  { platform: 'SHOPIFY', label: 'cdn.shopify.com asset', weight: 3, test: asset(/\/\/cdn\.shopify\.com\//i) },
  { platform: 'SHOPIFY', label: '/cdn/shop/ asset', weight: 3, test: asset(/^(?:https?:)?(?:\/\/[^/]+)?\/cdn\/shop\//i) },
  { platform: 'SHOPIFY', label: 'Shopify.theme script', weight: 3, test: script(/\bShopify\.(?:theme|shop|routes|locale)\b/) },
  { platform: 'SHOPIFY', label: 'header x-shopid', weight: 4, test: header('x-shopid') },
  { platform: 'SHOPIFY', label: 'header x-shopify-stage', weight: 4, test: header('x-shopify-stage') },
  { platform: 'SHOPIFY', label: 'header powered-by Shopify', weight: 4, test: header('powered-by', /shopify/i) },
  { platform: 'SHOPIFY', label: 'meta shopify-checkout-api-token', weight: 4, test: meta('shopify-checkout-api-token') },
  { platform: 'SHOPIFY', label: 'meta shopify-digital-wallet', weight: 3, test: meta('shopify-digital-wallet') },
  { platform: 'SHOPIFY', label: 'myshopify.com host', weight: 4, test: host(/\.myshopify\.com$/) },
  { platform: 'WOOCOMMERCE', label: 'woocommerce class', weight: 3, test: (facts) => [...facts.classes].some((name) => /^woocommerce(?:-|$)/.test(name)) },
  { platform: 'WOOCOMMERCE', label: 'wp-content/plugins/woocommerce asset', weight: 4, test: asset(/\/wp-content\/plugins\/woocommerce[/-]/i) },
  { platform: 'WOOCOMMERCE', label: 'wc- script', weight: 2, test: (facts) => facts.scriptIds.some((id) => id.startsWith('wc-')) || asset(/\/wc-[\w.-]+\.js/)(facts) },
  { platform: 'WOOCOMMERCE', label: 'wc_add_to_cart_params script', weight: 3, test: script(/\b(?:wc_add_to_cart_params|woocommerce_params|wc_cart_fragments_params)\b/) },
  { platform: 'WOOCOMMERCE', label: 'generator meta WooCommerce', weight: 4, test: (facts) => /woocommerce/i.test(facts.generator) },
  { platform: 'MAGENTO', label: 'Mage.Cookies script', weight: 3, test: script(/\bMage\.Cookies\b/) },
  { platform: 'MAGENTO', label: '/static/version asset', weight: 4, test: asset(/\/static\/version\d+\//) },
  { platform: 'MAGENTO', label: 'data-mage-init attribute', weight: 4, test: attribute('data-mage-init') },
  { platform: 'MAGENTO', label: 'text/x-magento-init script', weight: 4, test: scriptType('text/x-magento-init') },
  { platform: 'MAGENTO', label: 'header x-magento-*', weight: 4, test: headerPrefix('x-magento-') },
  { platform: 'MAGENTO', label: 'mage/ requirejs module', weight: 3, test: script(/["']mage\/[\w/-]+["']/) },
  { platform: 'MAGENTO', label: '/skin/frontend/ asset', weight: 3, test: asset(/\/skin\/frontend\//) },
  { platform: 'BIGCOMMERCE', label: 'cdn11.bigcommerce.com asset', weight: 4, test: asset(/\/\/cdn\d*\.bigcommerce\.com\//i) },
  { platform: 'BIGCOMMERCE', label: 'BCData script', weight: 3, test: script(/\bBCData\b/) },
  { platform: 'BIGCOMMERCE', label: 'stencil script', weight: 3, test: script(/\bstencil(?:Bootstrap|Utils)\b|stencil-utils/) },
  { platform: 'BIGCOMMERCE', label: 'mybigcommerce.com host', weight: 4, test: host(/\.mybigcommerce\.com$/) },
  { platform: 'SALESFORCE', label: 'demandware.static asset', weight: 4, test: asset(/\/on\/demandware\.static\//) },
  { platform: 'SALESFORCE', label: '/on/demandware.store/ link', weight: 4, test: (facts) => link(/\/on\/demandware\.store\//)(facts) || script(/\/on\/demandware\.store\//)(facts) },
  { platform: 'SALESFORCE', label: 'dwac_ script', weight: 3, test: script(/\bdwac_/) },
  { platform: 'SALESFORCE', label: 'dw.ac script', weight: 3, test: script(/\bdw\.ac\b/) },
  { platform: 'SALESFORCE', label: 'dwac_/dwsid cookie', weight: 3, test: header('set-cookie', /\b(?:dwac_|dwsid=|dwanonymous_)/) },
];

/**
 * Guesses the e-commerce platform of a page from its headers, asset URLs,
 * inline scripts, class names and meta tags. Each matching signal adds its
 * weight; the platform with the highest score (at least MIN_PLATFORM_SCORE)
 * wins, ties going to the first in PLATFORMS order; else GENERIC with no signals.
 */
export function detectPlatform(evidence: PlatformEvidence): PlatformDetection {
  const root = load(evidence.body).root().get(0) as unknown as { children: object[] };
  return detectPlatformOfParsed({ url: evidence.url, headers: evidence.headers, elements: elementsBelow(root) });
}

/** `detectPlatform` for a page already parsed (the extractor's), so the page is not parsed a second time. */
export function detectPlatformOfParsed(evidence: ParsedPlatformEvidence): PlatformDetection {
  const facts = collectFacts(evidence);
  const scores = new Map<Platform, { score: number; signals: string[] }>();
  for (const signal of SIGNALS) {
    if (!signal.test(facts)) continue;
    const entry = scores.get(signal.platform) ?? { score: 0, signals: [] };
    entry.score += signal.weight;
    entry.signals.push(signal.label);
    scores.set(signal.platform, entry);
  }
  let best: { platform: Platform; score: number; signals: string[] } = { platform: 'GENERIC', score: MIN_PLATFORM_SCORE - 1, signals: [] };
  for (const [platform, entry] of scores) {
    if (entry.score > best.score) best = { platform, ...entry };
  }
  return { platform: best.platform, signals: best.signals };
}

/** Attributes holding asset URLs, per tag. */
const ASSET_ATTRIBUTES: Record<string, readonly string[]> = {
  script: ['src'], link: ['href'], img: ['src', 'data-src', 'srcset'], source: ['srcset'], iframe: ['src'], meta: ['content'],
};
const LINK_ATTRIBUTES: Record<string, readonly string[]> = { a: ['href'], form: ['action'] };

/** One pass over the elements (selector queries per signal cost far more on big pages). */
function collectFacts(evidence: ParsedPlatformEvidence): PageFacts {
  const facts: PageFacts = {
    host: hostOf(evidence.url),
    headers: new Map(Object.entries(evidence.headers).map(([name, value]) => [name.toLowerCase(), value])),
    assets: [], links: [], scripts: '', classes: new Set(), attributeNames: new Set(), metaNames: new Set(),
    scriptTypes: new Set(), scriptIds: [], generator: '',
  };
  const scripts: string[] = [];
  for (const element of evidence.elements) {
    const tag = element.tagName.toLowerCase();
    const attributes = element.attribs;
    for (const name of Object.keys(attributes)) facts.attributeNames.add(name);
    for (const name of (attributes.class ?? '').split(/\s+/)) if (name) facts.classes.add(name.toLowerCase());
    for (const name of ASSET_ATTRIBUTES[tag] ?? []) if (attributes[name]) facts.assets.push(attributes[name]);
    for (const name of LINK_ATTRIBUTES[tag] ?? []) if (attributes[name]) facts.links.push(attributes[name]);
    if (tag === 'meta') readMeta(facts, attributes);
    if (tag === 'script' || tag === 'link') readScriptTag(facts, tag, attributes);
    if (tag === 'script' && attributes.src === undefined) scripts.push(textContent(element));
  }
  facts.scripts = scripts.join('\n');
  return facts;
}

/** The text of a node's subtree, comments left out (cheerio's `text()`). */
function textContent(node: object): string {
  if ('children' in node && Array.isArray(node.children)) {
    if ('type' in node && node.type === 'comment') return '';
    let text = '';
    for (const child of node.children as object[]) text += textContent(child);
    return text;
  }
  return 'type' in node && node.type === 'text' && 'data' in node && typeof node.data === 'string' ? node.data : '';
}

function readMeta(facts: PageFacts, attributes: Record<string, string>): void {
  const name = attributes.name?.toLowerCase();
  if (!name) return;
  facts.metaNames.add(name);
  if (name === 'generator') facts.generator += ` ${attributes.content ?? ''}`;
}

function readScriptTag(facts: PageFacts, tag: string, attributes: Record<string, string>): void {
  if (attributes.id) facts.scriptIds.push(attributes.id);
  if (tag === 'script' && attributes.type) facts.scriptTypes.add(attributes.type.toLowerCase());
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
