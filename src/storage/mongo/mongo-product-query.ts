import type { Model, QueryFilter } from 'mongoose';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../domain/pagination.js';
import { decodeSortCursor, encodeSortCursor, literalRegex, SORT_KEYS, type ProductSort } from '../../domain/catalog-query.js';
import type { ProductFilter } from '../../domain/ports/storage.port.js';
import type { ProductDoc } from './mongo-models.js';

type Condition = Record<string, unknown>;

/** The conditions of a product filter, ANDed; each can use an index of `productSchema`. */
export function productConditions(filter: ProductFilter): Condition[] {
  const all: Condition[] = [];
  if (filter.site) all.push({ site: filter.site });
  if (filter.categoryId) all.push({ categoryIds: filter.categoryId });
  if (filter.categoryIds) all.push({ categoryIds: { $in: [...filter.categoryIds] } });
  if (filter.campaignId) all.push({ campaignIds: filter.campaignId });
  if (filter.availability) all.push({ availability: { $in: [...filter.availability] } });
  if (filter.minPrice !== undefined) all.push({ priceValue: { $gte: filter.minPrice } });
  if (filter.maxPrice !== undefined) all.push({ priceValue: { $lte: filter.maxPrice } });
  if (filter.currency) all.push({ 'price.currency': filter.currency });
  if (filter.text) {
    const pattern = { $regex: literalRegex(filter.text), $options: 'i' };
    all.push({ $or: [{ title: pattern }, { brand: pattern }] });
  }
  if (filter.updatedSince) all.push({ updatedAt: { $gte: filter.updatedSince } });
  return all;
}

const FIELDS = { updatedAt: 'updatedAt', price: 'priceValue', title: 'title' } as const;

/** "After this position" for a sort with ties on `_id` ascending; a missing price sorts lowest, as in SQLite. */
function afterPosition(field: string, descending: boolean, value: unknown, id: string): Condition {
  if (value === null) {
    return descending ? { [field]: null, _id: { $gt: id } } : { $or: [{ [field]: null, _id: { $gt: id } }, { [field]: { $ne: null } }] };
  }
  const beyond = { [field]: { [descending ? '$lt' : '$gt']: value } };
  const tie = { [field]: value, _id: { $gt: id } };
  return { $or: descending ? [beyond, tie, { [field]: null }] : [beyond, tie] };
}

const asFilter = (all: Condition[]): QueryFilter<ProductDoc> => (all.length === 0 ? {} : all.length === 1 ? all[0]! : { $and: all }) as QueryFilter<ProductDoc>;

/** A page of products in the given order, with the filter's total count: the same pages as the SQLite adapter. */
export async function pageProducts<T>(model: Model<ProductDoc>, filter: ProductFilter, page: PageRequest, sort: ProductSort, map: (doc: ProductDoc) => T): Promise<Page<T>> {
  const conditions = productConditions(filter);
  const totalCount = await model.countDocuments(asFilter(conditions));
  let order: Record<string, 1 | -1> = { _id: 1 };
  let keyOf = (doc: ProductDoc): string => encodeCursor(doc._id);
  if (sort === 'CREATED_ASC') {
    if (page.after) conditions.push({ _id: { $gt: decodeCursor(page.after) } });
  } else {
    const { field, descending } = SORT_KEYS[sort];
    const column = FIELDS[field];
    order = { [column]: descending ? -1 : 1, _id: 1 };
    if (page.after) {
      const position = decodeSortCursor(page.after, sort);
      const value = field === 'updatedAt' && typeof position.value === 'number' ? new Date(position.value) : position.value;
      conditions.push(afterPosition(column, descending, value, position.id));
    }
    keyOf = (doc) => {
      const raw = doc[column] as unknown;
      return encodeSortCursor(sort, { value: raw instanceof Date ? raw.getTime() : ((raw as string | number | undefined) ?? null), id: doc._id });
    };
  }
  const docs = await model.find(asFilter(conditions)).sort(order).limit(page.first + 1).lean<ProductDoc[]>();
  const kept = docs.slice(0, page.first);
  return { items: kept.map(map), cursors: kept.map(keyOf), totalCount, hasNextPage: docs.length > page.first };
}
