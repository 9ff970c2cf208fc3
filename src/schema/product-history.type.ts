import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AvailabilityEnum } from './enums.js';
import { Money } from './money.type.js';

export enum ProductSortEnum {
  CREATED_ASC = 'CREATED_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  TITLE_ASC = 'TITLE_ASC',
}
registerEnumType(ProductSortEnum, {
  name: 'ProductSort',
  description: 'Order of a product list; ties break on creation order, so pages are stable. Products without a price come first under PRICE_ASC and last under PRICE_DESC',
  valuesConfig: {
    CREATED_ASC: { description: 'Oldest first (the default)' },
    UPDATED_AT_DESC: { description: 'Most recently changed first' },
    PRICE_ASC: { description: 'Cheapest first' },
    PRICE_DESC: { description: 'Dearest first' },
    TITLE_ASC: { description: 'By title, A to Z (byte order)' },
  },
});

@ObjectType({ description: 'A product\'s price and availability from a point in time on' })
export class ProductHistoryEntry {
  @Field(() => Date, { description: 'When the product was seen in this state' })
  at!: Date;

  @Field(() => Money, { nullable: true, description: 'Price then (null when the page showed none)' })
  price?: Money;

  @Field(() => AvailabilityEnum, { description: 'Stock state then' })
  availability!: AvailabilityEnum;
}

@ObjectType({ description: 'A price change: either side is null when a price appeared or vanished' })
export class PriceChange {
  @Field(() => Money, { nullable: true, description: 'Price before the change' })
  before?: Money;

  @Field(() => Money, { nullable: true, description: 'Price after the change' })
  after?: Money;
}

@ObjectType({ description: 'An availability change' })
export class AvailabilityChange {
  @Field(() => AvailabilityEnum, { description: 'Stock state before the change' })
  before!: AvailabilityEnum;

  @Field(() => AvailabilityEnum, { description: 'Stock state after the change' })
  after!: AvailabilityEnum;
}

@ObjectType({ description: 'A product whose price or availability changed when it was scraped again' })
export class ProductChangeEvent {
  @Field(() => ID, { description: 'Id of the product' })
  productId!: string;

  @Field(() => String, { description: 'Site of the product (host without www.)' })
  domain!: string;

  @Field(() => ID, { nullable: true, description: 'Campaign whose scrape saw the change' })
  campaignId?: string;

  @Field(() => String, { description: 'Product title' })
  title!: string;

  @Field(() => String, { description: 'Canonical URL of the product' })
  canonicalUrl!: string;

  @Field(() => PriceChange, { nullable: true, description: 'The price change, when the price changed' })
  price?: PriceChange;

  @Field(() => AvailabilityChange, { nullable: true, description: 'The availability change, when it changed' })
  availability?: AvailabilityChange;

  @Field(() => Date, { description: 'When the change was stored' })
  at!: Date;
}
