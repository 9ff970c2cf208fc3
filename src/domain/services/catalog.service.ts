import type { Category, ProductCategoryLink } from '../entities/category.js';
import type { Product } from '../entities/product.js';
import type { Campaign } from '../entities/campaign.js';
import type { DeadLetter } from '../entities/dead-letter.js';
import { normalizePage, type Page } from '../pagination.js';
import type { CategoryFilter, JobRecordFilter, ProductFilter, Store } from '../ports/storage.port.js';
import type { ScrapingJobRecord } from '../entities/scraping-job.js';
import { checkJobSearch, checkProductQuery, type JobSearch, type ProductQuery, type ProductSort } from '../catalog-query.js';
import { MAX_HISTORY_ENTRIES, type ProductHistoryEntry } from '../product-history.js';

/** Something `node(id)` can refetch, tagged with its kind. Jobs are refetched through the job service (queue state). */
export type CatalogNode =
  | { kind: 'Product'; value: Product }
  | { kind: 'Category'; value: Category }
  | { kind: 'Campaign'; value: Campaign }
  | { kind: 'DeadLetter'; value: DeadLetter };

/** Read side of products, categories and job records: filtered, sorted and counted by storage, batched for DataLoaders. */
export class CatalogService {
  constructor(private readonly store: Store) {}

  /**
   * Products matching a query, in the given order (default: creation order).
   * A category with `includeSubcategories` matches products of any category
   * below it. Throws INVALID_INPUT naming the field for a bad range, text or cursor.
   */
  async listProducts(query: ProductQuery, first?: number | null, after?: string | null, sort: ProductSort = 'CREATED_ASC'): Promise<Page<Product>> {
    checkProductQuery(query);
    const page = normalizePage(first, after);
    const { includeSubcategories, categoryId, ...rest } = query;
    const filter: ProductFilter = { ...rest };
    if (categoryId && includeSubcategories) filter.categoryIds = [categoryId, ...(await this.store.categories.descendantIds(categoryId))];
    else if (categoryId) filter.categoryId = categoryId;
    return this.store.products.list(filter, page, sort);
  }

  listCategories(filter: CategoryFilter, first?: number | null, after?: string | null): Promise<Page<Category>> {
    return this.store.categories.list(filter, normalizePage(first, after));
  }

  listJobRecords(filter: JobRecordFilter, first?: number | null, after?: string | null): Promise<Page<ScrapingJobRecord>> {
    return this.store.jobs.list(filter, normalizePage(first, after));
  }

  /** Job records matching a search, oldest first; includes jobs the queue no longer holds. */
  searchJobs(search: JobSearch, first?: number | null, after?: string | null): Promise<Page<ScrapingJobRecord>> {
    checkJobSearch(search);
    return this.store.jobs.list(search, normalizePage(first, after));
  }

  /** The product, category, campaign or dead letter with this id (ids are UUIDs, unique across kinds), or null. */
  async findNode(id: string): Promise<CatalogNode | null> {
    const [[product], [category], [campaign], letter] = await Promise.all([
      this.store.products.getByIds([id]), this.store.categories.getByIds([id]), this.store.campaigns.getByIds([id]), this.store.deadLetters.get(id),
    ]);
    if (product) return { kind: 'Product', value: product };
    if (category) return { kind: 'Category', value: category };
    if (campaign) return { kind: 'Campaign', value: campaign };
    return letter ? { kind: 'DeadLetter', value: letter } : null;
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

  /** Price and availability history of each product, newest first, in the order asked. */
  async historyOfProducts(productIds: readonly string[]): Promise<ProductHistoryEntry[][]> {
    const history = await this.store.products.historyOf(productIds, MAX_HISTORY_ENTRIES);
    return productIds.map((id) => history.get(id) ?? []);
  }
}
