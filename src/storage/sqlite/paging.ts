import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../domain/pagination.js';

export interface KeysetQuery {
  /** `FROM ... JOIN ...` part, with `t` as the alias of the table whose `id` is the sort key. */
  from: string;
  where: string[];
  params: unknown[];
}

/** Keyset pagination on `t.id` (UUIDv7, so creation order) with a total count. */
export function pageBy<Row, T>(db: Database, query: KeysetQuery, page: PageRequest, map: (row: Row) => T): Page<T> {
  const where = query.where.length > 0 ? `WHERE ${query.where.join(' AND ')}` : '';
  const totalCount = stmt(db, `SELECT COUNT(*) FROM ${query.from} ${where}`).pluck().get(...query.params) as number;
  const conditions = [...query.where];
  const params = [...query.params];
  if (page.after) {
    conditions.push('t.id > ?');
    params.push(decodeCursor(page.after));
  }
  const pageWhere = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = stmt(db, `SELECT t.* FROM ${query.from} ${pageWhere} ORDER BY t.id LIMIT ?`).all(...params, page.first + 1) as (Row & { id: string })[];
  const hasNextPage = rows.length > page.first;
  const kept = rows.slice(0, page.first);
  return { items: kept.map(map), cursors: kept.map((row) => encodeCursor(row.id)), totalCount, hasNextPage };
}

/** Returns rows for the given ids in the same order, null where missing. */
export function byIds<Row extends { id: string }, T>(db: Database, table: string, ids: readonly string[], map: (row: Row) => T): (T | null)[] {
  if (ids.length === 0) return [];
  const found = new Map<string, T>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = stmt(db, `SELECT * FROM ${table} WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as Row[];
    for (const row of rows) found.set(row.id, map(row));
  }
  return ids.map((id) => found.get(id) ?? null);
}

export const toDate = (ms: number | null | undefined): Date | undefined => (ms === null || ms === undefined ? undefined : new Date(ms));
export const fromDate = (date: Date | undefined): number | null => (date ? date.getTime() : null);

/** Copies the keys whose value is not undefined (exactOptional-friendly object building). */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}
