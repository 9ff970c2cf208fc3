/**
 * How busy a worker process was over a sliding window: the time jobs spent
 * inside the processor divided by (capacity x window). Jobs still running
 * count up to now. Before a full window has passed, the time since start is
 * the denominator.
 */
export class BusyWindow {
  private readonly finished: { start: number; end: number }[] = [];
  private readonly running = new Set<{ start: number }>();
  private readonly createdAt: number;

  constructor(private readonly windowMs: number, private readonly now: () => number = () => performance.now()) {
    this.createdAt = now();
  }

  /** Marks a job as started; call the returned function once when it ends. */
  begin(): () => void {
    const entry = { start: this.now() };
    this.running.add(entry);
    return () => {
      if (!this.running.delete(entry)) return;
      this.finished.push({ start: entry.start, end: this.now() });
      this.prune();
    };
  }

  /** Busy share of `capacity` job slots over the window, 0..1. */
  ratio(capacity: number): number {
    const now = this.now();
    const from = Math.max(now - this.windowMs, this.createdAt);
    const span = now - from;
    if (span <= 0 || capacity <= 0) return 0;
    this.prune();
    let busy = 0;
    for (const { start, end } of this.finished) busy += Math.max(0, end - Math.max(start, from));
    for (const { start } of this.running) busy += now - Math.max(start, from);
    return Math.min(1, busy / (capacity * span));
  }

  private prune(): void {
    const horizon = this.now() - this.windowMs;
    let drop = 0;
    while (drop < this.finished.length && this.finished[drop]!.end <= horizon) drop += 1;
    if (drop > 0) this.finished.splice(0, drop);
  }
}
