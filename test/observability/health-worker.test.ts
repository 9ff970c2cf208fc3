import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';

const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

describe('the worker process HTTP server (health and metrics)', () => {
  it('serves live, ready (redis, store, its heartbeat, its loop) and Prometheus metrics, and nothing else', async (t) => {
    const worker = await startRuntime(t, { api: false, workers: true }, testConfig({ workerPort: 0 }));
    const url = worker.workerUrl!;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(await (await fetch(`${url}/health/live`)).json(), { status: 'ok' });

    const ready = await fetch(`${url}/health/ready`);
    const body = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean; reason?: string }> };
    assert.equal(ready.status, 200, JSON.stringify(body));
    assert.deepEqual(Object.keys(body.checks).sort(), ['heartbeat', 'redis', 'store', 'worker loop']);
    assert.match(body.checks.heartbeat!.reason!, /^last heartbeat \d+ ms ago$/);

    const metrics = await fetch(`${url}/metrics`);
    assert.equal(metrics.status, 200);
    assert.match(metrics.headers.get('content-type')!, /^text\/plain/);
    assert.match(await metrics.text(), /trawl_process_cpu_user_seconds_total\{role="worker"\}/);

    assert.equal((await fetch(`${url}/graphql`)).status, 404);
    assert.equal((await fetch(`${url}/health/ready`, { method: 'POST' })).status, 405);
  });

  it('falls back to a free port when its port is taken, and stops listening on close (twice is fine)', async (t) => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const taken = (blocker.address() as AddressInfo).port;
    const worker = await startRuntime(t, { api: false, workers: true }, testConfig({ workerPort: taken }));
    const url = worker.workerUrl!;
    assert.notEqual(new URL(url).port, String(taken));
    assert.equal((await fetch(`${url}/health/live`)).status, 200);
    await worker.close();
    await worker.close();
    await assert.rejects(fetch(`${url}/health/live`));
  });

  it('is started by `trawl worker`, which prints its address and exits cleanly on SIGTERM', async (t) => {
    const config = testConfig();
    const child = spawn(process.execPath, [CLI, 'worker'], {
      env: {
        ...process.env, REDIS_URL: config.redisUrl, TRAWL_QUEUE_PREFIX: config.queuePrefix, TRAWL_DATA_DIR: config.dataDir, TRAWL_WORKER_PORT: '0', LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    t.after(() => void (child.exitCode === null && child.kill('SIGKILL')));
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await waitUntil(async () => /Worker health and metrics: (http:\/\/\S+)/.exec(stderr)?.[1], 60_000, 'the worker to print its address');
    await waitUntil(async () => (await fetch(`${url}/health/ready`)).ok, 30_000, 'worker ready');
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
  });
});
