import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Category as DomainCategory, ProductCategoryLink } from '../domain/entities/category.js';
import { Category, CategoryLink } from '../schema/category.type.js';
import type { GraphQLContext } from './context.js';

@Resolver(() => CategoryLink)
export class CategoryLinkResolver {
  @FieldResolver(() => Category, { nullable: true, description: 'The category' })
  async category(@Root() link: ProductCategoryLink, @Ctx() { loaders }: GraphQLContext): Promise<Category | null> {
    return (await loaders.category.load(link.categoryId)) as Category | null;
  }
}

@Resolver(() => Category)
export class CategoryResolver {
  @FieldResolver(() => Category, { nullable: true, description: 'Parent category, when trawl knows it' })
  async parent(@Root() category: DomainCategory, @Ctx() { loaders }: GraphQLContext): Promise<Category | null> {
    if (!category.parentId) return null;
    return (await loaders.category.load(category.parentId)) as Category | null;
  }
}
