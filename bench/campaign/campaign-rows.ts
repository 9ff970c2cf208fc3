import type { Measurement } from '../support/suite.js';
import type { Calibration } from './calibration.js';
import type { CampaignBenchOptions } from './campaign-options.js';
import type { CampaignRun } from './campaign-run.js';
import type { EnqueueProbe } from './enqueue-probe.js';

export interface CampaignResults {
  options: CampaignBenchOptions;
  run: CampaignRun;
  probe: EnqueueProbe;
  calibration: Calibration;
  /** Rows per table of the campaign's SQLite file (SQLite runs). */
  sqliteRows: { table: string; rows: number }[] | undefined;
}

const SCRIPT_COMMANDS = new Set(['evalsha', 'eval', 'evalsha_ro', 'eval_ro', 'fcall', 'fcall_ro']);

/** The table rows of a campaign benchmark, headline figures first. */
export function campaignRows({ options, run, probe, calibration, sqliteRows }: CampaignResults): Measurement[] {
  const f = run.figures;
  const stored = Math.max(f.productsStored, 1);
  const heap = options.workerHeapMb ? `, heap ${options.workerHeapMb} MB` : ', V8 default heap';
  const size = `${options.products.toLocaleString('en-US')} products, ${options.workers} workers x c${options.concurrency}${heap}, ${options.store}`;
  const scripts = run.redisCommandsTop.filter((row) => SCRIPT_COMMANDS.has(row.command)).reduce((sum, row) => sum + row.calls, 0);
  const rows: Measurement[] = [
    { metric: `end-to-end campaign time (${size})`, value: run.endToEndMs / 1000, unit: 's' },
    { metric: 'processing rate, overall (products stored / end-to-end time)', value: (f.productsStored * 60_000) / run.endToEndMs, unit: 'products/min' },
    { metric: 'processing rate, steady state (10% -> 90% of product jobs done)', value: f.steadyProductsPerMin, unit: 'products/min' },
    { metric: 'job latency p50 (product job enqueued -> finished)', value: f.latencyP50Ms, unit: 'ms' },
    { metric: 'job latency p95 (product job enqueued -> finished)', value: f.latencyP95Ms, unit: 'ms' },
    { metric: 'time to first stored product (campaign created -> first product job done)', value: f.firstProductMs, unit: 'ms' },
    { metric: 'enqueue rate, listing fan-out (first -> last product job of the campaign)', value: f.fanOutJobsPerMin, unit: 'jobs/min' },
    { metric: `bulk enqueue (JobService.enqueueMany, batches of ${probe.batch}, ${probe.inFlight} in flight, ${probe.jobs} jobs)`, value: probe.serviceJobsPerMin, unit: 'jobs/min' },
    { metric: `bulk enqueue (BullMQ queue port, batches of ${probe.batch}, ${probe.inFlight} in flight)`, value: probe.portJobsPerMin, unit: 'jobs/min' },
    { metric: 'Redis memory per waiting job (used_memory delta / jobs)', value: probe.redisBytesPerWaitingJob, unit: 'bytes/job' },
    { metric: 'Redis commands per product (INFO commandstats delta, incl. inside Lua)', value: run.redisCommands / stored, unit: 'commands/product' },
    { metric: 'Redis script calls per product (EVALSHA etc., round trips)', value: scripts / stored, unit: 'calls/product' },
    { metric: `storage writes per product (port write calls, in-process run of ${calibration.products})`, value: calibration.writesPerProduct, unit: 'writes/product' },
    { metric: 'storage product writes per product (recordProductScrape, all or nothing; SQLite commits them in groups)', value: calibration.productTransactionsPerProduct, unit: 'writes/product' },
  ];
  if (sqliteRows) rows.push({ metric: 'SQLite rows per product (all tables, after the campaign)', value: sqliteRows.reduce((sum, r) => sum + r.rows, 0) / stored, unit: 'rows/product' });
  rows.push(
    { metric: 'products stored', value: f.productsStored, unit: 'products' },
    { metric: 'products expected (public, listed in the selected categories)', value: f.productsExpected, unit: 'products' },
    { metric: 'products skipped / failed (campaign ledger)', value: f.productsSkipped + f.productsFailed, unit: 'products' },
    { metric: 'jobs recorded (site, category, product)', value: f.jobs, unit: 'jobs' },
    { metric: 'jobs failed', value: f.failedJobs, unit: 'jobs' },
  );
  for (const memory of run.memory) rows.push({ metric: `peak RSS, ${memory.name} (VmHWM)`, value: Math.max(memory.hwmMb, memory.peakRssMb), unit: 'MB' });
  for (const cpu of run.cpu) {
    rows.push({ metric: `CPU during the campaign, ${cpu.name}`, value: cpu.cpuMs / stored, unit: 'ms/product' });
  }
  for (const worker of run.workerRss) {
    rows.push({ metric: `RSS ${worker.name} at campaign start / middle / end`, value: worker.startMb, unit: 'MB (start)' });
    rows.push({ metric: `RSS ${worker.name} at campaign start / middle / end`, value: worker.midMb, unit: 'MB (middle)' });
    rows.push({ metric: `RSS ${worker.name} at campaign start / middle / end`, value: worker.endMb, unit: 'MB (end)' });
    rows.push({ metric: `RSS ${worker.name} median, first / last third of the campaign`, value: worker.firstThirdMedianMb, unit: 'MB (first third)' });
    rows.push({ metric: `RSS ${worker.name} median, first / last third of the campaign`, value: worker.lastThirdMedianMb, unit: 'MB (last third)' });
  }
  for (const feed of run.feeds) {
    rows.push({ metric: `subscription ${feed.name}: events during the run`, value: feed.events, unit: 'events' });
    rows.push({ metric: `subscription ${feed.name}: largest gap between events`, value: feed.maxGapMs, unit: 'ms' });
  }
  return rows;
}
