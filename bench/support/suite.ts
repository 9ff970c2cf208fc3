import type { Cleanup } from './cleanup.js';

/** One number a suite reports: a row of the results table. */
export interface Measurement {
  metric: string;
  value: number;
  unit: string;
}

/** Workload options from the command line; suites that have no use for one ignore it. */
export interface BenchOptions {
  /** Demo shop size of the campaign suite (`--products`); undefined: the suite's default. */
  products: number | undefined;
  /** `trawl worker` processes (`--workers`). */
  workers: number | undefined;
  /** Concurrency per worker process (`--concurrency`). */
  concurrency: number | undefined;
  /** Store the campaign suite persists to (`--store`). */
  store: 'sqlite' | 'mongo';
  /** Old-space ceiling of each `trawl worker` process in MB (`--worker-heap-mb`); 0: V8's own default; undefined: the suite's default. */
  workerHeapMb: number | undefined;
}

export const DEFAULT_BENCH_OPTIONS: BenchOptions = { products: undefined, workers: undefined, concurrency: undefined, store: 'sqlite', workerHeapMb: undefined };

export interface SuiteContext {
  /** Smaller workloads, for a run under a minute. */
  quick: boolean;
  options: BenchOptions;
  /** Everything the suite starts registers its undo here; the runner runs it even on failure. */
  cleanup: Cleanup;
  /** Progress line on stderr (the table goes to stdout). */
  log(message: string): void;
  /** Adds rows to the results as soon as they are known (kept if the suite fails later). */
  record(...measurements: Measurement[]): void;
  /** Raw data kept in the JSON report under `extras.<suite>.<key>` (series, breakdowns, options used). */
  extra(key: string, value: unknown): void;
}

export interface BenchSuite {
  name: string;
  description: string;
  run(context: SuiteContext): Promise<void>;
}
