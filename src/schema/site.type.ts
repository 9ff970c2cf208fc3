import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PlatformEnum } from './enums.js';

@ObjectType({ description: 'A link of a site\'s navigation menu' })
export class NavigationEntry {
  @Field(() => String, { description: 'Link text' }) name!: string;
  @Field(() => String, { description: 'Absolute URL of the link' }) url!: string;
  @Field(() => String, { nullable: true, description: 'Top-level menu section it sits under' }) section?: string;
  @Field(() => String, { nullable: true, description: 'URL of the menu entry it sits under' }) parentUrl?: string;
  @Field(() => Int, { description: 'Depth in the menu (0 = top level)' }) depth!: number;
}

@ObjectType({ description: 'What trawl has learned about a site (seed 000: site intelligence), reused until it expires' })
export class Domain {
  @Field(() => String, { description: 'Host without www.' }) site!: string;
  @Field(() => PlatformEnum, { description: 'E-commerce platform the site runs on' }) platform!: PlatformEnum;
  @Field(() => [String], { description: 'Evidence behind the platform' }) platformSignals!: string[];
  @Field(() => String, { description: 'URL of the home page trawl learned from' }) homeUrl!: string;
  @Field(() => [NavigationEntry], { description: 'The navigation menu as found on the home page' }) navigation!: NavigationEntry[];
  @Field(() => [String], { description: 'Sitemap URLs (from robots.txt and the usual places)' }) sitemaps!: string[];
  @Field(() => Int, { description: 'Product URLs the sitemaps list' }) sitemapProductCount!: number;
  @Field(() => Boolean, { description: 'Whether the site serves a robots.txt (which trawl obeys)' }) hasRobotsTxt!: boolean;
  @Field(() => String, { nullable: true, description: 'The robots.txt text' }) robotsTxt?: string;
  @Field(() => Date, { description: 'When trawl learned this' }) learnedAt!: Date;
  @Field(() => Date, { description: 'When trawl learns it again' }) expiresAt!: Date;
}

@ObjectType({ description: 'A job as trawl recorded it (kept after the queue trims its history)' })
export class JobRecord {
  @Field(() => String, { description: 'Job id (also the BullMQ job id)' }) id!: string;
  @Field(() => String, { description: 'product, category_search, search, full_site or navigation' }) type!: string;
  @Field(() => String, { description: 'Queue the job was added to' }) queue!: string;
  @Field(() => String, { description: 'Target URL' }) url!: string;
  @Field(() => String, { name: 'domain', description: 'Site of the target URL (host without www.)' }) site!: string;
  @Field(() => String, { description: 'URGENT, HIGH, NORMAL or LOW' }) priority!: string;
  @Field(() => String, { description: 'QUEUED, ACTIVE, COMPLETED, FAILED, DELAYED or CANCELLED' }) status!: string;
  @Field(() => ID, { nullable: true, description: 'Campaign the job belongs to' }) campaignId?: string;
  @Field(() => Int, { description: 'Attempts made so far' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'Error code of the last failed attempt' }) errorCode?: string;
  @Field(() => String, { nullable: true, description: 'Message of the last failed attempt' }) failedReason?: string;
  @Field(() => String, { nullable: true, description: 'URL of the category the job was found in' }) categoryUrl?: string;
  @Field(() => Date, { description: 'When the job was recorded' }) createdAt!: Date;
  @Field(() => Date, { description: 'When the record last changed' }) updatedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the job finished (completed, failed for good or cancelled)' }) finishedAt?: Date;
}
