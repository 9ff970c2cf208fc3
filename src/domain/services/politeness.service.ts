import { HeldBack, isTrawlError, TrawlError, unreachable } from '../errors.js';
import type { Logger } from '../ports/logger.port.js';
import type { FetchOptions, FetchedPage, PageFetcher } from '../ports/page-fetcher.port.js';
import type { AdmissionPolicy, BreakerState, HoldReason, RequestOutcome, SitePoliteness } from '../ports/site-politeness.port.js';
import type { Telemetry } from '../ports/telemetry.port.js';
import { siteOf } from '../url.js';
import type { SharedRobots } from './politeness-robots.js';

/** Deployment-wide politeness settings (the job brings its own spacing). */
export interface PolitenessSettings {
  /** Obey robots.txt at all (a job may also opt out with `respectRobotsTxt: false`). */
  respectRobots: boolean;
  /** Requests in flight to one site, all workers together; 0 = no cap. */
  maxConcurrency: number;
  /** Requests to one site per `intervalMs`; 0 = no cap. */
  maxRequests: number;
  intervalMs: number;
  /** A request slot not given back within this time is freed. */
  leaseMs: number;
  /** Waits up to this long (in total per request) are slept in the worker; longer ones hold the job back. */
  sleepMaxMs: number;
  /** Least time a job waits after its request was blocked while the breaker is still closed. */
  blockedHoldMs: number;
}

export interface PolitenessDeps {
  politeness: SitePoliteness;
  /** robots.txt per origin; absent, robots.txt is not consulted here. */
  robots?: SharedRobots;
  settings: PolitenessSettings;
  logger: Logger;
  /** Told about politeness waits and circuit breaker states; default: nothing is reported. */
  telemetry?: Telemetry;
}

/** The job's own politeness settings (a ScrapeSettings fits), and its abort signal. */
export interface PoliteRequest {
  rateLimitDelayMs: number;
  respectRobotsTxt: boolean;
  signal?: AbortSignal;
}

const CLOSED: BreakerState = { state: 'closed', consecutiveBlocks: 0, waitMs: 0 };

/** Crawl-delay values above this are read as this (a typo must not park a site for days). */
export const MAX_CRAWL_DELAY_MS = 60_000;

/**
 * Every request trawl sends to a shop goes through here: robots.txt first
 * (disallowed: ROBOTS_DISALLOWED, permanent; unreachable: held back), then an
 * admission shared by all workers (spacing, window, concurrency cap, circuit
 * breaker). Short waits are slept; longer ones throw HeldBack, so the job is
 * delayed without spending an attempt. A blocked answer (429, 403, challenge
 * page) feeds the breaker and holds the job back too, for at least its
 * Retry-After.
 */
export class PolitenessService {
  constructor(private readonly deps: PolitenessDeps) {}

  async request<T>(url: string, request: PoliteRequest, send: () => Promise<T>): Promise<T> {
    const site = siteOf(url);
    const crawlDelayMs = await this.checkRobots(url, request);
    const s = this.deps.settings;
    const policy: AdmissionPolicy = {
      minDelayMs: Math.max(request.rateLimitDelayMs, Math.min(crawlDelayMs ?? 0, MAX_CRAWL_DELAY_MS)),
      maxRequests: s.maxRequests, intervalMs: s.intervalMs, maxConcurrency: s.maxConcurrency, leaseMs: s.leaseMs,
    };
    const { lease, settled } = await this.admit(site, policy, request.signal);
    let result: T;
    try {
      result = await send();
    } catch (error) {
      const outcome = outcomeOf(error);
      const breaker = await this.release(site, lease, settled, outcome);
      if (outcome.kind === 'blocked') throw this.blocked(site, url, outcome, breaker);
      throw error;
    }
    await this.release(site, lease, settled, { kind: 'ok' });
    return result;
  }

  /** A PageFetcher that sends every fetch through `request` with the job's settings (closing it closes nothing). */
  fetcherFor(fetcher: PageFetcher, request: PoliteRequest): PageFetcher {
    return {
      fetch: (url: string, options: FetchOptions): Promise<FetchedPage> => this.request(url, request, () => fetcher.fetch(url, options)),
      close: async () => undefined,
    };
  }

  /** Throws when robots.txt forbids the URL or cannot be read; returns the Crawl-delay otherwise. */
  private async checkRobots(url: string, request: PoliteRequest): Promise<number | undefined> {
    if (!this.deps.robots || !this.deps.settings.respectRobots || !request.respectRobotsTxt) return undefined;
    const verdict = await this.deps.robots.forUrl(url, request.signal);
    const origin = new URL(url).origin;
    if (verdict.kind === 'unreachable') {
      this.deps.telemetry?.politenessWait(siteOf(url), 'robots-unreachable', verdict.retryInMs);
      throw new HeldBack(verdict.retryInMs, `robots.txt of ${origin} is unreachable (${verdict.reason}); nothing is fetched from it until it can be read`, { url });
    }
    if (!verdict.policy.isAllowed(url)) {
      throw new TrawlError('ROBOTS_DISALLOWED', `robots.txt of ${origin} disallows ${url} for trawl`, { url });
    }
    return verdict.policy.crawlDelayMs;
  }

