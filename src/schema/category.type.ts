import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CategoryTypeEnum } from './enums.js';

@ObjectType({ description: 'A category of a site (a collection, department or listing page)' })
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
