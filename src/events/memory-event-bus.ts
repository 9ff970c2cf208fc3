import type { EventBus, SubscribeOptions } from '../domain/ports/event-bus.port.js';

interface Subscriber {
  push(payload: unknown): void;
  end(): void;
}

/**
 * In-process event bus. Each subscription has a bounded buffer: when a consumer
 * is slower than the producer the oldest undelivered events are dropped, so a
 * slow client can never grow server memory without bound.
 */
export class MemoryEventBus implements EventBus {
  private readonly topics = new Map<string, Set<Subscriber>>();
  private closed = false;

  constructor(private readonly defaultBufferSize = 256) {}

  publish<T>(topic: string, payload: T): void {
    const subscribers = this.topics.get(topic);
    if (!subscribers) return;
    for (const subscriber of subscribers) subscriber.push(payload);
  }

  /** Number of live subscriptions to a topic (lets publishers skip work nobody listens to). */
  listenerCount(topic: string): number {
    return this.topics.get(topic)?.size ?? 0;
  }

  /** Number of topics with at least one subscription. */
  get topicCount(): number {
    return this.topics.size;
  }

  subscribe<T>(topic: string, options: SubscribeOptions = {}): AsyncIterableIterator<T> {
    const limit = options.bufferSize ?? this.defaultBufferSize;
    const buffer: T[] = [];
    let waiting: ((result: IteratorResult<T>) => void) | undefined;
    let done = this.closed;
    const set = this.topics.get(topic) ?? new Set<Subscriber>();
    this.topics.set(topic, set);
    const finish = (): void => {
      done = true;
      set.delete(subscriber);
      if (set.size === 0) this.topics.delete(topic);
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
    };
    const subscriber: Subscriber = {
      push: (payload) => {
        if (waiting) {
          const resolve = waiting;
          waiting = undefined;
          resolve({ value: payload as T, done: false });
          return;
        }
        buffer.push(payload as T);
        if (buffer.length > limit) {
          buffer.shift();
          options.onDrop?.();
        }
      },
      end: finish,
    };
    if (!done) set.add(subscriber);
    const iterator: AsyncIterableIterator<T> = {
      next: () => {
        if (buffer.length > 0) return Promise.resolve({ value: buffer.shift() as T, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          waiting = resolve;
        });
      },
      return: () => {
        finish();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Ends every subscription. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    for (const set of this.topics.values()) for (const subscriber of [...set]) subscriber.end();
    this.topics.clear();
  }
}
