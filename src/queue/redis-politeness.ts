import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
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
 * circuit breaker. robots.txt records are plain keys with a TTL.
 */
export class RedisSitePoliteness implements SitePoliteness, SitePolitenessReader {
  private readonly pollMs: number;

  constructor(private readonly redis: Redis, private readonly prefix: string, private readonly options: RedisSitePolitenessOptions) {
    this.pollMs = options.pollMs ?? 500;
  }

  async admit(site: string, policy: AdmissionPolicy): Promise<Admission> {
    const keys = this.keys(site);
    const reply = await ADMIT_SCRIPT.run(this.redis, [keys.next, keys.window, keys.leases, keys.breaker], [
      whole(policy.minDelayMs), whole(policy.maxRequests), whole(policy.intervalMs), whole(policy.maxConcurrency),
      Math.max(1, whole(policy.leaseMs)), randomUUID(), this.pollMs]) as [number, number, string];
    const [granted, waitMs, detail] = reply;
    return granted === 1 ? { granted: true, lease: detail } : { granted: false, waitMs: Number(waitMs), reason: detail as HoldReason };
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

  async breakers(sites: readonly string[]): Promise<SiteBreakerView[]> {
    if (sites.length === 0) return [];
    const batch = this.redis.pipeline().time();
    for (const site of sites) batch.hmget(this.keys(site).breaker, 'failures', 'opens', 'openUntil', 'probe', 'probeUntil');
    const replies = (await batch.exec()) ?? [];
    const [error, time] = replies[0] ?? [];
    if (error) throw error;
    const [seconds, micros] = time as [string, string];
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    return sites.map((site, i) => {
      const [fieldsError, fields] = replies[i + 1] ?? [];
      if (fieldsError) throw fieldsError;
      return breakerView(site, fields as (string | null)[], now);
    });
  }

  private keys(site: string): { next: string; window: string; leases: string; breaker: string } {
    const base = `${this.prefix}:polite:{${site}}`;
    return { next: `${base}:next`, window: `${base}:window`, leases: `${base}:leases`, breaker: `${base}:breaker` };
  }

  private robotsKey(origin: string): string {
    return `${this.prefix}:robots:${origin}`;
  }
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
