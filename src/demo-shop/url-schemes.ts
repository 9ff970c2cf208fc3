import type { ShopFlavour } from './shop-catalog.type.js';
import { GENERIC_SCHEME } from './generic.scheme.js';
import { SHOPIFY_SCHEME } from './shopify.scheme.js';
import type { UrlScheme } from './url-scheme.type.js';
import { WOOCOMMERCE_SCHEME } from './woocommerce.scheme.js';

export function urlSchemeFor(flavour: ShopFlavour): UrlScheme {
  switch (flavour) {
    case 'shopify':
      return SHOPIFY_SCHEME;
    case 'woocommerce':
      return WOOCOMMERCE_SCHEME;
    case 'generic':
      return GENERIC_SCHEME;
    default:
      throw new Error(`Unknown shop flavour ${String(flavour satisfies never)}`);
  }
}
