import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './connection.type.js';
import { CategoryTypeEnum } from './enums.js';
import { Node } from './node.type.js';

@ObjectType({ description: 'A category of a site (a collection, department or listing page)', implements: Node })
export class Category {
  @Field(() => ID, { description: 'Stable id' })
  id!: string;

  @Field(() => String, { name: 'domain', description: 'Site the category belongs to (host, without www.)' })
  site!: string;

  @Field(() => String, { description: 'Absolute URL of the category page; its identity' })
  url!: string;

  @Field(() => String, { description: 'Path of the category page' })
  path!: string;

  @Field(() => String, { description: 'Display name' })
  name!: string;

  @Field(() => CategoryTypeEnum, { description: 'Classification of the category' })
  type!: CategoryTypeEnum;

  @Field(() => Int, { description: 'Depth in the site navigation (0 = top level)' })
  depth!: number;

  @Field(() => String, { nullable: true, description: 'URL of the parent category' })
  parentUrl?: string;

  parentId?: string;

  @Field(() => Date, { description: 'When trawl first stored the category' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the category was last updated' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A category in a page of categories' })
export class CategoryEdge {
  @Field(() => Category, { description: 'The category' }) node!: Category;
  @Field(() => String, { description: 'Cursor of this category; pass it as `after`' }) cursor!: string;
}

@ObjectType({ description: 'A page of categories' })
export class CategoryConnection {
  @Field(() => [CategoryEdge], { description: 'The categories of this page' }) edges!: CategoryEdge[];
  @Field(() => PageInfo, { description: 'Where this page is' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many categories match, over all pages' }) totalCount!: number;
}

@InputType({ description: 'Filters for categories; all given filters apply' })
export class CategoryFilter {
  @Field(() => ID, { nullable: true, description: 'Categories seen by this campaign' })
  campaignId?: string;

  @Field(() => String, { nullable: true, description: 'Categories of this site (host without www.)' })
  domain?: string;

  @Field(() => CategoryTypeEnum, { nullable: true, description: 'Categories of this kind' })
  type?: CategoryTypeEnum;

  @Field(() => ID, { nullable: true, description: 'Direct children of this category' })
  parentId?: string;
}

@ObjectType({ description: 'A product\'s place in a category: where it was found (provenance) and when' })
export class CategoryLink {
  categoryId!: string;
  @Field(() => ID, { nullable: true, description: 'The campaign that last saw it there' }) campaignId?: string;
  @Field(() => String, { nullable: true, description: 'The listing page that showed it' }) listingUrl?: string;
  @Field(() => Int, { nullable: true, description: 'Page number of that listing page' }) page?: number;
  @Field(() => Int, { nullable: true, description: '1-based position on that page' }) position?: number;
  @Field(() => Date, { description: 'When the product was first seen in the category' }) firstSeenAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When a campaign last saw it listed there' }) lastSeenAt?: Date;
}
