import { Gauge, type Registry } from 'prom-client';
import type { QueueAdmin, QueueCounts, QueueStats } from '../domain/ports/job-queue.port.js';

/** Metric `state` label of each QueueCounts field (BullMQ's state names). */
const STATES: Record<keyof QueueCounts, string> = {
  waiting: 'waiting', active: 'active', completed: 'completed', failed: 'failed', delayed: 'delayed', prioritized: 'prioritized', waitingChildren: 'waiting-children',
};

/**
 * Reads the queues' counts once per `cacheMs` at most, however often it is
 * asked (several scrapers, several gauges), and shares one read in flight.
 */
export class CachedQueueStats {
  private last: { at: number; stats: QueueStats[] } | undefined;
  private inFlight: Promise<QueueStats[]> | undefined;

  constructor(private readonly admin: Pick<QueueAdmin, 'stats'>, private readonly cacheMs: number) {}

  async get(): Promise<QueueStats[]> {
    if (this.last && Date.now() - this.last.at < this.cacheMs) return this.last.stats;
    this.inFlight ??= this.admin.stats().then((stats) => {
      this.last = { at: Date.now(), stats };
      return stats;
    }).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }
}

/**
 * `trawl_queue_jobs{queue,state}` and `trawl_queue_paused{queue}`, read from
 * BullMQ when scraped. A failed read leaves the gauges empty and sets
 * `trawl_queue_stats_up` to 0.
 */
export function registerQueueGauges(registry: Registry, stats: CachedQueueStats): void {
  const registers = [registry];
  const read = (): Promise<QueueStats[] | undefined> => stats.get().catch(() => undefined);
  new Gauge({
    name: 'trawl_queue_jobs', help: 'Jobs in each queue, by state (all workers)', labelNames: ['queue', 'state'], registers,
    async collect() {
      this.reset();
      for (const queue of (await read()) ?? []) {
        for (const [field, state] of Object.entries(STATES) as [keyof QueueCounts, string][]) this.set({ queue: queue.name, state }, queue.counts[field]);
      }
    },
  });
  new Gauge({
    name: 'trawl_queue_paused', help: 'Whether the queue is paused (1) or serving (0)', labelNames: ['queue'], registers,
    async collect() {
      this.reset();
      for (const queue of (await read()) ?? []) this.set({ queue: queue.name }, queue.isPaused ? 1 : 0);
    },
  });
  new Gauge({
    name: 'trawl_queue_stats_up', help: 'Whether the last read of queue counts from Redis worked (1) or failed (0)', registers,
    async collect() {
      this.set((await read()) ? 1 : 0);
    },
  });
}
