import { join } from 'node:path';
import { LocalRedis } from '../../src/bootstrap/local-redis.js';
import { startFerretDb } from './ferretdb.js';

/**
 * Shared services for one test run, started by scripts/test.mjs and handed to
 * test files through the environment: one redis-server (tests isolate by queue
 * prefix) and, unless MONGO_URL is set, one FerretDB for the Mongo adapter.
 */
export async function startTestServices(dir: string): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  const env: Record<string, string> = {};
  const stops: (() => Promise<void>)[] = [];
  const redis = await LocalRedis.start({ dir: join(dir, 'redis') });
  stops.push(() => redis.close());
  env.TRAWL_TEST_REDIS_URL = redis.url;
  if (process.env.MONGO_URL) {
    env.TRAWL_TEST_MONGO_URL = process.env.MONGO_URL;
  } else {
    try {
      const ferret = await startFerretDb(join(dir, 'ferretdb'));
      stops.push(() => ferret.stop());
      env.TRAWL_TEST_MONGO_URL = ferret.url;
    } catch (error) {
      // The Mongo suite reports this as a failure, never as a skip.
      env.TRAWL_TEST_MONGO_ERROR = (error as Error).message;
    }
  }
  return {
    env,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}
