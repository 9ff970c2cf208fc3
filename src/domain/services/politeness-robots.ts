import type { Logger } from '../ports/logger.port.js';
import type { RobotsPolicy } from '../ports/site-explorer.port.js';
import type { RobotsRecord, RobotsSource, SitePoliteness } from '../ports/site-politeness.port.js';

export interface SharedRobotsDeps {
  /** Where every worker finds the robots.txt another one fetched. */
  politeness: SitePoliteness;
  source: RobotsSource;
  /** Reads robots.txt text for trawl's user agent (undefined text: no robots.txt). */
  policyOf: (text: string | undefined, siteUrl: string) => RobotsPolicy;
  /** How long a fetched (or missing) robots.txt is reused, RFC 9309 suggests at most 24 h. */
  ttlMs: number;
  /** How long an unreachable robots.txt blocks the site before it is fetched again. */
  unreachableTtlMs: number;
  timeoutMs: number;
  logger: Logger;
}

/** What robots.txt says for one origin right now. */
export type RobotsVerdict =
  | { kind: 'policy'; policy: RobotsPolicy }
  | { kind: 'unreachable'; retryInMs: number; reason: string };

/** Parsed verdicts are kept in-process this long at most (the Redis record is the shared truth). */
const LOCAL_TTL_MS = 60_000;

/**
 * robots.txt per origin, fetched once and shared by every worker through
 * SitePoliteness for `ttlMs` (an unreachable one for `unreachableTtlMs`);
 * each process also keeps the parsed policy briefly and fetches an origin
 * at most once at a time.
 */
export class SharedRobots {
  private readonly local = new Map<string, { verdict: RobotsVerdict; until: number }>();
  private readonly loading = new Map<string, Promise<RobotsVerdict>>();

  constructor(private readonly deps: SharedRobotsDeps) {}

  async forUrl(url: string, signal?: AbortSignal): Promise<RobotsVerdict> {
    const origin = new URL(url).origin;
    const hit = this.local.get(origin);
    if (hit && hit.until > Date.now()) return hit.verdict;
    let pending = this.loading.get(origin);
    if (!pending) {
      pending = this.load(origin, signal).finally(() => this.loading.delete(origin));
      this.loading.set(origin, pending);
    }
    return pending;
  }

  private async load(origin: string, signal?: AbortSignal): Promise<RobotsVerdict> {
    let record = await this.deps.politeness.readRobots(origin);
    if (!record) {
      record = await this.deps.source.fetch(origin, { timeoutMs: this.deps.timeoutMs, ...(signal ? { signal } : {}) });
      await this.deps.politeness.storeRobots(origin, record, this.ttlOf(record));
      this.deps.logger.info({ origin, status: record.status, reason: record.reason }, 'robots.txt fetched');
    }
    const verdict = this.verdictOf(record, origin);
    const expires = Date.parse(record.fetchedAt) + this.ttlOf(record);
    if (this.local.size > 10_000) this.local.clear();
    this.local.set(origin, { verdict, until: Math.min(Date.now() + LOCAL_TTL_MS, expires) });
    return verdict;
  }

  private verdictOf(record: RobotsRecord, origin: string): RobotsVerdict {
    if (record.status === 'unreachable') {
      const retryInMs = Math.max(1_000, Date.parse(record.fetchedAt) + this.deps.unreachableTtlMs - Date.now());
      return { kind: 'unreachable', retryInMs, reason: record.reason ?? 'unreachable' };
    }
    return { kind: 'policy', policy: this.deps.policyOf(record.status === 'found' ? record.text ?? '' : undefined, origin) };
  }

  private ttlOf(record: RobotsRecord): number {
    return record.status === 'unreachable' ? this.deps.unreachableTtlMs : this.deps.ttlMs;
  }
}
