import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { TrawlError } from '../domain/errors.js';
import { siteOf } from '../domain/url.js';
import { type BreakerStateEnum, SiteBreaker } from '../schema/site-breaker.type.js';
import type { GraphQLContext } from './context.js';

@Resolver(() => SiteBreaker)
export class PolitenessResolver {
  @Query(() => [SiteBreaker], { description: 'The circuit breaker of each site asked for, in the order asked (a site never blocked reads CLOSED)' })
  async politeness(
    @Arg('domains', () => [String], { description: 'Site names (shop.example) or URLs; www. is ignored' }) domains: string[],
    @Ctx() { services }: GraphQLContext,
  ): Promise<SiteBreaker[]> {
    const sites = domains.map(siteName);
    const views = await services.politeness.breakers(sites);
    return views.map((view) => ({ ...view, domain: view.site, state: view.state as BreakerStateEnum }));
  }
}

/** `shop.example`, `www.shop.example` or `https://shop.example/x` -> `shop.example`. */
function siteName(domain: string): string {
  try {
    return siteOf(/^https?:\/\//i.test(domain) ? domain : `http://${domain}`);
  } catch {
    throw new TrawlError('INVALID_INPUT', `Domain ${JSON.stringify(domain)} is not a host name or http(s) URL`);
  }
}
