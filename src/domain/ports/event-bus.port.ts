/**
 * In-process publish/subscribe for live events (job updates, campaign progress).
 * Subscriptions are async iterators ended by `return()`; slow consumers drop
 * the oldest events beyond their buffer rather than growing memory.
 */
export interface EventBus {
  publish<T>(topic: string, payload: T): void;
  subscribe<T>(topic: string, options?: { bufferSize?: number }): AsyncIterableIterator<T>;
  close(): Promise<void>;
}
