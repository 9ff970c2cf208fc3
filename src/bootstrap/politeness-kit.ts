import type { RedisClient } from '../queue/redis-connection.js';
import type { Config } from '../config/config.schema.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { PageFetcher } from '../domain/ports/page-fetcher.port.js';
import type { Telemetry } from '../domain/ports/telemetry.port.js';
import { SharedRobots } from '../domain/services/politeness-robots.js';
import { PolitenessService } from '../domain/services/politeness.service.js';
import { RedisSitePoliteness } from '../queue/redis-politeness.js';
import { robotsTokenOf } from '../scrapers/site/http-site.explorer.js';
import { HttpRobotsSource } from '../scrapers/site/robots-source.js';
import { robotsPolicy } from '../scrapers/site/robots-txt.js';

/**
 * The politeness every worker shares: Redis admission and circuit breaker,
 * robots.txt fetched through `fetcher` and cached in Redis, the config's caps.
 */
export function createPoliteness(config: Config, redis: RedisClient, fetcher: PageFetcher, logger: Logger, telemetry?: Telemetry): PolitenessService {
  const politeness = new RedisSitePoliteness(redis, config.queuePrefix, {
    breaker: { threshold: config.breakerThreshold, baseMs: config.breakerBaseMs, maxMs: config.breakerMaxMs },
  });
  const token = robotsTokenOf(config.userAgent);
  const robots = new SharedRobots({
    politeness, source: new HttpRobotsSource(fetcher), policyOf: (text, siteUrl) => robotsPolicy(text, siteUrl, token),
    ttlMs: config.robotsCacheTtlMs, unreachableTtlMs: config.robotsRetryMs, timeoutMs: config.fetchTimeoutMs, logger,
  });
  return new PolitenessService({
    politeness, robots, logger, ...(telemetry ? { telemetry } : {}),
    settings: {
      respectRobots: config.respectRobots, maxConcurrency: config.domainMaxConcurrency, maxRequests: config.domainMaxRequests,
      intervalMs: config.domainIntervalMs, leaseMs: config.domainLeaseMs, sleepMaxMs: config.politenessSleepMaxMs, blockedHoldMs: config.breakerBaseMs,
    },
  });
}
