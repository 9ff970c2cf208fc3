import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SiteIntelligence } from '../domain/entities/site.js';
import { CategoryConnection, CategoryFilter } from '../schema/category.type.js';
import { toConnection } from '../schema/connection.type.js';
import { Domain } from '../schema/site.type.js';
import type { GraphQLContext } from './context.js';

function toDomain(intelligence: SiteIntelligence | null): Domain | null {
  if (!intelligence) return null;
  return {
    ...intelligence, platformSignals: intelligence.platformSignals ?? [], sitemapProductCount: intelligence.sitemapProductCount ?? 0,
    hasRobotsTxt: intelligence.robotsTxt !== undefined,
  } as unknown as Domain;
}

@Resolver(() => Domain)
export class SiteResolver {
  @Query(() => Domain, { nullable: true, description: 'What trawl knows about a site (host without www.)' })
  async domain(@Arg('name', () => String, { description: 'Host without www., e.g. shop.example' }) name: string, @Ctx() { services }: GraphQLContext): Promise<Domain | null> {
    return toDomain(await services.sites.get(name));
  }

  @Mutation(() => Domain, { description: 'Re-learns a site now: home page, platform, menu, robots.txt and sitemaps' })
  async refreshSiteIntelligence(@Arg('domain', () => String, { description: 'Host without www., e.g. shop.example' }) domain: string, @Ctx() { services }: GraphQLContext): Promise<Domain> {
    return toDomain(await services.sites.refresh(domain))!;
  }

  @Query(() => CategoryConnection, { description: 'Categories, in the order trawl first stored them' })
  async categories(
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 50, at most TRAWL_MAX_PAGE_SIZE)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after' }) after: string | null,
    @Arg('filter', () => CategoryFilter, { nullable: true, description: 'Which categories; all given filters apply' }) filter: CategoryFilter | null, @Ctx() { services }: GraphQLContext,
  ): Promise<CategoryConnection> {
    const page = await services.catalog.listCategories({
      ...(filter?.campaignId ? { campaignId: filter.campaignId } : {}), ...(filter?.domain ? { site: filter.domain } : {}), ...(filter?.type ? { type: filter.type } : {}),
      ...(filter?.parentId ? { parentId: filter.parentId } : {}),
    }, first, after);
    return toConnection(page, after) as unknown as CategoryConnection;
  }
}
