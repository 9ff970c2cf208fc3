import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../domain/pagination.js';
import { decodeSortCursor, encodeSortCursor, likePattern, SORT_KEYS, type ProductSort } from '../../domain/catalog-query.js';
import type { ProductFilter } from '../../domain/ports/storage.port.js';
import type { KeysetQuery } from './paging.js';

const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(',');

/** The WHERE clauses of a product filter, on `products t`. Each one can use an index of migration v5. */
export function productWhere(filter: ProductFilter): KeysetQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]): void => {
    where.push(clause);
    params.push(...values);
  };
  if (filter.site) add('t.site = ?', filter.site);
  if (filter.categoryId) add('t.id IN (SELECT product_id FROM product_categories WHERE category_id = ?)', filter.categoryId);
  if (filter.categoryIds) add(`t.id IN (SELECT product_id FROM product_categories WHERE category_id IN (${placeholders(filter.categoryIds)}))`, ...filter.categoryIds);
  if (filter.campaignId) add('t.id IN (SELECT product_id FROM product_campaigns WHERE campaign_id = ?)', filter.campaignId);
  if (filter.availability) add(`t.availability IN (${placeholders(filter.availability)})`, ...filter.availability);
  if (filter.minPrice !== undefined) add('t.price_value >= ?', filter.minPrice);
  if (filter.maxPrice !== undefined) add('t.price_value <= ?', filter.maxPrice);
  if (filter.currency) add('t.price_currency = ?', filter.currency);
  if (filter.text) add("(t.title LIKE ? ESCAPE '\\' OR t.brand LIKE ? ESCAPE '\\')", likePattern(filter.text), likePattern(filter.text));
  if (filter.updatedSince) add('t.updated_at >= ?', filter.updatedSince.getTime());
  return { from: 'products t', where, params };
}

const COLUMNS = { updatedAt: 't.updated_at', price: 't.price_value', title: 't.title' } as const;

/** The keyset condition "after this position" for a sort (ties on `t.id` ascending; NULL prices sort lowest). */
function afterPosition(column: string, descending: boolean, value: string | number | null, id: string): { clause: string; params: unknown[] } {
  if (value === null) {
    // NULLs come first ascending (then every non-NULL) and last descending (nothing after but NULLs).
    return descending
      ? { clause: `(${column} IS NULL AND t.id > ?)`, params: [id] }
      : { clause: `((${column} IS NULL AND t.id > ?) OR ${column} IS NOT NULL)`, params: [id] };
  }
  const beyond = descending ? '<' : '>';
  const nulls = descending ? ` OR ${column} IS NULL` : '';
  return { clause: `(${column} ${beyond} ? OR (${column} = ? AND t.id > ?)${nulls})`, params: [value, value, id] };
}

/** A page of products in the given order, with the total count of the filter. */
export function pageProducts<Row extends { id: string }, T>(db: Database, filter: ProductFilter, page: PageRequest, sort: ProductSort, map: (row: Row) => T): Page<T> {
  const query = productWhere(filter);
  const whereOf = (clauses: string[]) => (clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '');
  const totalCount = stmt(db, `SELECT COUNT(*) FROM ${query.from} ${whereOf(query.where)}`).pluck().get(...query.params) as number;
  const clauses = [...query.where];
  const params = [...query.params];
  let order = 't.id';
  let keyOf: (row: Row) => string = (row) => encodeCursor(row.id);
  if (sort === 'CREATED_ASC') {
    if (page.after) {
      clauses.push('t.id > ?');
      params.push(decodeCursor(page.after));
    }
  } else {
    const { field, descending } = SORT_KEYS[sort];
    const column = COLUMNS[field];
    order = `${column} ${descending ? 'DESC' : 'ASC'}, t.id`;
    if (page.after) {
      const position = decodeSortCursor(page.after, sort);
      const condition = afterPosition(column, descending, position.value, position.id);
      clauses.push(condition.clause);
      params.push(...condition.params);
    }
    const raw = column.slice(2);
    keyOf = (row) => encodeSortCursor(sort, { value: (row as unknown as Record<string, string | number | null>)[raw] ?? null, id: row.id });
  }
  const rows = stmt(db, `SELECT t.* FROM ${query.from} ${whereOf(clauses)} ORDER BY ${order} LIMIT ?`).all(...params, page.first + 1) as Row[];
  const kept = rows.slice(0, page.first);
  return { items: kept.map(map), cursors: kept.map(keyOf), totalCount, hasNextPage: rows.length > page.first };
}
