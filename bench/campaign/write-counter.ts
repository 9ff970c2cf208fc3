import { AsyncLocalStorage } from 'node:async_hooks';
import type { Store } from '../../src/domain/ports/storage.port.js';

/**
 * Port methods that write, by name (see storage.port.ts): inserts, upserts,
 * status changes, counters, ledger entries, results. Reads (get, list, tally,
 * ...) are not counted.
 */
const WRITE_METHOD = /^(insert|upsert|create|put|set|update|record|add|finish|admit|reopen|transition|reserve|increment|mark|remove|purge|delete)/;

export interface WriteCounts {
  /** Port write calls made by the services (calls a store makes to itself inside one are not counted again). */
  total: number;
  /** Per `repository.method`, most first. */
  byMethod: { method: string; calls: number }[];
}

/**
 * Counts the write calls services make on a store, by replacing each write
 * method of each repository (and `recordProductScrape`) on the live store
 * object with a counting wrapper. Services hold the same object, so the count
 * covers every write of the runtime; nested calls (a store method calling its
 * own repositories inside a transaction) count once, as the outer port call.
 */
export function countStoreWrites(store: Store): { counts: () => WriteCounts } {
  const calls = new Map<string, number>();
  const inside = new AsyncLocalStorage<true>();
  const wrap = (target: Record<string, unknown>, name: string, label: string): void => {
    const original = target[name] as (...args: unknown[]) => unknown;
    target[name] = function counted(this: unknown, ...args: unknown[]): unknown {
      if (inside.getStore()) return original.apply(this, args);
      calls.set(label, (calls.get(label) ?? 0) + 1);
      return inside.run(true, () => original.apply(this, args));
    };
  };
  const root = store as unknown as Record<string, unknown>;
  for (const property of ['products', 'categories', 'campaigns', 'jobs', 'results', 'sites', 'ledger', 'deadLetters', 'schedules'] as const) {
    const repository = root[property] as Record<string, unknown>;
    for (const name of methodNames(repository)) if (WRITE_METHOD.test(name)) wrap(repository, name, `${property}.${name}`);
  }
  wrap(root, 'recordProductScrape', 'recordProductScrape');
  return {
    counts: () => {
      const byMethod = [...calls].map(([method, n]) => ({ method, calls: n })).sort((a, b) => b.calls - a.calls);
      return { total: byMethod.reduce((sum, row) => sum + row.calls, 0), byMethod };
    },
  };
}

/** Own and inherited method names of an object (class instances and object literals alike). */
function methodNames(object: object): string[] {
  const names = new Set<string>();
  for (let proto: object | null = object; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== 'constructor' && typeof (object as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names];
}
