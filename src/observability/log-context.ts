import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<Record<string, unknown>>();

/**
 * Runs `fn` with log bindings that every record logged inside it (by any
 * logger from createLogger, however deep in the call) carries: a job's
 * jobId/campaignId/domain/type, a request's requestId. The object may be
 * extended while `fn` runs (fields learnt later, such as a parsed campaign id).
 */
export function runWithLogContext<T>(bindings: Record<string, unknown>, fn: () => T): T {
  return storage.run(bindings, fn);
}

/** The bindings of the innermost context, if any. */
export function currentLogContext(): Record<string, unknown> | undefined {
  return storage.getStore();
}
