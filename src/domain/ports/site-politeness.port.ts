/**
 * Politeness shared by every worker on every machine: per-site request
 * spacing, a requests-per-interval window, a concurrency cap, a circuit
 * breaker fed by blocks (429, 403, challenge pages), and the site's robots.txt
 * cached for all workers. Adapter: Redis (src/queue), decided on Redis's clock.
 */
export interface SitePoliteness {
  /**
   * Asks to send one request to `site` now. Granted: the caller holds a lease
   * (a concurrency slot, expiring after `policy.leaseMs` if never released)
   * and must `release` it after the request. Refused: how long to wait first.
   */
  admit(site: string, policy: AdmissionPolicy): Promise<Admission>;
  /** Returns the lease and tells the site's circuit breaker how the request went. */
  release(site: string, lease: string, outcome: RequestOutcome): Promise<BreakerState>;
  /** The cached robots.txt of an origin (`https://shop.example`), if a worker fetched it within its TTL. */
  readRobots(origin: string): Promise<RobotsRecord | undefined>;
  storeRobots(origin: string, record: RobotsRecord, ttlMs: number): Promise<void>;
}

/** How a site may be requested: the job's spacing (raised by Crawl-delay) and the deployment's caps. */
export interface AdmissionPolicy {
  /** Least time between two requests to the site, from any worker. */
  minDelayMs: number;
  /** At most this many requests per `intervalMs` (sliding window); 0 = no cap. */
  maxRequests: number;
  intervalMs: number;
  /** At most this many requests in flight to the site at once; 0 = no cap. */
  maxConcurrency: number;
  /** A lease not released within this time frees its slot (a killed worker cannot leak one). */
  leaseMs: number;
}

/** Why a request has to wait. */
export type HoldReason = 'min-delay' | 'rate-window' | 'concurrency' | 'breaker-open' | 'breaker-probing';

export type Admission =
  /**
   * `settled`: the grant recorded nothing that needs giving back (no
   * concurrency cap, so no lease) and the site's breaker holds nothing, so
   * a release with any outcome but `blocked` would change nothing and may be
   * skipped.
   */
  | { granted: true; lease: string; settled: boolean }
  | { granted: false; waitMs: number; reason: HoldReason };

/**
 * What a request told about the site. `blocked`: 429, 403 or a challenge page
 * (counts towards opening the breaker); `ok`: the site answered normally
 * (closes it); `inconclusive`: a network error or 5xx (neither).
 */
export type RequestOutcome =
  | { kind: 'ok' }
  | { kind: 'blocked'; httpStatus?: number; retryAfterMs?: number; challenge?: string }
  | { kind: 'inconclusive' };

/** The site's circuit breaker after a release. */
export interface BreakerState {
  state: 'closed' | 'open';
  /** Blocks in a row since the last normal answer. */
  consecutiveBlocks: number;
  /** How long the site's requests wait now (open breaker, or Retry-After); 0 when none. */
  waitMs: number;
}

/**
 * robots.txt as fetched (RFC 9309 2.3.1): `found` with its text; `missing`
 * (4xx: everything allowed); `unreachable` (5xx, 429, network: everything
 * disallowed until it is fetched again).
 */
export interface RobotsRecord {
  status: 'found' | 'missing' | 'unreachable';
  text?: string;
  /** Why it is unreachable (status or network error), for logs. */
  reason?: string;
  fetchedAt: string;
}

/** Fetches an origin's robots.txt (adapter: src/scrapers, through the page fetcher). */
export interface RobotsSource {
  fetch(origin: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<RobotsRecord>;
}

/** Every request granted at once and nothing remembered (tools and tests that need no politeness). */
export const NO_POLITENESS: SitePoliteness = {
  admit: async () => ({ granted: true, lease: 'none', settled: true }),
  release: async () => ({ state: 'closed', consecutiveBlocks: 0, waitMs: 0 }),
  readRobots: async () => undefined,
  storeRobots: async () => undefined,
};

/**
 * Read-only view of the sites' circuit breakers, for operators (API and
 * dashboard). Kept apart from SitePoliteness: workers never need it.
 */
export interface SitePolitenessReader {
  /** One view per requested site (as `siteOf` names it: host without `www.`), in the order asked; a site never blocked reads closed. */
  breakers(sites: readonly string[]): Promise<SiteBreakerView[]>;
}

/** A site's circuit breaker as Redis holds it now. */
export interface SiteBreakerView {
  site: string;
  /** `open`: requests wait until `openUntil`; `probing`: one probe request is out; `closed`: requests flow. */
  state: 'closed' | 'open' | 'probing';
  /** Blocks (429, 403, challenge pages) in a row since the last normal answer. */
  consecutiveBlocks: number;
  /** Times the breaker opened since the site last answered normally. */
  opens: number;
  /** When an open breaker lets a probe through; undefined when not open. */
  openUntil?: Date;
}
