import { performance } from 'node:perf_hooks';

/** Summary of timing samples, in milliseconds. */
export interface Stats {
  count: number;
  totalMs: number;
  meanMs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export interface MeasureOptions {
  /** Untimed calls first (JIT, caches, connection pools). */
  warmup: number;
  /** Timed calls. */
  iterations: number;
}

/** Nearest-rank percentile of ascending samples (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samplesMs: readonly number[]): Stats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const totalMs = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    totalMs,
    meanMs: sorted.length === 0 ? Number.NaN : totalMs / sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Times each call of `fn` separately (awaiting it when it returns a promise).
 * For calls of at least tens of microseconds; use `measureBatches` below that.
 */
export async function measure(fn: (iteration: number) => unknown, options: MeasureOptions): Promise<Stats> {
  for (let i = 0; i < options.warmup; i++) await fn(i);
  const samples: number[] = new Array<number>(options.iterations);
  for (let i = 0; i < options.iterations; i++) {
    const started = performance.now();
    await fn(i);
    samples[i] = performance.now() - started;
  }
  return summarize(samples);
}

export interface BatchOptions {
  /** Calls per timed batch. */
  batchSize: number;
  batches: number;
  warmupBatches: number;
}

/** Holds the last result of a timed call so the optimiser cannot drop the call. */
export let lastResult: unknown;

/** Times batches of a fast synchronous call; each sample is one batch. */
export function measureBatches(fn: (call: number) => unknown, options: BatchOptions): Stats {
  const batch = (): number => {
    const started = performance.now();
    for (let i = 0; i < options.batchSize; i++) lastResult = fn(i);
    return performance.now() - started;
  };
  for (let i = 0; i < options.warmupBatches; i++) batch();
  const samples: number[] = [];
  for (let i = 0; i < options.batches; i++) samples.push(batch());
  return summarize(samples);
}

/** Wall time of one async section, in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** Rate of `count` operations in `ms` milliseconds, per second. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : Number.NaN;
}

/** Rate of `count` operations in `ms` milliseconds, per minute. */
export function perMinute(count: number, ms: number): number {
  return ms > 0 ? (count * 60_000) / ms : Number.NaN;
}