  private async admit(site: string, policy: AdmissionPolicy, signal?: AbortSignal): Promise<{ lease: string; settled: boolean }> {
    let slept = 0;
    for (;;) {
      const admission = await this.deps.politeness.admit(site, policy);
      if (admission.granted) return admission;
      this.deps.telemetry?.politenessWait(site, admission.reason, admission.waitMs);
      if (admission.reason === 'breaker-open' || admission.reason === 'breaker-probing') {
        this.deps.telemetry?.breakerState(site, admission.reason === 'breaker-open' ? 'open' : 'half_open');
      }
      if (slept + admission.waitMs > this.deps.settings.sleepMaxMs) {
        throw new HeldBack(withJitter(admission.waitMs), `${site}: ${describeHold(admission.reason)}`, { site, reason: admission.reason });
      }
      await sleep(admission.waitMs, signal);
      slept += admission.waitMs;
    }
  }

  /**
   * Gives the lease back; a Redis failure here is logged, not thrown (the lease expires anyway).
   * A settled grant (no lease, a breaker holding nothing) has only a block to report: anything
   * else would be a round trip that changes nothing.
   */
  private async release(site: string, lease: string, settled: boolean, outcome: RequestOutcome): Promise<BreakerState> {
    if (settled && outcome.kind !== 'blocked') return CLOSED;
    try {
      const breaker = await this.deps.politeness.release(site, lease, outcome);
      this.deps.telemetry?.breakerState(site, breaker.state);
      return breaker;
    } catch (error) {
      this.deps.logger.warn({ site, err: error }, 'could not release a politeness lease; it will expire');
      return CLOSED;
    }
  }

  private blocked(site: string, url: string, outcome: Extract<RequestOutcome, { kind: 'blocked' }>, breaker: BreakerState): HeldBack {
    const delayMs = Math.max(breaker.waitMs, outcome.retryAfterMs ?? 0, this.deps.settings.blockedHoldMs);
    this.deps.telemetry?.politenessWait(site, 'blocked', delayMs);
    const what = outcome.challenge ? `a ${outcome.challenge} challenge page` : `HTTP ${outcome.httpStatus ?? '?'}`;
    const state = breaker.state === 'open' ? `circuit breaker open after ${breaker.consecutiveBlocks} blocks in a row` : `${breaker.consecutiveBlocks} block(s) in a row`;
    this.deps.logger.warn({ site, url, httpStatus: outcome.httpStatus, challenge: outcome.challenge, breaker: breaker.state, delayMs }, 'site blocked a request');
    return new HeldBack(delayMs, `${site} answered ${url} with ${what} (${state})`, { site, url, breaker: breaker.state, ...(outcome.httpStatus ? { httpStatus: outcome.httpStatus } : {}) });
  }
}

/**
 * What a failed request says about the site: 429, 403 and challenge pages
 * are blocks; other HTTP answers (404, 410, oversized...) are normal
 * answers; network errors, timeouts and 5xx are inconclusive.
 */
export function outcomeOf(error: unknown): RequestOutcome {
  if (!isTrawlError(error)) return { kind: 'inconclusive' };
  const { details } = error;
  const challenge = typeof details.challenge === 'string' ? details.challenge : undefined;
  const retryAfterMs = details.retryAfterSeconds !== undefined ? details.retryAfterSeconds * 1000 : undefined;
  if (challenge || error.code === 'HTTP_THROTTLED' || error.code === 'HTTP_FORBIDDEN') {
    return {
      kind: 'blocked', ...(details.httpStatus ? { httpStatus: details.httpStatus } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), ...(challenge ? { challenge } : {}),
    };
  }
  const answered = ['HTTP_NOT_FOUND', 'HTTP_GONE', 'HTTP_CLIENT_ERROR', 'NOT_HTML', 'PAGE_TOO_LARGE', 'TOO_MANY_REDIRECTS'];
  return answered.includes(error.code) ? { kind: 'ok' } : { kind: 'inconclusive' };
}

function describeHold(reason: HoldReason): string {
  switch (reason) {
    case 'min-delay': return 'waiting for the next free slot (request spacing)';
    case 'rate-window': return 'the requests-per-interval budget is spent';
    case 'concurrency': return 'the concurrent-request cap is reached';
    case 'breaker-open': return 'the circuit breaker is open after repeated blocks';
    case 'breaker-probing': return 'the circuit breaker is half-open and a probe request is in flight';
    default: return unreachable(reason, 'hold reason');
  }
}

/** Spreads held-back jobs over up to 10% (at most 1 s) more, so they do not all return at once. */
function withJitter(ms: number): number {
  return Math.max(1, Math.round(ms + Math.random() * Math.min(ms * 0.1, 1_000)));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  const reason = (): Error => (signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
  if (signal?.aborted) return Promise.reject(reason());
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(reason());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
