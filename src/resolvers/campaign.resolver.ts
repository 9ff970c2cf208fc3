import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Campaign as DomainCampaign } from '../domain/entities/campaign.js';
import type { CampaignProgress as DomainProgress } from '../domain/services/campaign-report.service.js';
import { Campaign, CampaignConnection, CampaignProgress, CampaignQuality, CategoryChange, JobRecordConnection, StartCampaignInput } from '../schema/campaign.type.js';
import { CategoryConnection } from '../schema/category.type.js';
import { toConnection } from '../schema/connection.type.js';
import { CampaignStatusEnum } from '../schema/enums.js';
import { ProductConnection } from '../schema/product.type.js';
import type { GraphQLContext } from './context.js';

const first = { nullable: true, description: 'Page size (default 50, at most TRAWL_MAX_PAGE_SIZE)' } as const;
const after = { nullable: true, description: 'Cursor of the last item of the previous page' } as const;

@Resolver(() => Campaign)
export class CampaignResolver {
  @Mutation(() => Campaign, { description: 'Starts a campaign: site intelligence, category selection, URL discovery, product scraping' })
  async startCampaign(@Arg('input', () => StartCampaignInput, { description: 'The site to scrape and how' }) input: StartCampaignInput, @Ctx() { services }: GraphQLContext): Promise<Campaign> {
    return (await services.campaigns.start(input)) as unknown as Campaign;
  }

  @Mutation(() => Campaign, { description: 'Cancels a campaign: its remaining jobs end as skipped' })
  async cancelCampaign(@Arg('id', () => ID, { description: 'Campaign id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<Campaign> {
    return (await services.campaigns.cancel(id)) as unknown as Campaign;
  }

  @Mutation(() => Campaign, { description: 'Pauses a campaign: its jobs wait until it is resumed' })
  async pauseCampaign(@Arg('id', () => ID, { description: 'Campaign id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<Campaign> {
    return (await services.campaigns.pause(id)) as unknown as Campaign;
  }

  @Mutation(() => Campaign, { description: 'Resumes a paused campaign' })
  async resumeCampaign(@Arg('id', () => ID, { description: 'Campaign id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<Campaign> {
    return (await services.campaigns.resume(id)) as unknown as Campaign;
  }

  @Query(() => Campaign, { nullable: true, description: 'A campaign by id' })
  async campaign(@Arg('id', () => ID, { description: 'Campaign id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<Campaign | null> {
    return (await services.campaigns.get(id)) as unknown as Campaign | null;
  }

  @Query(() => CampaignConnection, { description: 'Campaigns in creation order' })
  async campaigns(
    @Arg('first', () => Int, first) first: number | null, @Arg('after', () => String, after) after: string | null,
    @Arg('status', () => CampaignStatusEnum, { nullable: true, description: 'Only campaigns in this status' }) status: CampaignStatusEnum | null, @Ctx() { services }: GraphQLContext,
  ): Promise<CampaignConnection> {
    return toConnection(await services.campaigns.list(status ? { status } : {}, first, after), after) as unknown as CampaignConnection;
  }

  @FieldResolver(() => CampaignProgress, { description: 'Counters and percent done, from the campaign ledger' })
  async progress(@Root() campaign: DomainCampaign, @Ctx() { services }: GraphQLContext): Promise<CampaignProgress> {
    return (await services.reports.progress(campaign)) as unknown as CampaignProgress;
  }

  @FieldResolver(() => CampaignQuality, { description: 'Data quality of the products scraped so far' })
  async quality(@Root() campaign: DomainCampaign, @Ctx() { services }: GraphQLContext): Promise<CampaignQuality> {
    return (await services.reports.quality(campaign)) as unknown as CampaignQuality;
  }

  @FieldResolver(() => [CategoryChange], { description: 'Products that entered or left each category since the previous campaign on this site' })
  async categoryChanges(@Root() campaign: DomainCampaign, @Ctx() { services }: GraphQLContext): Promise<CategoryChange[]> {
    return (await services.reports.categoryChanges(campaign)) as CategoryChange[];
  }

  @FieldResolver(() => ProductConnection, { description: 'Products this campaign scraped or found already stored' })
  async products(@Root() campaign: DomainCampaign, @Arg('first', () => Int, first) first: number | null, @Arg('after', () => String, after) after: string | null,
    @Ctx() { services }: GraphQLContext): Promise<ProductConnection> {
    return toConnection(await services.catalog.listProducts({ campaignId: campaign.id }, first, after), after) as unknown as ProductConnection;
  }

  @FieldResolver(() => CategoryConnection, { description: 'Categories this campaign selected or found' })
  async categories(@Root() campaign: DomainCampaign, @Arg('first', () => Int, first) first: number | null, @Arg('after', () => String, after) after: string | null,
    @Ctx() { services }: GraphQLContext): Promise<CategoryConnection> {
    return toConnection(await services.catalog.listCategories({ campaignId: campaign.id }, first, after), after) as unknown as CategoryConnection;
  }

  @FieldResolver(() => JobRecordConnection, { description: 'The campaign\'s jobs as recorded' })
  async jobs(@Root() campaign: DomainCampaign, @Arg('first', () => Int, first) first: number | null, @Arg('after', () => String, after) after: string | null,
    @Ctx() { services }: GraphQLContext): Promise<JobRecordConnection> {
    return toConnection(await services.catalog.listJobRecords({ campaignId: campaign.id }, first, after), after) as unknown as JobRecordConnection;
  }

  @Subscription(() => CampaignProgress, {
    description: 'Live progress of a campaign, a few events per second at most, ending with a final event',
    subscribe: ({ args, context }) => (context as GraphQLContext).services.live.campaignProgress(String(args.id)),
  })
  campaignProgress(@Arg('id', () => ID, { description: 'Campaign id' }) _id: string, @Root() progress: DomainProgress): CampaignProgress {
    return progress as unknown as CampaignProgress;
  }
}
