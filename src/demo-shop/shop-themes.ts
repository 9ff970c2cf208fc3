import type { ShopFlavour } from './shop-catalog.type.js';
import { GENERIC_THEME } from './generic.theme.js';
import { SHOPIFY_THEME } from './shopify.theme.js';
import type { ShopTheme } from './shop-theme.type.js';
import { WOOCOMMERCE_THEME } from './woocommerce.theme.js';

export function themeFor(flavour: ShopFlavour): ShopTheme {
  switch (flavour) {
    case 'shopify':
      return SHOPIFY_THEME;
    case 'woocommerce':
      return WOOCOMMERCE_THEME;
    case 'generic':
      return GENERIC_THEME;
    default:
      throw new Error(`Unknown shop flavour ${String(flavour satisfies never)}`);
  }
}
