/** How one subscription buffers events its consumer has not taken yet. */
export interface SubscribeOptions {
  /** Most undelivered events kept; beyond it the oldest is dropped (default: the bus's). */
  bufferSize?: number;
  /** Told each time an event is dropped for lack of buffer space. */
  onDrop?: () => void;
}

/**
 * Publish/subscribe for live events (job updates, campaign progress, domain
 * changes). An adapter may cross processes (Redis): then an event published
 * in a worker reaches subscribers in every API process, payloads travel as
 * JSON (plain objects, arrays, strings, numbers, booleans, null and `Date`s
 * survive) and publishing is best effort (an event published while the
 * transport is down is lost, never queued without bound).
 *
 * Subscriptions are async iterators ended by `return()`; a consumer slower
 * than its producers drops the oldest events beyond its buffer rather than
 * growing memory. `close()` ends every subscription and is idempotent.
 */
export interface EventBus {
  publish<T>(topic: string, payload: T): void;
  subscribe<T>(topic: string, options?: SubscribeOptions): AsyncIterableIterator<T>;
  close(): Promise<void>;
}
