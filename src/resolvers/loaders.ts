import DataLoader from 'dataloader';
import type { Category, ProductCategoryLink } from '../domain/entities/category.js';
import type { Product } from '../domain/entities/product.js';
import type { CatalogService } from '../domain/services/catalog.service.js';

/** Per-request DataLoaders: every relation goes through one, never a per-row query. */
export interface Loaders {
  product: DataLoader<string, Product | null>;
  category: DataLoader<string, Category | null>;
  categoryIdsOfProduct: DataLoader<string, string[]>;
  linksOfProduct: DataLoader<string, ProductCategoryLink[]>;
}

export function createLoaders(catalog: CatalogService): Loaders {
  return {
    product: new DataLoader((ids) => catalog.productsByIds(ids)),
    category: new DataLoader((ids) => catalog.categoriesByIds(ids)),
    categoryIdsOfProduct: new DataLoader((ids) => catalog.categoryIdsOfProducts(ids)),
    linksOfProduct: new DataLoader((ids) => catalog.linksOfProducts(ids)),
  };
}
