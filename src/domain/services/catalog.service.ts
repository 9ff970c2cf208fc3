import type { Category, ProductCategoryLink } from '../entities/category.js';
import type { Product } from '../entities/product.js';
import type { Campaign } from '../entities/campaign.js';
import { normalizePage, type Page } from '../pagination.js';
import type { CategoryFilter, JobRecordFilter, ProductFilter, Store } from '../ports/storage.port.js';
import type { ScrapingJobRecord } from '../entities/scraping-job.js';

/** Read side of products and categories, batched for DataLoaders. */
export class CatalogService {
  constructor(private readonly store: Store) {}

  listProducts(filter: ProductFilter, first?: number | null, after?: string | null): Promise<Page<Product>> {
    return this.store.products.list(filter, normalizePage(first, after));
  }

  listCategories(filter: CategoryFilter, first?: number | null, after?: string | null): Promise<Page<Category>> {
    return this.store.categories.list(filter, normalizePage(first, after));
  }

  listJobRecords(filter: JobRecordFilter, first?: number | null, after?: string | null): Promise<Page<ScrapingJobRecord>> {
    return this.store.jobs.list(filter, normalizePage(first, after));
  }

  productsByIds(ids: readonly string[]): Promise<(Product | null)[]> {
    return this.store.products.getByIds(ids);
  }

  categoriesByIds(ids: readonly string[]): Promise<(Category | null)[]> {
    return this.store.categories.getByIds(ids);
  }

  campaignsByIds(ids: readonly string[]): Promise<(Campaign | null)[]> {
    return this.store.campaigns.getByIds(ids);
  }

  /** Category links (with provenance) of each product, in the order asked. */
  async linksOfProducts(productIds: readonly string[]): Promise<ProductCategoryLink[][]> {
    const links = await this.store.products.linksOf(productIds);
    return productIds.map((id) => links.get(id) ?? []);
  }

  /** Category ids of each product, in the order asked. */
  async categoryIdsOfProducts(productIds: readonly string[]): Promise<string[][]> {
    const links = await this.store.products.categoryIdsOf(productIds);
    return productIds.map((id) => links.get(id) ?? []);
  }
}
