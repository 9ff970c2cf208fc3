import type { Redis } from 'ioredis';
import type { SiteThrottle } from '../domain/ports/site-throttle.port.js';

/**
 * Reserves the next free slot for a site atomically, on Redis's clock (so
 * workers on machines with skewed clocks agree), and returns how long the
 * caller must wait for it. The key expires once the site has been idle.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local delay = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextFree)
redis.call('SET', KEYS[1], slot + delay, 'PX', slot + delay - now + 1000)
return slot - now
`;

export class RedisSiteThrottle implements SiteThrottle {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async wait(site: string, delayMs: number, signal?: AbortSignal): Promise<void> {
    if (delayMs <= 0) return;
    const waitMs = Number(await this.redis.eval(RESERVE, 1, `${this.prefix}:throttle:${site}`, String(delayMs)));
    if (waitMs <= 0) return;
    const reason = (): Error => (signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal?.aborted) throw reason();
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(reason());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, waitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
