import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { startDemoShop } from '../../src/demo-shop/index.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { startSlowProxy } from '../support/slow-proxy.js';
import { waitUntil } from '../support/graphql-client.js';
import type { Config } from '../../src/config/config.schema.js';

function spawnWorker(config: Config, concurrency: number): ChildProcess {
  return spawn(process.execPath, ['dist/src/cli/main.js', 'worker'], {
    env: {
      ...process.env, REDIS_URL: config.redisUrl, TRAWL_QUEUE_PREFIX: config.queuePrefix, TRAWL_DATA_DIR: config.dataDir,
      TRAWL_ALLOW_PRIVATE_NETWORK: 'true', TRAWL_WORKER_CONCURRENCY: String(concurrency), LOG_LEVEL: 'warn', TRAWL_SHUTDOWN_TIMEOUT_MS: '15000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the worker process (npm run worker)', () => {
  it('finishes its active jobs on SIGTERM, leaves the rest queued, and another worker completes them', async (t) => {
    const shop = await startDemoShop({ products: 10 });
    t.after(() => shop.close());
    const slow = await startSlowProxy(shop.url, 1500);
    t.after(() => slow.close());
    const config = testConfig();
    const api = await startRuntime(t, { api: false, workers: false }, config);
    const jobs = await api.jobs.enqueueMany(shop.catalog.products.slice(0, 4).map((p) => ({ type: 'product' as const, url: `${slow.url}${p.path.slice(1)}` })));

    const first = spawnWorker(config, 2);
    let output = '';
    first.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    first.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = exitOf(first);
    const states = async () => Promise.all(jobs.map(async (j) => (await api.jobs.get(j.id))!.state));
    await waitUntil(async () => (await states()).filter((s) => s === 'active').length === 2, 20_000, 'two active jobs');
    first.kill('SIGTERM');
    assert.equal(await exited, 0, output);

    const afterStop = await states();
    assert.equal(afterStop.filter((s) => s === 'completed').length, 2, `states after SIGTERM: ${afterStop}`);
    assert.equal(afterStop.filter((s) => s === 'waiting' || s === 'prioritized').length, 2, `states after SIGTERM: ${afterStop}`);

    const second = spawnWorker(config, 2);
    const secondExit = exitOf(second);
    await waitUntil(async () => (await states()).every((s) => s === 'completed'), 30_000, 'all jobs completed');
    second.kill('SIGTERM');
    assert.equal(await secondExit, 0);
    const stored = await api.store.products.list({}, { first: 10 });
    assert.equal(stored.totalCount, 4);
  });
});
