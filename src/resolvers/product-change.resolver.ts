import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { ProductChange } from '../domain/product-history.js';
import { productChangeFeed } from '../domain/services/product-change.feed.js';
import { ProductChangeEvent } from '../schema/product-history.type.js';
import type { GraphQLContext } from './context.js';

@Resolver()
export class ProductChangeResolver {
  @Subscription(() => ProductChangeEvent, {
    description: 'Price and availability changes of products as they are scraped again, for a site, a campaign, or both',
    subscribe: ({ args, context }) => {
      const { domain, campaignId } = args as { domain?: string | null; campaignId?: string | null };
      return productChangeFeed((context as GraphQLContext).services.events, { ...(domain ? { site: domain } : {}), ...(campaignId ? { campaignId } : {}) });
    },
  })
  productChanged(
    @Arg('domain', () => String, { nullable: true, description: 'Changes of products of this site (host without www.)' }) _domain: string | null,
    @Arg('campaignId', () => ID, { nullable: true, description: 'Changes seen by this campaign' }) _campaignId: string | null,
    @Root() change: ProductChange,
  ): ProductChangeEvent {
    return { ...change, domain: change.site } as unknown as ProductChangeEvent;
  }
}
