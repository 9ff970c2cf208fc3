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
  @Field(() => String) reason!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Failure rate of product jobs on one site' })
export class SiteErrorRate {
  @Field(() => String) domain!: string;
  @Field(() => Int) failed!: number;
  @Field(() => Int) total!: number;
  @Field(() => Float) rate!: number;
}

@ObjectType({ description: 'Seed 000 data quality metrics and whether they meet its targets' })
export class CampaignQuality {
  @Field(() => Int) products!: number;
  @Field(() => Float, { description: 'Share with title, price, currency, availability, image and URL (target 0.9)' }) productCompleteness!: number;
  @Field(() => Float, { description: 'Share linked to a category (target 1.0)' }) categoryLinkage!: number;
  @Field(() => Int) duplicateProducts!: number;
  @Field(() => Float, { description: 'Target below 0.01' }) duplicateRate!: number;
  @Field(() => [SiteErrorRate], { description: 'Target below 0.05 per site' }) errorRateByDomain!: SiteErrorRate[];
  @Field(() => Boolean) meetsTargets!: boolean;
}

@ObjectType({ description: 'Live progress of a campaign, counted from its ledger: discovered = queued + scraped + failed + skipped' })
export class CampaignProgress {
  @Field(() => ID) campaignId!: string;
  @Field(() => CampaignStatusEnum) status!: CampaignStatusEnum;
  @Field(() => CampaignPhaseEnum) phase!: CampaignPhaseEnum;
  @Field(() => Int, { description: 'Categories selected for scraping' }) categoriesDiscovered!: number;
  @Field(() => Int) categoriesScraped!: number;
  @Field(() => Int) categoriesFailed!: number;
  @Field(() => Int, { description: 'Distinct product URLs found' }) productsDiscovered!: number;
  @Field(() => Int, { description: 'Product jobs not ended yet' }) productsQueued!: number;
  @Field(() => Int) productsScraped!: number;
  @Field(() => Int) productsFailed!: number;
  @Field(() => Int) productsSkipped!: number;
  @Field(() => [SkipReason]) skippedReasons!: SkipReason[];
  @Field(() => Int, { description: '0-100; 100 once the campaign has ended' }) percent!: number;
  @Field(() => Float) productsPerMinute!: number;
  @Field(() => Int, { nullable: true }) etaSeconds?: number | null;
  @Field(() => Boolean, { description: 'True on the last event: the campaign has ended' }) final!: boolean;
  @Field(() => Date) at!: Date;
  @Field(() => CampaignQuality, { nullable: true, description: 'On the final event: the campaign\'s data quality' }) quality?: CampaignQuality;
}

@ObjectType({ description: 'A scraping campaign on one site' })
export class Campaign {
  @Field(() => ID) id!: string;
  @Field(() => String) seedUrl!: string;
  @Field(() => String, { name: 'domain' }) site!: string;
  @Field(() => CampaignStatusEnum) status!: CampaignStatusEnum;
  @Field(() => String, { nullable: true }) failedReason?: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt?: Date;
  @Field(() => Date, { nullable: true }) finishedAt?: Date;
}

@ObjectType()
export class CampaignEdge {
  @Field(() => Campaign) node!: Campaign;
  @Field(() => String) cursor!: string;
}

@ObjectType({ description: 'A page of campaigns' })
export class CampaignConnection {
  @Field(() => [CampaignEdge]) edges!: CampaignEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType()
export class JobRecordEdge {
  @Field(() => JobRecord) node!: JobRecord;
  @Field(() => String) cursor!: string;
}

@ObjectType({ description: 'A page of job records' })
export class JobRecordConnection {
  @Field(() => [JobRecordEdge]) edges!: JobRecordEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ description: 'A product that entered or left a category since the previous campaign on the same site' })
export class CategoryChange {
  @Field(() => ID) categoryId!: string;
  @Field(() => String) productUrl!: string;
  @Field(() => String, { description: 'ENTERED or LEFT' }) change!: string;
}
