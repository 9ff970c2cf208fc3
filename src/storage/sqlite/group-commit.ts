/** One write's fate inside a group: its own value, or its own error (the others are unaffected). */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** Writes committed together at most; a full batch is committed at once. Default 128. */
  maxBatch?: number;
  /**
   * How long the first write of a batch waits for others before the batch
   * is committed. 0 (the default): the next event-loop turn, so only writes
   * that arrive while the loop is busy share a transaction.
   */
  windowMs?: number;
}

/**
 * Group commit: writes that arrive within a short window (by default while
 * the event loop is busy: the same turn, or until the pending batch is
 * flushed on the next one) are committed by one `commit` call, i.e. one
 * SQLite transaction, instead of one each. Every transaction writes each
 * page it touched to the WAL once, and consecutive products share index
 * pages, so fewer, larger transactions write far fewer pages.
 * `commit` settles every write on its own (a savepoint each), so one bad
 * write fails alone; if `commit` itself throws (the database is locked or
 * read-only) every write of the batch fails with that error.
 */
export class GroupCommit<W, R> {
  private pending: { write: W; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  /** Cancels the scheduled flush of the pending batch; undefined when none is scheduled. */
  private cancelFlush: (() => void) | undefined;
  private readonly maxBatch: number;
  private readonly windowMs: number;

  constructor(private readonly commit: (writes: readonly W[]) => Settled<R>[], options: GroupCommitOptions = {}) {
    this.maxBatch = options.maxBatch ?? 128;
    this.windowMs = options.windowMs ?? 0;
  }

  add(write: W): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else this.cancelFlush ??= this.scheduleFlush();
    });
  }

  /** Commits what is pending now (also called before the database closes). */
  flush(): void {
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let settled: Settled<R>[];
    try {
      settled = this.commit(batch.map((entry) => entry.write));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, i) => {
      const outcome = settled[i];
      if (outcome?.ok) entry.resolve(outcome.value);
      else entry.reject(outcome ? outcome.error : new Error('group commit returned no outcome for a write'));
    });
  }

  private scheduleFlush(): () => void {
    if (this.windowMs > 0) {
      const timer = setTimeout(() => this.flush(), this.windowMs);
      return () => clearTimeout(timer);
    }
    const immediate = setImmediate(() => this.flush());
    return () => clearImmediate(immediate);
  }
}
