import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Product as DomainProduct } from '../domain/entities/product.js';
import { Category, CategoryLink } from '../schema/category.type.js';
import { Campaign } from '../schema/campaign.type.js';
import { toConnection } from '../schema/connection.type.js';
import { FieldSource, Product, ProductConnection, ProductFilter, ProductVariant } from '../schema/product.type.js';
import { ProductHistoryEntry, ProductSortEnum } from '../schema/product-history.type.js';
import { productQueryOf } from './catalog-inputs.js';
import type { GraphQLContext } from './context.js';

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, { description: 'Products matching a filter, oldest first unless sorted, with Relay-style paging' })
  async products(
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 50, at most TRAWL_MAX_PAGE_SIZE: 100 unless configured)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after (only valid with the same sort)' }) after: string | null,
    @Arg('filter', () => ProductFilter, { nullable: true, description: 'Which products; all given filters apply' }) filter: ProductFilter | null,
    @Arg('sort', () => ProductSortEnum, { nullable: true, description: 'Order of the products (default CREATED_ASC)' }) sort: ProductSortEnum | null,
    @Ctx() { services, loaders }: GraphQLContext,
  ): Promise<ProductConnection> {
    const page = await services.catalog.listProducts(productQueryOf(filter), first, after, sort ?? ProductSortEnum.CREATED_ASC);
    for (const product of page.items) loaders.product.prime(product.id, product);
    return toConnection(page, after) as unknown as ProductConnection;
  }

  @FieldResolver(() => [Category], { description: 'Every category the product was found in' })
  async categories(@Root() product: DomainProduct, @Ctx() { loaders }: GraphQLContext): Promise<Category[]> {
    const ids = await loaders.categoryIdsOfProduct.load(product.id);
    const categories = await loaders.category.loadMany(ids);
    return categories.filter((c): c is Category => c !== null && !(c instanceof Error)) as Category[];
  }

  @FieldResolver(() => [CategoryLink], { description: 'Every category the product was found in, with where and when' })
  async categoryLinks(@Root() product: DomainProduct, @Ctx() { loaders }: GraphQLContext): Promise<CategoryLink[]> {
    return (await loaders.linksOfProduct.load(product.id)) as CategoryLink[];
  }

  @FieldResolver(() => Campaign, { nullable: true, description: 'The campaign that last scraped the product (null for a single product job)' })
  async campaign(@Root() product: DomainProduct, @Ctx() { loaders }: GraphQLContext): Promise<Campaign | null> {
    return product.campaignId ? ((await loaders.campaign.load(product.campaignId)) as unknown as Campaign | null) : null;
  }

  @FieldResolver(() => [ProductHistoryEntry], { description: 'Price and availability over time, newest first (the first entry is the current state; at most 100)' })
  async history(@Root() product: DomainProduct, @Ctx() { loaders }: GraphQLContext): Promise<ProductHistoryEntry[]> {
    return (await loaders.historyOfProduct.load(product.id)) as ProductHistoryEntry[];
  }

  @FieldResolver(() => [ProductVariant], { description: 'Variants (sizes, colours...)' })
  variants(@Root() product: DomainProduct): ProductVariant[] {
    return product.variants.map((v) => ({ ...v, options: Object.entries(v.options).map(([name, value]) => ({ name, value })) })) as unknown as ProductVariant[];
  }

  @FieldResolver(() => [FieldSource], { description: 'Which extraction source each field came from' })
  sources(@Root() product: DomainProduct): FieldSource[] {
    return Object.entries(product.sources).map(([field, source]) => ({ field, source }));
  }
}
