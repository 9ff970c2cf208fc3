import DataLoader from 'dataloader';
import type { Campaign } from '../domain/entities/campaign.js';
import type { Category, ProductCategoryLink } from '../domain/entities/category.js';
import type { Product } from '../domain/entities/product.js';
import type { ProductHistoryEntry } from '../domain/product-history.js';
import type { CatalogService } from '../domain/services/catalog.service.js';

/** Per-request DataLoaders: every relation goes through one, never a per-row query. */
export interface Loaders {
  product: DataLoader<string, Product | null>;
  category: DataLoader<string, Category | null>;
  campaign: DataLoader<string, Campaign | null>;
  categoryIdsOfProduct: DataLoader<string, string[]>;
  linksOfProduct: DataLoader<string, ProductCategoryLink[]>;
  historyOfProduct: DataLoader<string, ProductHistoryEntry[]>;
}

export function createLoaders(catalog: CatalogService): Loaders {
  return {
    product: new DataLoader((ids) => catalog.productsByIds(ids)),
    category: new DataLoader((ids) => catalog.categoriesByIds(ids)),
    campaign: new DataLoader((ids) => catalog.campaignsByIds(ids)),
    categoryIdsOfProduct: new DataLoader((ids) => catalog.categoryIdsOfProducts(ids)),
    linksOfProduct: new DataLoader((ids) => catalog.linksOfProducts(ids)),
    historyOfProduct: new DataLoader((ids) => catalog.historyOfProducts(ids)),
  };
}
