import { isTrawlError } from '../domain/errors.js';
import type { Store } from '../domain/ports/storage.port.js';

export interface ResilientStoreOptions {
  /** How long one call keeps retrying through an outage before its STORE_UNAVAILABLE reaches the caller (0: never retry). */
  retryMs: number;
  /** First pause between tries; doubles up to 2 s. */
  firstDelayMs?: number;
  /** Told once per call that starts retrying (logs). */
  onOutage?: (operation: string, error: unknown) => void;
}

/**
 * Calls that must not run twice: a retry after a network error that hid a
 * successful write would add counters twice, reserve slots twice or create a
 * second campaign. Every other store write is idempotent (upserts, inserts
 * that ignore existing keys, guarded status transitions).
 */
const NOT_REPEATABLE = new Set(['campaigns.create', 'campaigns.incrementCounters', 'campaigns.reserveProducts']);

function isOutage(error: unknown): boolean {
  return isTrawlError(error) && error.code === 'STORE_UNAVAILABLE';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `call` after an outage `first` failed with, until it succeeds, fails otherwise, or `retryMs` has passed. */
async function retryAfter<T>(operation: string, first: Promise<T>, call: () => Promise<T>, options: ResilientStoreOptions): Promise<T> {
  const deadline = Date.now() + options.retryMs;
  let delay = options.firstDelayMs ?? 250;
  let attempt = first;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt;
    } catch (error) {
      if (!isOutage(error) || Date.now() + delay > deadline) throw error;
      if (tries === 0) options.onOutage?.(operation, error);
      await sleep(delay);
      delay = Math.min(delay * 2, 2_000);
      attempt = call();
    }
  }
}

/** Calls `fn`; a promise it returns is retried through outages, a plain value is passed through. */
function retrying(operation: string, fn: (...args: unknown[]) => unknown, self: object, options: ResilientStoreOptions) {
  return (...args: unknown[]): unknown => {
    const result = fn.apply(self, args);
    if (!(result instanceof Promise)) return result;
    return retryAfter(operation, result, () => fn.apply(self, args) as Promise<unknown>, options);
  };
}

function wrapMethods<T extends object>(target: T, name: string, options: ResilientStoreOptions): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor') return value;
      const operation = `${name}.${property}`;
      if (NOT_REPEATABLE.has(operation)) return value.bind(object);
      return retrying(operation, value as (...args: unknown[]) => unknown, object, options);
    },
  });
}

/**
 * A Store decorator for outages: adapters already turn "locked, read-only,
 * disk full, unreachable" into the retryable STORE_UNAVAILABLE; this one
 * retries repeatable calls with backoff for up to `retryMs`, so a short
 * outage (a lock held a few seconds, a server restarting) costs a pause
 * instead of a failed job attempt. `ping` and `close` are never retried.
 */
export function resilientStore(store: Store, options: ResilientStoreOptions): Store {
  if (options.retryMs <= 0) return store;
  // Repositories (every object-valued property) get their methods wrapped, once each.
  const repositories = new Map<string, object>();
  return new Proxy(store, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof property !== 'string') return value;
      if (typeof value === 'object' && value !== null && !(value instanceof Promise)) {
        if (!repositories.has(property)) repositories.set(property, wrapMethods(value, property, options));
        return repositories.get(property);
      }
      if (property === 'recordProductScrape' && typeof value === 'function') {
        return retrying('recordProductScrape', value as (...args: unknown[]) => unknown, object, options);
      }
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
