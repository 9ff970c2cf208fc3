import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDemoShop } from '../../src/demo-shop/index.js';
import { graphqlHttp, waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { startSlowProxy } from '../support/slow-proxy.js';

type WorkerRow = { id: string; host: string; pid: number; concurrency: number; activeJobs: number; queues: string[]; version: string; lastHeartbeatAt: string };
const WORKERS = `{ workers { id host pid concurrency activeJobs queues startedAt lastHeartbeatAt version } }`;
const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

describe('workers: heartbeats, the registry and aborting a running job', () => {
  it('lists a live worker with its host, pid, concurrency, active jobs and version, and a SIGKILLed one disappears after its TTL', async (t) => {
    const config = testConfig({ workerHeartbeatMs: 500, workerConcurrency: 3 });
    const api = await startRuntime(t, { api: true, workers: true }, config);
    const workers = async () => (await graphqlHttp<{ workers: WorkerRow[] }>(api.apiUrl!, WORKERS)).data!.workers;
    const own = await waitUntil(async () => (await workers()).find((w) => w.pid === process.pid), 20_000, 'the in-process worker');
    assert.match(own.id, new RegExp(`^[^:]+:${process.pid}:[0-9a-f]+$`));
    assert.equal(own.concurrency, 3);
    assert.deepEqual([...own.queues].sort(), ['scraping', 'scraping-urgent']);
    assert.match(own.version, /^\d+\.\d+\.\d+/);

    const child = spawn(process.execPath, [MAIN, 'worker'], {
      env: {
        ...process.env, REDIS_URL: config.redisUrl, TRAWL_QUEUE_PREFIX: config.queuePrefix, TRAWL_DATA_DIR: config.dataDir,
        TRAWL_WORKER_HEARTBEAT_MS: '500', TRAWL_WORKER_CONCURRENCY: '2', LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    t.after(() => void child.kill('SIGKILL'));
    const other = await waitUntil(async () => (await workers()).find((w) => w.pid === child.pid), 60_000, 'the worker process in the registry');
    assert.equal(other.concurrency, 2);
    child.kill('SIGKILL');
    await waitUntil(async () => !(await workers()).some((w) => w.pid === child.pid), 30_000, 'the killed worker to drop out');
    assert.ok((await workers()).some((w) => w.pid === process.pid), 'the live worker stays listed');
  });

  it('aborts a running job on cancelJob: it fails with CANCELLED without retries, is recorded cancelled and is not dead-lettered', async (t) => {
    const shop = await startDemoShop({ products: 3 });
    t.after(() => shop.close());
    const slow = await startSlowProxy(shop.url, 120_000);
    t.after(() => slow.close());
    const runtime = await startRuntime(t, { api: true, workers: true }, testConfig({ workerHeartbeatMs: 500 }));
    const job = await runtime.jobs.enqueue({ type: 'product', url: `${slow.url}${shop.catalog.products[0]!.path.slice(1)}` });
    await waitUntil(async () => (await runtime.jobs.get(job.id))?.state === 'active', 30_000, 'the job to start');
    const active = await waitUntil(async () => (await graphqlHttp<{ workers: WorkerRow[] }>(runtime.apiUrl!, WORKERS)).data!.workers.find((w) => w.activeJobs === 1), 20_000, 'a heartbeat with one active job');
    assert.equal(active.pid, process.pid);

    const result = await graphqlHttp<{ cancelJob: { outcome: string; previousState: string } }>(runtime.apiUrl!, `mutation($id: ID!) { cancelJob(id: $id) { outcome previousState } }`, { id: job.id });
    assert.deepEqual(result.data?.cancelJob, { outcome: 'ABORT_REQUESTED', previousState: 'ACTIVE' }, JSON.stringify(result.errors));
    const ended = await waitUntil(async () => {
      const view = await runtime.jobs.get(job.id);
      return view?.state === 'failed' ? view : undefined;
    }, 30_000, 'the job to fail');
    assert.match(ended.failedReason ?? '', /^CANCELLED: /);
    assert.equal(ended.attemptsMade, 1);
    assert.equal(ended.errorCode, 'CANCELLED');
    assert.equal((await runtime.store.jobs.get(job.id))!.status, 'CANCELLED');
    assert.equal(await runtime.store.deadLetters.getByJobId(job.id), null);
  });
});
