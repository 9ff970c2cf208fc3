import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Product as DomainProduct } from '../domain/entities/product.js';
import { Category, CategoryLink } from '../schema/category.type.js';
import { toConnection } from '../schema/connection.type.js';
import { FieldSource, Product, ProductConnection, ProductFilter, ProductVariant } from '../schema/product.type.js';
import type { GraphQLContext } from './context.js';

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, { description: 'Products, newest last, with Relay-style paging' })
  async products(
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 50, at most TRAWL_MAX_PAGE_SIZE: 100 unless configured)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after' }) after: string | null,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | null,
    @Ctx() { services, loaders }: GraphQLContext,
  ): Promise<ProductConnection> {
    const page = await services.catalog.listProducts(
      { ...(filter?.campaignId ? { campaignId: filter.campaignId } : {}), ...(filter?.domain ? { site: filter.domain } : {}), ...(filter?.categoryId ? { categoryId: filter.categoryId } : {}) },
      first, after,
    );
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

  @FieldResolver(() => [ProductVariant], { description: 'Variants (sizes, colours...)' })
  variants(@Root() product: DomainProduct): ProductVariant[] {
    return product.variants.map((v) => ({ ...v, options: Object.entries(v.options).map(([name, value]) => ({ name, value })) })) as unknown as ProductVariant[];
  }

  @FieldResolver(() => [FieldSource], { description: 'Which extraction source each field came from' })
  sources(@Root() product: DomainProduct): FieldSource[] {
    return Object.entries(product.sources).map(([field, source]) => ({ field, source }));
  }
}
