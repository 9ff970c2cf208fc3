import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { AttemptOutcome, CircuitState, Telemetry } from '../domain/ports/telemetry.port.js';
import { BoundedLabels, statusClassOf } from './bounded-labels.js';

const CIRCUIT_VALUE: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const COMPLETENESS_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/**
 * The telemetry port on prom-client. Label sets are bounded: job type,
 * outcome, status class, hold reason, and a site label capped at
 * `maxDomains` distinct sites per process (the rest are "other").
 */
export class PromTelemetry implements Telemetry {
  private readonly domains: BoundedLabels;
  private readonly jobsProcessed: Counter<'type' | 'outcome'>;
  private readonly jobDuration: Histogram<'type' | 'outcome'>;
  private readonly heldBack: Counter<'type' | 'reason'>;
  private readonly responses: Counter<'domain' | 'status_class'>;
  private readonly bytes: Counter<'domain'>;
  private readonly products: Counter;
  private readonly completeness: Histogram;
  private readonly waits: Counter<'domain' | 'reason'>;
  private readonly waitSeconds: Counter<'domain' | 'reason'>;
  private readonly circuit: Gauge<'domain'>;

  constructor(registry: Registry, maxDomains: number) {
    this.domains = new BoundedLabels(maxDomains);
    const registers = [registry];
    this.jobsProcessed = new Counter({
      name: 'trawl_jobs_processed_total', help: 'Job attempts finished, by job type and outcome (completed, failed for good, retry)', labelNames: ['type', 'outcome'], registers,
    });
    this.jobDuration = new Histogram({
      name: 'trawl_job_duration_seconds', help: 'Duration of job attempts, by job type and outcome', labelNames: ['type', 'outcome'], buckets: DURATION_BUCKETS, registers,
    });
    this.heldBack = new Counter({
      name: 'trawl_jobs_held_back_total', help: 'Jobs put back in the delayed set without spending an attempt (politeness, paused campaign), by job type and reason', labelNames: ['type', 'reason'], registers,
    });
    this.responses = new Counter({
      name: 'trawl_http_responses_total', help: 'HTTP responses from shops, by site (capped, the rest "other") and status class (error: no response)', labelNames: ['domain', 'status_class'], registers,
    });
    this.bytes = new Counter({ name: 'trawl_http_response_bytes_total', help: 'Response body bytes read from shops, by site (capped, the rest "other")', labelNames: ['domain'], registers });
    this.products = new Counter({ name: 'trawl_products_scraped_total', help: 'Products extracted and stored', registers });
    this.completeness = new Histogram({ name: 'trawl_product_completeness_ratio', help: 'Completeness score (0..1) of stored products', buckets: COMPLETENESS_BUCKETS, registers });
    this.waits = new Counter({ name: 'trawl_politeness_waits_total', help: 'Requests that had to wait for politeness, by site (capped) and reason', labelNames: ['domain', 'reason'], registers });
    this.waitSeconds = new Counter({ name: 'trawl_politeness_wait_seconds_total', help: 'Time requests waited for politeness, by site (capped) and reason', labelNames: ['domain', 'reason'], registers });
    this.circuit = new Gauge({
      name: 'trawl_circuit_breaker_state', help: 'Circuit breaker of a site as last seen by this process: 0 closed, 1 half-open, 2 open (sites beyond the cap share "other")', labelNames: ['domain'], registers,
    });
  }

  httpResponse(site: string, status: number, bytes: number): void {
    const domain = this.domains.of(site);
    this.responses.inc({ domain, status_class: statusClassOf(status) });
    if (bytes > 0) this.bytes.inc({ domain }, bytes);
  }

  productScraped(completeness: number): void {
    this.products.inc();
    if (Number.isFinite(completeness)) this.completeness.observe(Math.min(1, Math.max(0, completeness)));
  }

  politenessWait(site: string, reason: string, ms: number): void {
    const labels = { domain: this.domains.of(site), reason };
    this.waits.inc(labels);
    if (ms > 0) this.waitSeconds.inc(labels, ms / 1000);
  }

  breakerState(site: string, state: CircuitState): void {
    this.circuit.set({ domain: this.domains.of(site) }, CIRCUIT_VALUE[state]);
  }

  jobAttempt(type: string, outcome: AttemptOutcome, durationMs: number): void {
    this.jobsProcessed.inc({ type, outcome });
    this.jobDuration.observe({ type, outcome }, Math.max(0, durationMs) / 1000);
  }

  jobHeldBack(type: string, reason: string): void {
    this.heldBack.inc({ type, reason });
  }
}
