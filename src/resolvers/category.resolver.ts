import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Category as DomainCategory } from '../domain/entities/category.js';
import { Category } from '../schema/category.type.js';
import type { GraphQLContext } from './context.js';

@Resolver(() => Category)
export class CategoryResolver {
  @FieldResolver(() => Category, { nullable: true, description: 'Parent category, when trawl knows it' })
  async parent(@Root() category: DomainCategory, @Ctx() { loaders }: GraphQLContext): Promise<Category | null> {
    if (!category.parentId) return null;
    return (await loaders.category.load(category.parentId)) as Category | null;
  }
}
