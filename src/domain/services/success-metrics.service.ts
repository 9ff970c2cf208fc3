import { invalidInput } from '../errors.js';
import type { QueueAdmin } from '../ports/job-queue.port.js';
import type { FinishedJobSample, QueueHistory } from '../ports/queue-history.port.js';
import type { Store } from '../ports/storage.port.js';
import type { WorkerRegistry } from '../ports/worker-registry.port.js';

/** The seed's success metrics over a window ending now. */
export interface SuccessMetrics {
  windowMinutes: number;
  from: Date;
  to: Date;
  /** Distinct products stored (new or updated) per minute. */
  productsPerMinute: number;
  jobsCompleted: number;
  /** Jobs failed for good. */
  jobsFailed: number;
  /** completed / (completed + failed); null when no job finished. */
  successRate: number | null;
  /** Mean and 95th percentile of enqueue-to-finish time of completed jobs still kept by the queues; null without samples. */
  queueTimeMeanMs: number | null;
  queueTimeP95Ms: number | null;
  /** Mean enqueue-to-start wait of those jobs. */
  queueWaitMeanMs: number | null;
  queueTimeSamples: number;
  /** Active jobs / job slots of the live workers (last heartbeats); null without workers. */
  workerUtilization: number | null;
  liveWorkers: number;
  /** Jobs waiting, prioritized, delayed or active now, all queues. */
  queueDepth: number;
  /** Jobs finished per minute over the window. */
  drainRatePerMinute: number;
  /** Jobs arriving per minute: drained plus the depth's growth since the oldest depth sample in the window; null before one exists. */
  fillRatePerMinute: number | null;
  /** Whether the queues drain at least as fast as they fill (or are empty); null when the fill rate is unknown. */
  depthStable: boolean | null;
}

export interface SuccessMetricsDeps {
  store: Store;
  history: QueueHistory;
  queues: Pick<QueueAdmin, 'stats'>;
  workers: Pick<WorkerRegistry, 'list'>;
  now?: () => number;
}

export const MAX_WINDOW_MINUTES = 24 * 60;
/** Finished jobs read per queue and outcome for queue times. */
const SAMPLE_LIMIT = 500;
/** A depth sample must be at least this old to estimate the fill rate. */
const MIN_DEPTH_SPAN_MS = 20_000;
/** Fill rates within this share of the drain rate count as stable. */
const STABLE_TOLERANCE = 0.05;

/**
 * Computes the seed's success metrics (throughput, queue time, success rate,
 * worker utilization, queue depth stability) from the store, the queues'
 * history and the worker registry. Keeps the queue depth it saw on each call,
 * for the fill rate of later calls.
 */
export class SuccessMetricsService {
  private readonly depths: { at: number; depth: number }[] = [];
  private readonly now: () => number;

  constructor(private readonly deps: SuccessMetricsDeps) {
    this.now = deps.now ?? Date.now;
  }

  async compute(windowMinutes: number): Promise<SuccessMetrics> {
    if (!Number.isFinite(windowMinutes) || windowMinutes <= 0 || windowMinutes > MAX_WINDOW_MINUTES) {
      throw invalidInput('windowMinutes', `windowMinutes must be above 0 and at most ${MAX_WINDOW_MINUTES}, got ${windowMinutes}`);
    }
    const to = this.now();
    const from = new Date(to - windowMinutes * 60_000);
    const [finished, samples, stats, workers, products] = await Promise.all([
      this.deps.history.finishedSince(from), this.deps.history.recentFinished(from, SAMPLE_LIMIT), this.deps.queues.stats(), this.deps.workers.list(),
      this.deps.store.products.list({ updatedSince: from }, { first: 0 }),
    ]);
    const queueDepth = stats.reduce((sum, q) => sum + q.counts.waiting + q.counts.prioritized + q.counts.delayed + q.counts.active, 0);
    const drainRatePerMinute = round((finished.completed + finished.failed) / windowMinutes);
    const fillRatePerMinute = this.fillRate(to, from.getTime(), queueDepth, drainRatePerMinute);
    const ended = finished.completed + finished.failed;
    return {
      windowMinutes, from, to: new Date(to),
      productsPerMinute: round(products.totalCount / windowMinutes),
      jobsCompleted: finished.completed, jobsFailed: finished.failed,
      successRate: ended > 0 ? round(finished.completed / ended) : null,
      ...queueTimes(samples),
      ...utilization(workers),
      queueDepth, drainRatePerMinute, fillRatePerMinute,
      depthStable: fillRatePerMinute === null ? null : queueDepth === 0 || fillRatePerMinute <= drainRatePerMinute * (1 + STABLE_TOLERANCE),
    };
  }

  /** Drain plus depth growth per minute since the oldest sample inside the window; records this depth. */
  private fillRate(now: number, from: number, depth: number, drain: number): number | null {
    while (this.depths.length > 0 && this.depths[0]!.at < now - MAX_WINDOW_MINUTES * 60_000) this.depths.shift();
    const oldest = this.depths.find((s) => s.at >= from);
    this.depths.push({ at: now, depth });
    if (this.depths.length > 2_000) this.depths.splice(0, this.depths.length - 2_000);
    if (!oldest || now - oldest.at < MIN_DEPTH_SPAN_MS) return null;
    return round(Math.max(0, drain + (depth - oldest.depth) / ((now - oldest.at) / 60_000)));
  }
}

function queueTimes(samples: readonly FinishedJobSample[]): Pick<SuccessMetrics, 'queueTimeMeanMs' | 'queueTimeP95Ms' | 'queueWaitMeanMs' | 'queueTimeSamples'> {
  const completed = samples.filter((s) => s.outcome === 'completed');
  const times = completed.map((s) => Math.max(0, s.finishedAt.getTime() - s.createdAt.getTime())).sort((a, b) => a - b);
  const waits = completed.flatMap((s) => (s.processedAt ? [Math.max(0, s.processedAt.getTime() - s.createdAt.getTime())] : []));
  if (times.length === 0) return { queueTimeMeanMs: null, queueTimeP95Ms: null, queueWaitMeanMs: null, queueTimeSamples: 0 };
  return {
    queueTimeMeanMs: Math.round(mean(times)),
    queueTimeP95Ms: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!,
    queueWaitMeanMs: waits.length > 0 ? Math.round(mean(waits)) : null,
    queueTimeSamples: times.length,
  };
}

function utilization(workers: readonly { concurrency: number; activeJobs: number }[]): Pick<SuccessMetrics, 'workerUtilization' | 'liveWorkers'> {
  const slots = workers.reduce((sum, w) => sum + w.concurrency, 0);
  const active = workers.reduce((sum, w) => sum + w.activeJobs, 0);
  return { workerUtilization: slots > 0 ? round(Math.min(1, active / slots)) : null, liveWorkers: workers.length };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
