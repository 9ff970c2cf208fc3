export { generateCatalog } from './catalog.generator.js';
export { closeDemoShops, startDemoShop, startDemoShops } from './demo-shop.server.js';
export type { DemoShop, DemoShops, ShopRequest } from './demo-shop.server.js';
export { SHOP_AVAILABILITIES, SHOP_FLAVOURS } from './shop-catalog.type.js';
export type {
  DemoShopOptions,
  ShopAvailability,
  ShopCatalog,
  ShopCategory,
  ShopCategoryKind,
  ShopFlavour,
  ShopProduct,
  ShopRating,
  ShopStructuredData,
  ShopVariant,
  ShopVariantOptions,
} from './shop-catalog.type.js';
