import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import type { Availability } from '../../domain/entities/product.js';
import type { ProductHistoryEntry, ProductState } from '../../domain/product-history.js';

interface HistoryRow {
  product_id: string;
  at: number;
  price_amount: string | null;
  price_currency: string | null;
  availability: string;
}

/** Records the state a product has from `now` on. Runs in the caller's transaction. */
export function appendHistory(db: Database, productId: string, state: ProductState, now: Date): void {
  stmt(db, 'INSERT INTO product_history (product_id, at, price_amount, price_currency, availability) VALUES (?, ?, ?, ?, ?)')
    .run(productId, now.getTime(), state.price?.amount ?? null, state.price?.currency ?? null, state.availability);
}

/** Newest first, at most `limit` per product (the newest entries). */
export function historyOf(db: Database, productIds: readonly string[], limit: number): Map<string, ProductHistoryEntry[]> {
  const result = new Map<string, ProductHistoryEntry[]>(productIds.map((id) => [id, []]));
  for (let i = 0; i < productIds.length; i += 500) {
    const chunk = productIds.slice(i, i + 500);
    const rows = stmt(db, `SELECT * FROM (
        SELECT h.*, ROW_NUMBER() OVER (PARTITION BY product_id ORDER BY at DESC, seq DESC) AS n FROM product_history h
        WHERE product_id IN (${chunk.map(() => '?').join(',')})
      ) WHERE n <= ? ORDER BY product_id, at DESC, seq DESC`).all(...chunk, limit) as HistoryRow[];
    for (const row of rows) {
      result.get(row.product_id)?.push({
        productId: row.product_id, at: new Date(row.at), availability: row.availability as Availability,
        ...(row.price_amount !== null && row.price_currency !== null ? { price: { amount: row.price_amount, currency: row.price_currency } } : {}),
      });
    }
  }
  return result;
}
