import { Field, Int, ObjectType } from 'type-graphql';
import { PlatformEnum } from './enums.js';

@ObjectType({ description: 'A link of a site\'s navigation menu' })
export class NavigationEntry {
  @Field(() => String) name!: string;
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true, description: 'Top-level menu section it sits under' }) section?: string;
  @Field(() => String, { nullable: true }) parentUrl?: string;
  @Field(() => Int) depth!: number;
}

@ObjectType({ description: 'What trawl has learned about a site (seed 000: site intelligence), reused until it expires' })
export class Domain {
  @Field(() => String, { description: 'Host without www.' }) site!: string;
  @Field(() => PlatformEnum) platform!: PlatformEnum;
  @Field(() => [String], { description: 'Evidence behind the platform' }) platformSignals!: string[];
  @Field(() => String) homeUrl!: string;
  @Field(() => [NavigationEntry]) navigation!: NavigationEntry[];
  @Field(() => [String]) sitemaps!: string[];
  @Field(() => Int, { description: 'Product URLs the sitemaps list' }) sitemapProductCount!: number;
  @Field(() => Boolean, { description: 'Whether the site serves a robots.txt (which trawl obeys)' }) hasRobotsTxt!: boolean;
  @Field(() => String, { nullable: true }) robotsTxt?: string;
  @Field(() => Date) learnedAt!: Date;
  @Field(() => Date) expiresAt!: Date;
}

@ObjectType({ description: 'A job as trawl recorded it (kept after the queue trims its history)' })
export class JobRecord {
  @Field(() => String) id!: string;
  @Field(() => String, { description: 'product, category_search, search or full_site' }) type!: string;
  @Field(() => String) url!: string;
  @Field(() => String, { description: 'QUEUED, ACTIVE, COMPLETED, FAILED, DELAYED or CANCELLED' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) errorCode?: string;
  @Field(() => String, { nullable: true }) failedReason?: string;
  @Field(() => String, { nullable: true }) categoryUrl?: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt?: Date;
}
