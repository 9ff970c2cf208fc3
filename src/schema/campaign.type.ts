import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './connection.type.js';
import { JobRecord } from './site.type.js';
import { CampaignPhaseEnum, CampaignStatusEnum, CategoryTypeEnum, JobPriorityEnum, RenderJsEnum } from './enums.js';

@InputType({ description: 'What to scrape in a campaign, and the limits' })
export class StartCampaignInput {
  @Field(() => String, { description: 'Home page (or any page) of the site' })
  seedUrl!: string;

  @Field(() => Int, { nullable: true, description: 'Scrape at most this many categories' })
  maxCategories?: number;

  @Field(() => Int, { nullable: true, description: 'Collect at most this many product URLs per category' })
  maxProductsPerCategory?: number;

  @Field(() => Int, { nullable: true, description: 'Queue at most this many products in all (the rest are skipped, with the reason)' })
  maxProducts?: number;

  @Field(() => Int, { nullable: true, description: 'Follow at most this many listing pages per category' })
  maxCategoryPages?: number;

  @Field(() => [CategoryTypeEnum], { nullable: true, description: 'Kinds of category to include (default all but OTHER)' })
  categoryTypes?: CategoryTypeEnum[];

  @Field(() => JobPriorityEnum, { nullable: true, description: 'Priority of the campaign\'s jobs (default NORMAL)' })
  priority?: JobPriorityEnum;

  @Field(() => Int, { nullable: true, description: 'Delay between requests to the site, ms (default from TRAWL_RATE_LIMIT_DELAY_MS)' })
  rateLimitDelayMs?: number;

  @Field(() => RenderJsEnum, { nullable: true, description: 'Browser rendering (AUTO by default)' })
  renderJs?: RenderJsEnum;

  @Field(() => String, { nullable: true, description: 'Also run this site search and scrape its results' })
  searchQuery?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only run the search, no category discovery' })
  searchOnly?: boolean;
}

@ObjectType({ description: 'How many products were skipped for one reason' })
export class SkipReason {
  @Field(() => String, { description: 'Why (a stable reason code)' }) reason!: string;
  @Field(() => Int, { description: 'How many products' }) count!: number;
}

@ObjectType({ description: 'Failure rate of product jobs on one site' })
export class SiteErrorRate {
  @Field(() => String, { description: 'The site' }) domain!: string;
  @Field(() => Int, { description: 'Product jobs that failed for good' }) failed!: number;
  @Field(() => Int, { description: 'Product jobs that ended' }) total!: number;
  @Field(() => Float, { description: 'failed / total' }) rate!: number;
}

@ObjectType({ description: 'Seed 000 data quality metrics and whether they meet its targets' })
export class CampaignQuality {
  @Field(() => Int, { description: 'Products stored by the campaign' }) products!: number;
  @Field(() => Float, { description: 'Share with title, price, currency, availability, image and URL (target 0.9)' }) productCompleteness!: number;
  @Field(() => Float, { description: 'Share linked to a category (target 1.0)' }) categoryLinkage!: number;
  @Field(() => Int, { description: 'Product rows sharing a canonical URL with another (target 0)' }) duplicateProducts!: number;
  @Field(() => Float, { description: 'Target below 0.01' }) duplicateRate!: number;
  @Field(() => [SiteErrorRate], { description: 'Target below 0.05 per site' }) errorRateByDomain!: SiteErrorRate[];
  @Field(() => Boolean, { description: 'Whether every metric meets its seed 000 target' }) meetsTargets!: boolean;
}

