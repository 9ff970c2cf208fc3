/** Bounds of a live feed's polling interval: faster is refused load, slower is a stale dashboard. */
export const FEED_INTERVAL_BOUNDS = { minMs: 500, maxMs: 60_000 } as const;

/** Clamps a requested interval into the feed bounds (a missing or non-finite one gets `fallbackMs`). */
export function clampIntervalMs(requested: number | null | undefined, fallbackMs: number): number {
  const value = typeof requested === 'number' && Number.isFinite(requested) ? Math.round(requested) : fallbackMs;
  return Math.min(FEED_INTERVAL_BOUNDS.maxMs, Math.max(FEED_INTERVAL_BOUNDS.minMs, value));
}

interface Subscriber<T> {
  latest: { value: T } | undefined;
  waiting: ((result: IteratorResult<T>) => void) | undefined;
  done: boolean;
}

interface Loop<T> {
  subscribers: Set<Subscriber<T>>;
  timer: NodeJS.Timeout | undefined;
  started: boolean;
  stopped: boolean;
}

/**
 * Live snapshots read on a timer, with one loop per interval however many
 * subscribers share it: ten dashboards watching queue counts every second
 * cost one read a second, not ten. Each subscriber keeps only the newest
 * snapshot (a slow one skips, it never queues). A loop stops when its last
 * subscriber leaves (`return()` on its iterator).
 */
export class SharedPoller<T> {
  private readonly loops = new Map<number, Loop<T>>();
  private closed = false;

  /** `read` takes one snapshot; a failed read is reported to `onError` and the loop carries on. */
  constructor(private readonly read: () => Promise<T>, private readonly onError: (error: unknown) => void = () => undefined) {}

  /** A subscription at an already clamped interval; the first snapshot comes at once. */
  subscribe(intervalMs: number): AsyncIterableIterator<T> {
    const subscriber: Subscriber<T> = { latest: undefined, waiting: undefined, done: this.closed };
    const loop = this.loopFor(intervalMs);
    if (!subscriber.done) loop.subscribers.add(subscriber);
    const leave = (): void => {
      this.end(subscriber);
      loop.subscribers.delete(subscriber);
      if (loop.subscribers.size === 0) this.stop(intervalMs, loop);
    };
    const iterator: AsyncIterableIterator<T> = {
      next: () => {
        if (subscriber.latest) {
          const { value } = subscriber.latest;
          subscriber.latest = undefined;
          return Promise.resolve({ value, done: false });
        }
        if (subscriber.done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          subscriber.waiting = resolve;
        });
      },
      return: () => {
        leave();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    if (!loop.started && !loop.stopped) {
      loop.started = true;
      void this.tick(intervalMs, loop);
    }
    return iterator;
  }

  /** Intervals with a running loop and their subscriber counts. */
  activeLoops(): { intervalMs: number; subscribers: number }[] {
    return [...this.loops].map(([intervalMs, loop]) => ({ intervalMs, subscribers: loop.subscribers.size }));
  }

  /** Ends every subscription and stops every loop. Idempotent. */
  close(): void {
    this.closed = true;
    for (const [intervalMs, loop] of [...this.loops]) {
      for (const subscriber of loop.subscribers) this.end(subscriber);
      loop.subscribers.clear();
      this.stop(intervalMs, loop);
    }
  }

  private loopFor(intervalMs: number): Loop<T> {
    const existing = this.loops.get(intervalMs);
    if (existing) return existing;
    const loop: Loop<T> = { subscribers: new Set(), timer: undefined, started: false, stopped: this.closed };
    if (!this.closed) this.loops.set(intervalMs, loop);
    return loop;
  }

  /** One read, delivered to every subscriber; the next read is scheduled after this one ends (reads never overlap). */
  private async tick(intervalMs: number, loop: Loop<T>): Promise<void> {
    try {
      const value = await this.read();
      if (!loop.stopped) for (const subscriber of loop.subscribers) this.deliver(subscriber, value);
    } catch (error) {
      this.onError(error);
    }
    if (!loop.stopped) loop.timer = setTimeout(() => void this.tick(intervalMs, loop), intervalMs);
  }

  private deliver(subscriber: Subscriber<T>, value: T): void {
    if (subscriber.done) return;
    if (subscriber.waiting) {
      const resolve = subscriber.waiting;
      subscriber.waiting = undefined;
      resolve({ value, done: false });
      return;
    }
    subscriber.latest = { value };
  }

  private end(subscriber: Subscriber<T>): void {
    subscriber.done = true;
    subscriber.latest = undefined;
    subscriber.waiting?.({ value: undefined, done: true });
    subscriber.waiting = undefined;
  }

  private stop(intervalMs: number, loop: Loop<T>): void {
    loop.stopped = true;
    clearTimeout(loop.timer);
    loop.timer = undefined;
    if (this.loops.get(intervalMs) === loop) this.loops.delete(intervalMs);
  }
}
