import { randomUUID } from 'node:crypto';
import type { RedisClient } from './redis-connection.js';
import type {
  Admission, AdmissionPolicy, BreakerState, HoldReason, RequestOutcome, RobotsRecord, SiteBreakerView, SitePoliteness, SitePolitenessReader,
} from '../domain/ports/site-politeness.port.js';
import { ADMIT, RELEASE } from './redis-politeness.lua.js';
import { LuaScript } from './lua-script.js';

const ADMIT_SCRIPT = new LuaScript(ADMIT, 4);
const RELEASE_SCRIPT = new LuaScript(RELEASE, 3);

/** Circuit breaker settings of a RedisSitePoliteness. */
export interface BreakerOptions {
  /** Blocks in a row that open the breaker. */
  threshold: number;
  /** First open period; each reopening doubles it. */
  baseMs: number;
  /** Longest open period. */
  maxMs: number;
}

export interface RedisSitePolitenessOptions {
  breaker: BreakerOptions;
  /** Longest wait suggested for a full concurrency cap or a running probe before asking again. Default 500. */
  pollMs?: number;
}

/**
 * SitePoliteness on Redis: every decision is one Lua script on Redis's clock,
 * so all workers on all machines share the spacing, the window, the
 * concurrency cap (leases expire, so a killed worker frees its slot) and the
 * circuit breaker. robots.txt records are plain keys with a TTL. Keys are
 * tagged by site, never by the queue prefix (see `keys`).
 */
export class RedisSitePoliteness implements SitePoliteness, SitePolitenessReader {
  private readonly pollMs: number;
  private readonly namespace: string;

  constructor(private readonly redis: RedisClient, prefix: string, private readonly options: RedisSitePolitenessOptions) {
    this.pollMs = options.pollMs ?? 500;
    this.namespace = keyNamespace(prefix);
  }

  async admit(site: string, policy: AdmissionPolicy): Promise<Admission> {
    const keys = this.keys(site);
    const reply = await ADMIT_SCRIPT.run(this.redis, [keys.next, keys.window, keys.leases, keys.breaker], [
      whole(policy.minDelayMs), whole(policy.maxRequests), whole(policy.intervalMs), whole(policy.maxConcurrency),
      Math.max(1, whole(policy.leaseMs)), randomUUID(), this.pollMs]) as [number, number, string];
    const [granted, waitOrSettled, detail] = reply;
    return granted === 1
      ? { granted: true, lease: detail, settled: Number(waitOrSettled) === 1 }
      : { granted: false, waitMs: Number(waitOrSettled), reason: detail as HoldReason };
  }

  async release(site: string, lease: string, outcome: RequestOutcome): Promise<BreakerState> {
    const keys = this.keys(site);
    const { threshold, baseMs, maxMs } = this.options.breaker;
    const retryAfterMs = outcome.kind === 'blocked' ? whole(outcome.retryAfterMs ?? 0) : 0;
    const memoryMs = Math.max(maxMs * 4, 3_600_000);
    const reply = await RELEASE_SCRIPT.run(this.redis, [keys.leases, keys.breaker, keys.next],
      [lease, outcome.kind, threshold, baseMs, maxMs, retryAfterMs, memoryMs]) as [string, number, number];
    const [state, consecutiveBlocks, waitMs] = reply;
    return { state: state === 'open' ? 'open' : 'closed', consecutiveBlocks: Number(consecutiveBlocks), waitMs: Number(waitMs) };
  }

  async readRobots(origin: string): Promise<RobotsRecord | undefined> {
    const raw = await this.redis.get(this.robotsKey(origin));
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as RobotsRecord;
    } catch {
      return undefined;
    }
  }

  async storeRobots(origin: string, record: RobotsRecord, ttlMs: number): Promise<void> {
    await this.redis.set(this.robotsKey(origin), JSON.stringify(record), 'PX', Math.max(1, whole(ttlMs)));
  }

  /** One command per site (each site's keys live in their own cluster slot), read at one Redis time. */
  async breakers(sites: readonly string[]): Promise<SiteBreakerView[]> {
    if (sites.length === 0) return [];
    const [time, ...fields] = await Promise.all([
      this.redis.time(),
      ...sites.map((site) => this.redis.hmget(this.keys(site).breaker, 'failures', 'opens', 'openUntil', 'probe', 'probeUntil')),
    ]);
    const [seconds, micros] = time as [number | string, number | string];
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    return sites.map((site, i) => breakerView(site, fields[i]!, now));
  }

  /**
   * A site's keys share the site's hash tag, so the scripts' keys are in one
   * cluster slot and different sites spread over the cluster. The namespace is
   * the queue prefix without its braces: the prefix's own tag comes first in a
   * key, and Redis hashes by the first tag, which would pile every site into
   * the queues' slot.
   */
  private keys(site: string): { next: string; window: string; leases: string; breaker: string } {
    const base = `${this.namespace}:polite:${hashTag(site)}`;
    return { next: `${base}:next`, window: `${base}:window`, leases: `${base}:leases`, breaker: `${base}:breaker` };
  }

  private robotsKey(origin: string): string {
    return `${this.namespace}:robots:${hashTag(origin)}`;
  }
}

/** `{value}`, with braces inside the value replaced so the tag ends where it should. */
export function hashTag(value: string): string {
  return `{${value.replace(/[{}]/g, '_')}}`;
}

/** The prefix with its hash tag's braces removed (`{trawl}` -> `trawl`), for keys tagged by something else. */
export function keyNamespace(prefix: string): string {
  return prefix.replace(/[{}]/g, '');
}

/** Reads the breaker hash the Lua scripts keep (failures, opens, openUntil, probe, probeUntil) at Redis time `now`. */
function breakerView(site: string, [failures, opens, openUntil, probe, probeUntil]: (string | null)[], now: number): SiteBreakerView {
  const until = Number(openUntil ?? 0);
  const probing = probe !== null && probe !== undefined && Number(probeUntil ?? 0) > now;
  const state = until > now ? 'open' : probing ? 'probing' : 'closed';
  return {
    site, state, consecutiveBlocks: Number(failures ?? 0), opens: Number(opens ?? 0),
    ...(state === 'open' ? { openUntil: new Date(until) } : {}),
  };
}

function whole(value: number): number {
  return Math.max(0, Math.round(value));
}
