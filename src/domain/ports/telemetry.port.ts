/** How a job attempt ended, for telemetry (a retry is a failed attempt with attempts left). */
export type AttemptOutcome = 'completed' | 'failed' | 'retry';

/** State of a site's circuit breaker as telemetry reports it. */
export type CircuitState = 'closed' | 'half_open' | 'open';

/**
 * What the domain reports about its work, for metrics. Calls are cheap and
 * never throw; an adapter bounds its label sets (a site beyond its cap is
 * reported as "other"). Adapter: Prometheus (src/observability/prom-telemetry.ts);
 * default: NO_TELEMETRY.
 */
export interface Telemetry {
  /** A response from `site` (host) with its status (0: no response, a network error or timeout) and the body bytes read. */
  httpResponse(site: string, status: number, bytes: number): void;
  /** A product was stored, with its completeness score (0..1). */
  productScraped(completeness: number): void;
  /** A request to `site` waited `ms` for politeness (`reason`: spacing, window, concurrency, breaker, robots, blocked). */
  politenessWait(site: string, reason: string, ms: number): void;
  /** The site's circuit breaker is now in `state`. */
  breakerState(site: string, state: CircuitState): void;
  /** A job attempt of `type` ended. */
  jobAttempt(type: string, outcome: AttemptOutcome, durationMs: number): void;
  /** A job of `type` went back to the delayed set without spending an attempt. */
  jobHeldBack(type: string, reason: string): void;
}

/** Telemetry that records nothing (tools, tests and services built without metrics). */
export const NO_TELEMETRY: Telemetry = {
  httpResponse: () => undefined,
  productScraped: () => undefined,
  politenessWait: () => undefined,
  breakerState: () => undefined,
  jobAttempt: () => undefined,
  jobHeldBack: () => undefined,
};
