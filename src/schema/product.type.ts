import { Field, Float, ID, Int, ObjectType, InputType } from 'type-graphql';
import { AvailabilityEnum } from './enums.js';
import { Money } from './money.type.js';
import { PageInfo } from './connection.type.js';
import { Node } from './node.type.js';

@ObjectType({ description: 'One option combination of a product (size, colour...)' })
export class ProductVariant {
  @Field(() => String, { nullable: true, description: 'Variant title, e.g. "M / Black"' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'Variant SKU' })
  sku?: string;

  @Field(() => [VariantOption], { description: 'Option name/value pairs' })
  options!: VariantOption[];

  @Field(() => Money, { nullable: true, description: 'Variant price when it differs or is known' })
  price?: Money;

  @Field(() => AvailabilityEnum, { description: 'Stock state of this variant' })
  availability!: AvailabilityEnum;
}

@ObjectType({ description: 'One option of a variant' })
export class VariantOption {
  @Field(() => String, { description: 'Option name, e.g. "Size"' })
  name!: string;

  @Field(() => String, { description: 'Option value, e.g. "M"' })
  value!: string;
}

@ObjectType({ description: 'Which extraction source a field came from' })
export class FieldSource {
  @Field(() => String, { description: 'Product field name' })
  field!: string;

  @Field(() => String, { description: 'Source: shopify-json, shopify, woocommerce, magento, bigcommerce, sfcc, json-ld, microdata, rdfa, opengraph, meta or markup' })
  source!: string;
}

@ObjectType({ description: 'A product: one per canonical URL per site, linked to every category it was found in', implements: Node })
export class Product {
  @Field(() => ID, { description: 'Stable id' })
  id!: string;

  @Field(() => String, { name: 'domain', description: 'Site the product belongs to' })
  site!: string;

  @Field(() => String, { description: 'URL the product was last fetched from' })
  url!: string;

  @Field(() => String, { description: 'Canonical URL (the identity of the product on its site)' })
  canonicalUrl!: string;

  @Field(() => String, { description: 'Product title' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Brand' })
  brand?: string;

  @Field(() => String, { nullable: true, description: 'Description text' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'Stock keeping unit' })
  sku?: string;

  @Field(() => String, { nullable: true, description: 'GTIN / EAN / UPC' })
  gtin?: string;

  @Field(() => String, { nullable: true, description: 'Manufacturer part number' })
  mpn?: string;

  @Field(() => Money, { nullable: true, description: 'Current price as shown to the buyer' })
  price?: Money;

  @Field(() => Money, { nullable: true, description: 'Regular price when the product is on sale' })
  compareAtPrice?: Money;

  @Field(() => AvailabilityEnum, { description: 'Stock state' })
  availability!: AvailabilityEnum;

  @Field(() => [String], { description: 'Absolute image URLs, deduplicated' })
  images!: string[];

  @Field(() => [String], { description: 'Breadcrumb trail as shown on the page' })
  breadcrumbs!: string[];

  @Field(() => Float, { nullable: true, description: 'Average rating' })
  rating?: number;

  @Field(() => Int, { nullable: true, description: 'Number of reviews' })
  reviewCount?: number;

  @Field(() => String, { nullable: true, description: 'Page language (BCP 47)' })
  language?: string;

  @Field(() => String, { nullable: true, description: 'E-commerce platform the page was recognised as (SHOPIFY, WOOCOMMERCE, ...)' })
  platform?: string;

  @Field(() => Float, { description: 'Completeness score from 0 to 1' })
  completeness!: number;

  @Field(() => Date, { description: 'When trawl first stored the product' })
  firstSeenAt!: Date;

  @Field(() => Date, { description: 'When the product record last changed' })
  updatedAt!: Date;

  @Field(() => Date, { description: 'When the product page was last scraped' })
  scrapedAt!: Date;
}

@ObjectType({ description: 'An edge of a product connection' })
export class ProductEdge {
  @Field(() => Product, { description: 'The product' })
  node!: Product;

  @Field(() => String, { description: 'Opaque cursor of this edge' })
  cursor!: string;
}

@ObjectType({ description: 'A page of products' })
export class ProductConnection {
  @Field(() => [ProductEdge], { description: 'The products of this page' })
  edges!: ProductEdge[];

  @Field(() => PageInfo, { description: 'Paging information' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of products matching the filter' })
  totalCount!: number;
}

@InputType({ description: 'Filters for products; all given filters apply' })
export class ProductFilter {
  @Field(() => ID, { nullable: true, description: 'Products seen by this campaign' })
  campaignId?: string;

  @Field(() => String, { nullable: true, description: 'Products of this site (host without www.)' })
  domain?: string;

  @Field(() => ID, { nullable: true, description: 'Products linked to this category' })
  categoryId?: string;

  @Field(() => Boolean, { nullable: true, description: 'With categoryId: also products of its subcategories, at any depth' })
  includeSubcategories?: boolean;

  @Field(() => [AvailabilityEnum], { nullable: true, description: 'Products in any of these stock states' })
  availability?: AvailabilityEnum[];

  @Field(() => Float, { nullable: true, description: 'Lowest price, inclusive (products without a price do not match)' })
  minPrice?: number;

  @Field(() => Float, { nullable: true, description: 'Highest price, inclusive (products without a price do not match)' })
  maxPrice?: number;

  @Field(() => String, { nullable: true, description: 'Products priced in this ISO 4217 currency' })
  currency?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive text found in the title or the brand (1 to 200 characters)' })
  text?: string;

  @Field(() => Date, { nullable: true, description: 'Products whose record changed at or after this time' })
  updatedSince?: Date;
}
