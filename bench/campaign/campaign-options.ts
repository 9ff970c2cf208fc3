import type { BenchOptions } from '../support/suite.js';

/** Defaults of the campaign suite (concurrency chosen by measuring on a 2-core machine; see the README's Benchmarks section). */
export const CAMPAIGN_DEFAULTS = {
  products: 10_000,
  quickProducts: 1000,
  workers: 2,
  concurrency: 8,
  /** The deployment recipes' worker heap ceiling (NODE_OPTIONS=--max-old-space-size=1024; see deploy/README.md). */
  workerHeapMb: 1024,
  /** Jobs enqueued with no workers to measure Redis memory per waiting job and the bulk enqueue rate. */
  probeJobs: 20_000,
  quickProbeJobs: 5000,
  /** Products of the in-process calibration campaign that counts store writes. */
  calibrationProducts: 1000,
  quickCalibrationProducts: 300,
  /** Interval of the per-process RSS samples. */
  sampleMs: 500,
} as const;

/** What one campaign benchmark run does. */
export interface CampaignBenchOptions {
  products: number;
  workers: number;
  concurrency: number;
  store: 'sqlite' | 'mongo';
  /** Old-space ceiling of each worker process in MB; 0: V8's default. */
  workerHeapMb: number;
  probeJobs: number;
  calibrationProducts: number;
  sampleMs: number;
  /** A campaign that stops progressing this long fails the run. */
  stallLimitMs: number;
}

export function campaignOptions(options: BenchOptions, quick: boolean): CampaignBenchOptions {
  const products = options.products ?? (quick ? CAMPAIGN_DEFAULTS.quickProducts : CAMPAIGN_DEFAULTS.products);
  return {
    products,
    workers: options.workers ?? CAMPAIGN_DEFAULTS.workers,
    concurrency: options.concurrency ?? CAMPAIGN_DEFAULTS.concurrency,
    store: options.store,
    workerHeapMb: options.workerHeapMb ?? CAMPAIGN_DEFAULTS.workerHeapMb,
    probeJobs: quick ? CAMPAIGN_DEFAULTS.quickProbeJobs : CAMPAIGN_DEFAULTS.probeJobs,
    calibrationProducts: Math.min(products, quick ? CAMPAIGN_DEFAULTS.quickCalibrationProducts : CAMPAIGN_DEFAULTS.calibrationProducts),
    sampleMs: CAMPAIGN_DEFAULTS.sampleMs,
    stallLimitMs: 60_000,
  };
}
