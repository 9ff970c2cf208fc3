import { TrawlError, isTrawlError } from '../domain/errors.js';
import type { JobResultRecord } from '../domain/entities/scraping-job.js';
import type { ProductScrapeWrite } from '../domain/ports/storage.port.js';

/** The result record a product write stores, shared by every adapter. */
export function buildResultRecord(write: ProductScrapeWrite, productId: string, categoryId: string | undefined, now: Date): JobResultRecord {
  const result = categoryId ? { ...write.summary, productId, categoryId } : { ...write.summary, productId };
  return { jobId: write.jobId, type: 'product', url: write.summary.url, status: 'SUCCEEDED', result, errors: write.errors, createdAt: now };
}

/**
 * Wraps every method of a repository so that storage faults surface as
 * TrawlError: `isOutage` decides which driver errors mean "store unavailable"
 * (retryable); anything else becomes INTERNAL.
 */
export function guardStore<T extends object>(target: T, kind: string, isOutage: (error: unknown) => boolean): T {
  const translate = (error: unknown): never => {
    if (isTrawlError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (isOutage(error)) throw new TrawlError('STORE_UNAVAILABLE', `${kind} store unavailable: ${message}`, {}, { cause: error });
    throw new TrawlError('INTERNAL', `${kind} store error: ${message}`, {}, { cause: error });
  };
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'constructor') return value;
      return (...args: unknown[]) => {
        try {
          const result = (value as (...a: unknown[]) => unknown).apply(object, args);
          return result instanceof Promise ? result.catch(translate) : result;
        } catch (error) {
          return translate(error);
        }
      };
    },
  });
}
