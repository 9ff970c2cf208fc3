import type { Cleanup } from './cleanup.js';

/** One number a suite reports: a row of the results table. */
export interface Measurement {
  metric: string;
  value: number;
  unit: string;
}

export interface SuiteContext {
  /** Smaller workloads, for a run under a minute. */
  quick: boolean;
  /** Everything the suite starts registers its undo here; the runner runs it even on failure. */
  cleanup: Cleanup;
  /** Progress line on stderr (the table goes to stdout). */
  log(message: string): void;
  /** Adds rows to the results as soon as they are known (kept if the suite fails later). */
  record(...measurements: Measurement[]): void;
}

export interface BenchSuite {
  name: string;
  description: string;
  run(context: SuiteContext): Promise<void>;
}
