interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * A counting semaphore with a FIFO queue: at most `size` holders, the rest
 * wait in order. A waiter whose signal aborts leaves the queue with the
 * signal's reason.
 */
export class PageSlots {
  private holders = 0;
  private readonly waiters: Waiter[] = [];

  constructor(private readonly size: number) {}

  get inUse(): number {
    return this.holders;
  }

  get queued(): number {
    return this.waiters.length;
  }

  /** Resolves once a slot is held; call `release()` exactly once afterwards. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.holders < this.size && this.waiters.length === 0) {
      this.holders++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve, reject, signal,
        onAbort: () => {
          this.remove(waiter);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  release(): void {
    const next = this.waiters.shift();
    if (!next) {
      this.holders = Math.max(0, this.holders - 1);
      return;
    }
    next.signal?.removeEventListener('abort', next.onAbort);
    next.resolve();
  }

  /** Rejects every waiter (used on close). */
  rejectAll(reason: unknown): void {
    for (const waiter of this.waiters.splice(0)) {
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.reject(reason);
    }
  }

  private remove(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
  }
}
