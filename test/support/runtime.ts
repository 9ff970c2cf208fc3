import type { TestContext } from 'node:test';
import { loadConfig } from '../../src/config/load-config.js';
import type { Config } from '../../src/config/config.schema.js';
import { Runtime, type RuntimeRoles } from '../../src/bootstrap/runtime.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import { tempDir, testRedisUrl, uniqueName } from './env.js';

/** Config for a test: the run's Redis, a private queue prefix and data dir, an ephemeral port, private targets allowed, no API rate limit, the largest page size and a generous query cost (tests that poll or list a whole catalog would trip them; tests of those limits set their own). */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({}, {
    redisUrl: testRedisUrl(), dataDir: tempDir(), queuePrefix: uniqueName('t'), port: 0, allowPrivateNetwork: true,
    logLevel: 'silent', shutdownTimeoutMs: 5000, workerConcurrency: 4, rateLimitDelayMs: 0, campaignRateLimitDelayMs: 0, apiRateLimitPerMinute: 0, maxPageSize: 500, graphqlMaxComplexity: 200_000, ...overrides,
  });
}

/** Starts a runtime that the test closes when it ends. */
export async function startRuntime(t: TestContext | { after: (fn: () => Promise<void>) => void }, roles: RuntimeRoles, config: Config = testConfig()): Promise<Runtime> {
  const runtime = await Runtime.start({ config, roles, logger: SILENT_LOGGER });
  t.after(() => runtime.close());
  return runtime;
}
