import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's Prometheus metrics. Label sets are bounded: job type, outcome, queue. */
export class Metrics {
  readonly registry = new Registry();
  readonly jobsProcessed: Counter<'type' | 'outcome'>;
  readonly jobDuration: Histogram<'type' | 'outcome'>;
  readonly jobsEnqueued: Counter<'type' | 'queue'>;

  constructor(role: string) {
    this.registry.setDefaultLabels({ role });
    collectDefaultMetrics({ register: this.registry, prefix: 'trawl_' });
    this.jobsProcessed = new Counter({
      name: 'trawl_jobs_processed_total', help: 'Job attempts finished, by job type and outcome (completed, failed, retry)',
      labelNames: ['type', 'outcome'], registers: [this.registry],
    });
    this.jobDuration = new Histogram({
      name: 'trawl_job_duration_seconds', help: 'Duration of job attempts by job type and outcome',
      labelNames: ['type', 'outcome'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [this.registry],
    });
    this.jobsEnqueued = new Counter({
      name: 'trawl_jobs_enqueued_total', help: 'Jobs enqueued, by job type and queue', labelNames: ['type', 'queue'], registers: [this.registry],
    });
  }

  recordAttempt(type: string, outcome: 'completed' | 'failed' | 'retry', durationMs: number): void {
    this.jobsProcessed.inc({ type, outcome });
    this.jobDuration.observe({ type, outcome }, durationMs / 1000);
  }

  contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
