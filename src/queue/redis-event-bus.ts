import type { RedisClient } from './redis-connection.js';
import type { EventBus, SubscribeOptions } from '../domain/ports/event-bus.port.js';
import type { Logger } from '../domain/ports/logger.port.js';

/** The in-process bus that delivers to this process's subscribers (MemoryEventBus). */
export interface LocalEventBus extends EventBus {
  listenerCount(topic: string): number;
  /** Number of topics with at least one subscription. */
  readonly topicCount: number;
}

export interface RedisEventBusOptions {
  /** Connection PUBLISH goes through; a fail-fast (producer) connection drops events while Redis is away instead of queueing them. Not owned. */
  publisher: RedisClient;
  /** Opens this process's one subscriber connection, on the first subscription. Absent: a publish-only bus. The bus owns and closes it. */
  subscriber?: () => RedisClient;
  /** Channel name prefix, e.g. `trawl:events:` (the queue prefix keeps deployments sharing a Redis apart). */
  channelPrefix: string;
  /** Delivers to local subscribers, with its bounded per-subscriber buffers. Owned: closed with the bus. */
  local: LocalEventBus;
  /** Topics fed in every process by other means (job topics): subscribing to them needs no Redis channel. */
  isLocalTopic?: (topic: string) => boolean;
  logger: Logger;
}

/**
 * Event bus across processes over Redis pub/sub: `publish` sends the event
 * to Redis (channel per topic) and every process subscribed to that topic
 * hands it to its local subscribers. One subscriber connection per process,
 * subscribed to exactly the channels local subscribers listen to; ioredis
 * resubscribes after a reconnect, so subscriptions survive a Redis restart
 * (events published while it was away are lost: live events are best effort).
 */
export class RedisEventBus implements EventBus {
  private connection: RedisClient | undefined;
  private readonly channels = new Map<string, number>();
  private readonly subscribing = new Set<Promise<unknown>>();
  private closed = false;
  /** Events not sent because Redis was unavailable (publish) or undecodable (receive). */
  lost = 0;

  constructor(private readonly options: RedisEventBusOptions) {}

  /** The in-process bus: publishing on it reaches this process's subscribers only (the queue listener feeds job topics there). */
  get local(): LocalEventBus {
    return this.options.local;
  }

  publish<T>(topic: string, payload: T): void {
    if (this.closed) return;
    const { publisher, channelPrefix, logger } = this.options;
    if (publisher.status !== 'ready') {
      this.lost++;
      return;
    }
    publisher.publish(`${channelPrefix}${topic}`, encodeEvent(payload)).catch((error: unknown) => {
      this.lost++;
      logger.debug({ err: error, topic }, 'event not published');
    });
  }

  subscribe<T>(topic: string, options: SubscribeOptions = {}): AsyncIterableIterator<T> {
    const inner = this.options.local.subscribe<T>(topic, options);
    if (this.closed || this.options.isLocalTopic?.(topic)) return inner;
    this.retain(topic);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      this.releaseChannel(topic);
    };
    const iterator: AsyncIterableIterator<T> = {
      next: async () => {
        const result = await inner.next();
        if (result.done) release();
        return result;
      },
      return: async () => {
        release();
        return (await inner.return?.()) ?? { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  private retain(topic: string): void {
    const count = this.channels.get(topic) ?? 0;
    this.channels.set(topic, count + 1);
    if (count > 0) return;
    const pending = this.subscriber()?.subscribe(`${this.options.channelPrefix}${topic}`).catch((error: unknown) => {
      this.options.logger.warn({ err: error, topic }, 'event channel subscription failed');
    });
    if (!pending) return;
    this.subscribing.add(pending);
    void pending.finally(() => this.subscribing.delete(pending));
  }

  /** Resolves once Redis has confirmed every channel subscription asked for so far (events published before may be missed). */
  async subscribed(): Promise<void> {
    await Promise.all([...this.subscribing]);
  }

  private releaseChannel(topic: string): void {
    const count = (this.channels.get(topic) ?? 1) - 1;
    if (count > 0) {
      this.channels.set(topic, count);
      return;
    }
    this.channels.delete(topic);
    if (this.closed || !this.connection) return;
    this.connection.unsubscribe(`${this.options.channelPrefix}${topic}`).catch(() => undefined);
  }

  private subscriber(): RedisClient | undefined {
    if (this.connection || !this.options.subscriber) return this.connection;
    const connection = this.options.subscriber();
    connection.on('message', (channel: string, message: string) => this.deliver(channel, message));
    this.connection = connection;
    return connection;
  }

  private deliver(channel: string, message: string): void {
    const { channelPrefix, local, logger } = this.options;
    if (!channel.startsWith(channelPrefix)) return;
    let payload: unknown;
    try {
      payload = decodeEvent(message);
    } catch (error) {
      this.lost++;
      logger.warn({ err: error, channel }, 'undecodable event ignored');
      return;
    }
    local.publish(channel.slice(channelPrefix.length), payload);
  }

  /** Number of Redis channels this process is subscribed to. */
  get channelCount(): number {
    return this.channels.size;
  }

  /** Ends every subscription and closes the subscriber connection. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.channels.clear();
    try {
      await this.options.local.close();
    } finally {
      this.connection?.disconnect();
    }
  }
}

/** JSON with `Date`s kept as `{ $date: ISO }`, so they come back as `Date`s. */
export function encodeEvent(payload: unknown): string {
  return JSON.stringify(payload, function replacer(this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : value;
  });
}

export function decodeEvent(message: string): unknown {
  return JSON.parse(message, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const tagged = value as { $date?: unknown };
      if (typeof tagged.$date === 'string' && Object.keys(value).length === 1) return new Date(tagged.$date);
    }
    return value;
  });
}
