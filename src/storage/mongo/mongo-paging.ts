import type { Model, QueryFilter } from 'mongoose';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../domain/pagination.js';

/** Ids per `$in` query, so one huge DataLoader batch does not become one huge command. */
const ID_CHUNK = 500;

/**
 * Keyset pagination on `_id` ascending (UUIDv7, so creation order) with a
 * total count: the same pages as the SQLite adapter's `pageBy`.
 */
export async function pageBy<D extends { _id: string }, T>(model: Model<D>, filter: QueryFilter<D>, page: PageRequest, map: (doc: D) => T): Promise<Page<T>> {
  const totalCount = await model.countDocuments(filter);
  const query = page.after ? { $and: [filter, { _id: { $gt: decodeCursor(page.after) } }] } : filter;
  const docs = (await model.find(query as QueryFilter<D>).sort({ _id: 1 }).limit(page.first + 1).lean()) as D[];
  const hasNextPage = docs.length > page.first;
  const kept = docs.slice(0, page.first);
  return { items: kept.map(map), cursors: kept.map((doc) => encodeCursor(doc._id)), totalCount, hasNextPage };
}

/** Documents for the given ids in the order asked, null where missing. */
export async function byIds<D extends { _id: string }, T>(model: Model<D>, ids: readonly string[], map: (doc: D) => T): Promise<(T | null)[]> {
  if (ids.length === 0) return [];
  const found = new Map<string, T>();
  for (const chunk of chunks(ids)) {
    const docs = (await model.find({ _id: { $in: chunk } } as QueryFilter<D>).lean()) as D[];
    for (const doc of docs) found.set(doc._id, map(doc));
  }
  return ids.map((id) => found.get(id) ?? null);
}

/** Copies the keys whose value is neither undefined nor null (optional fields stay absent). */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** Splits ids into `$in`-sized chunks. */
export function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += ID_CHUNK) result.push(items.slice(i, i + ID_CHUNK));
  return result;
}