@ObjectType({ description: 'Live progress of a campaign, counted from its ledger: discovered = queued + scraped + failed + skipped' })
export class CampaignProgress {
  @Field(() => ID, { description: 'The campaign' }) campaignId!: string;
  @Field(() => CampaignStatusEnum, { description: 'The campaign\'s status' }) status!: CampaignStatusEnum;
  @Field(() => CampaignPhaseEnum, { description: 'Where the campaign is in its run' }) phase!: CampaignPhaseEnum;
  @Field(() => Int, { description: 'Categories selected for scraping' }) categoriesDiscovered!: number;
  @Field(() => Int, { description: 'Selected categories whose listings were read' }) categoriesScraped!: number;
  @Field(() => Int, { description: 'Selected categories that failed for good' }) categoriesFailed!: number;
  @Field(() => Int, { description: 'Distinct product URLs found' }) productsDiscovered!: number;
  @Field(() => Int, { description: 'Product jobs not ended yet' }) productsQueued!: number;
  @Field(() => Int, { description: 'Products stored' }) productsScraped!: number;
  @Field(() => Int, { description: 'Product jobs that failed for good' }) productsFailed!: number;
  @Field(() => Int, { description: 'Product URLs not scraped (see skippedReasons)' }) productsSkipped!: number;
  @Field(() => [SkipReason], { description: 'Skipped products by reason' }) skippedReasons!: SkipReason[];
  @Field(() => Int, { description: '0-100; 100 once the campaign has ended' }) percent!: number;
  @Field(() => Float, { description: 'Recent scraping rate' }) productsPerMinute!: number;
  @Field(() => Int, { nullable: true, description: 'Estimated seconds to the end, when it can be estimated' }) etaSeconds?: number | null;
  @Field(() => Boolean, { description: 'True on the last event: the campaign has ended' }) final!: boolean;
  @Field(() => Date, { description: 'When this progress was counted' }) at!: Date;
  @Field(() => CampaignQuality, { nullable: true, description: 'On the final event: the campaign\'s data quality' }) quality?: CampaignQuality;
}

@ObjectType({ description: 'A scraping campaign on one site' })
export class Campaign {
  @Field(() => ID, { description: 'Campaign id' }) id!: string;
  @Field(() => String, { description: 'The URL the campaign started from' }) seedUrl!: string;
  @Field(() => String, { name: 'domain', description: 'The site (host and port) scraped' }) site!: string;
  @Field(() => CampaignStatusEnum, { description: 'Where the campaign stands' }) status!: CampaignStatusEnum;
  @Field(() => String, { nullable: true, description: 'Why a FAILED campaign failed' }) failedReason?: string;
  @Field(() => Date, { description: 'When the campaign was created' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When its first job started' }) startedAt?: Date;
  @Field(() => Date, { nullable: true, description: 'When it ended' }) finishedAt?: Date;
}

@ObjectType({ description: 'A campaign in a page of campaigns' })
export class CampaignEdge {
  @Field(() => Campaign, { description: 'The campaign' }) node!: Campaign;
  @Field(() => String, { description: 'Cursor of this campaign; pass it as `after`' }) cursor!: string;
}

@ObjectType({ description: 'A page of campaigns' })
export class CampaignConnection {
  @Field(() => [CampaignEdge], { description: 'The campaigns of this page' }) edges!: CampaignEdge[];
  @Field(() => PageInfo, { description: 'Where this page is' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many campaigns match, over all pages' }) totalCount!: number;
}

@ObjectType({ description: 'A job record in a page of job records' })
export class JobRecordEdge {
  @Field(() => JobRecord, { description: 'The job record' }) node!: JobRecord;
  @Field(() => String, { description: 'Cursor of this record; pass it as `after`' }) cursor!: string;
}

@ObjectType({ description: 'A page of job records' })
export class JobRecordConnection {
  @Field(() => [JobRecordEdge], { description: 'The job records of this page' }) edges!: JobRecordEdge[];
  @Field(() => PageInfo, { description: 'Where this page is' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many records match, over all pages' }) totalCount!: number;
}

@ObjectType({ description: 'A product that entered or left a category since the previous campaign on the same site' })
export class CategoryChange {
  @Field(() => ID, { description: 'The category' }) categoryId!: string;
  @Field(() => String, { description: 'Canonical URL of the product' }) productUrl!: string;
  @Field(() => String, { description: 'ENTERED or LEFT' }) change!: string;
}
