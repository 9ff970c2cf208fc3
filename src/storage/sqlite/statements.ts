import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();
const MAX_CACHED = 1000;

/**
 * A prepared statement for `sql`, prepared once per database and reused:
 * preparing is most of the cost of a small query. Bounded, oldest dropped.
 */
export function stmt(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(sql, statement);
  }
  return statement;
}
