import type { Platform } from '../../domain/entities/site.js';
import { bigCommerceSource } from './bigcommerce.source.js';
import type { ExtractionSource } from './extraction.types.js';
import { jsonLdSource } from './json-ld.source.js';
import { magentoSource } from './magento.source.js';
import { markupSource } from './markup.source.js';
import { metaSource } from './meta.source.js';
import { microdataSource } from './microdata.source.js';
import { openGraphSource } from './opengraph.source.js';
import { rdfaSource } from './rdfa.source.js';
import { sfccSource } from './sfcc.source.js';
import { shopifyJsonSource, shopifyMetaSource } from './shopify.source.js';
import { wooCommerceSource } from './woocommerce.source.js';

/**
 * The steps every page runs, in merge priority order: schema.org (JSON-LD,
 * microdata, RDFa), meta tags, then what the page visibly shows. They are
 * also the fallback when a platform's own steps find nothing.
 */
export const GENERIC_STEPS: readonly ExtractionSource[] = [jsonLdSource, microdataSource, rdfaSource, openGraphSource, metaSource, markupSource];

/** The steps a platform adds before the generic ones: its own data is read first. */
export type PlatformSteps = Readonly<Record<Platform, readonly ExtractionSource[]>>;

/** Each platform's own steps: its data first (Shopify's product JSON, WooCommerce's variations), visible or embedded. */
export const PLATFORM_STEPS: PlatformSteps = {
  SHOPIFY: [shopifyJsonSource, shopifyMetaSource],
  WOOCOMMERCE: [wooCommerceSource],
  MAGENTO: [magentoSource],
  BIGCOMMERCE: [bigCommerceSource],
  SALESFORCE: [sfccSource],
  GENERIC: [],
};

/** The steps for a page of `platform`: the platform's own, then `generic`. */
export function stepsFor(platform: Platform, generic: readonly ExtractionSource[] = GENERIC_STEPS,
  platformSteps: PlatformSteps = PLATFORM_STEPS): readonly ExtractionSource[] {
  return [...platformSteps[platform], ...generic];
}
