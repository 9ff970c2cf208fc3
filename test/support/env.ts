import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The run's shared redis-server (started by scripts/test.mjs). */
export function testRedisUrl(): string {
  const url = process.env.TRAWL_TEST_REDIS_URL;
  if (!url) throw new Error('TRAWL_TEST_REDIS_URL is not set: run tests through `npm test`');
  return url;
}

/** The run's MongoDB-wire server, or the reason there is none (which fails the Mongo suite). */
export function testMongoUrl(): string {
  const url = process.env.TRAWL_TEST_MONGO_URL;
  if (!url) throw new Error(process.env.TRAWL_TEST_MONGO_ERROR ?? 'TRAWL_TEST_MONGO_URL is not set: run tests through `npm test`');
  return url;
}

/** A unique name for per-test isolation (queue prefixes, databases). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function tempDir(prefix = 'trawl-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
