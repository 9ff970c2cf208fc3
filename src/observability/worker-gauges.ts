import { Gauge, type Registry } from 'prom-client';

/** What a worker process tells about its load. */
export interface WorkerLoad {
  /** Jobs the process runs at once (its configured concurrency). */
  concurrency: number;
  activeJobs(): number;
  /** Busy share of the job slots over the recent window, 0..1. */
  busyRatio(): number;
}

/** `trawl_worker_busy_ratio`, `trawl_worker_active_jobs`, `trawl_worker_concurrency`, read when scraped. */
export function registerWorkerGauges(registry: Registry, load: WorkerLoad, windowSeconds: number): void {
  const registers = [registry];
  new Gauge({
    name: 'trawl_worker_busy_ratio', help: `Time jobs ran / (concurrency x time) over the last ${windowSeconds} s in this worker process (seed target 0.7)`, registers,
    collect() {
      this.set(load.busyRatio());
    },
  });
  new Gauge({
    name: 'trawl_worker_active_jobs', help: 'Jobs running in this worker process now', registers,
    collect() {
      this.set(load.activeJobs());
    },
  });
  new Gauge({ name: 'trawl_worker_concurrency', help: 'Jobs this worker process runs at once (configured)', registers }).set(load.concurrency);
}
