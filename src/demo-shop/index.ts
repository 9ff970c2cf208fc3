export { generateCatalog } from './catalog.generator.js';
export { startDemoShop } from './demo-shop.server.js';
export type { DemoShop } from './demo-shop.server.js';
export { SHOP_AVAILABILITIES } from './shop-catalog.type.js';
export type {
  DemoShopOptions,
  ShopAvailability,
  ShopCatalog,
  ShopCategory,
  ShopCategoryKind,
  ShopProduct,
  ShopRating,
  ShopVariant,
  ShopVariantOptions,
} from './shop-catalog.type.js';
