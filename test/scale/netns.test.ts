import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FERRETDB_BINARY } from '../support/ferretdb.js';
import { CORE_ADDRESS, NETNS_SUBNET, NetnsNetwork, WORKER_ADDRESSES, netnsUnavailable } from './netns/netns-network.js';
import { NsProcesses, runIn } from './netns/netns-processes.js';
import type { DriverOptions, NetnsSummary } from './netns/netns-driver.js';

/** The CLI and the driver of the same build as this file. */
const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const DRIVER = fileURLToPath(new URL('./netns/netns-driver.js', import.meta.url));

const API_KEY = 'netns-operator-0123456789';
const REDIS = `${CORE_ADDRESS}:6379`;
const MONGO = `${CORE_ADDRESS}:27017`;
const API_PORT = 4000;
const WORKER_PORT = 9464;

/** What every trawl process gets: the binaries' PATH and nothing else from the test's environment. */
const BASE_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', TRAWL_LOG_FORMAT: 'json', LOG_LEVEL: 'info', TRAWL_SHUTDOWN_TIMEOUT_MS: '5000' };

/** Exactly what a worker on another machine needs: where Redis and the store are, and that the shop's network may be fetched. */
function workerEnv(address: string): Record<string, string> {
  return {
    ...BASE_ENV,
    REDIS_URL: `redis://${REDIS}`, TRAWL_STORE: 'mongo', MONGO_URL: `mongodb://${MONGO}/trawl-netns`,
    TRAWL_ALLOWED_PRIVATE_HOSTS: NETNS_SUBNET, TRAWL_WORKER_HOST: address, TRAWL_WORKER_PORT: String(WORKER_PORT),
  };
}

function apiEnv(): Record<string, string> {
  return {
    ...BASE_ENV,
    HOST: CORE_ADDRESS, PORT: String(API_PORT), REDIS_URL: `redis://${REDIS}`, TRAWL_STORE: 'mongo', MONGO_URL: `mongodb://${MONGO}/trawl-netns`,
    TRAWL_API_KEYS: `netns=${API_KEY}:write`, TRAWL_ALLOWED_PRIVATE_HOSTS: NETNS_SUBNET,
  };
}

/** Rejects with `what` failed plus every process's output as soon as one of them exits. */
async function unlessAnExit<T>(work: Promise<T>, processes: NsProcesses): Promise<T> {
  const early = processes.firstExit().then((reason) => {
    throw new Error(`${reason}\n${processes.report()}`);
  });
  // Processes exit when cleanup stops them, after the work has won the race.
  early.catch(() => undefined);
  return Promise.race([work, early]);
}

describe('scale-out across network namespaces (nothing depends on localhost)', () => {
  const skip = netnsUnavailable() ?? (existsSync(FERRETDB_BINARY) ? undefined : `FerretDB binary not found at ${FERRETDB_BINARY}`);

  it('runs a campaign with API, Redis and store in one namespace and a worker in each of two others, reached only by address', { skip, timeout: 110_000 }, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'trawl-netns-'));
    const network = new NetnsNetwork();
    const processes = new NsProcesses();
    t.after(async () => {
      await processes.stopAll();
      try {
        network.destroy();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    network.create();
    const options = { env: BASE_ENV, cwd: dir };
    for (const ns of [network.core, ...network.workers]) {
      const probe = await runIn(ns, process.execPath, [DRIVER, 'loopback'], { ...options, timeoutMs: 20_000 });
      assert.deepEqual(JSON.parse(probe.stdout || '{}'), { ipv4: 'EADDRNOTAVAIL', ipv6: 'EADDRNOTAVAIL' }, `no localhost in ${ns}: ${probe.stderr}`);
    }

    mkdirSync(join(dir, 'redis'));
    processes.start('redis-server', network.core, 'redis-server', [
      '--bind', CORE_ADDRESS, '--port', REDIS.split(':')[1]!, '--protected-mode', 'no', '--save', '', '--appendonly', 'no', '--dir', join(dir, 'redis'),
    ], options);
    processes.start('ferretdb', network.core, FERRETDB_BINARY, [`--listen-addr=${MONGO}`, `--sqlite-dir=${join(dir, 'ferretdb')}`], options);
    const waited = await unlessAnExit(runIn(network.core, process.execPath, [DRIVER, 'wait-tcp', '30000', REDIS, MONGO], { ...options, timeoutMs: 40_000 }), processes);
    assert.equal(waited.code, 0, `Redis and FerretDB did not listen on ${CORE_ADDRESS}: ${waited.stderr}\n${processes.report()}`);

    processes.start('trawl api', network.core, process.execPath, [CLI, 'api'], { env: apiEnv(), cwd: dir });
    const workers = network.workers.map((ns, i) => processes.start(`trawl worker ${i + 1}`, ns, process.execPath, [CLI, 'worker'], { env: workerEnv(WORKER_ADDRESSES[i]!), cwd: dir }));

    const driverOptions: DriverOptions = {
      apiUrl: `http://${CORE_ADDRESS}:${API_PORT}`, apiKey: API_KEY, shopHost: CORE_ADDRESS, products: 48, campaignTimeoutMs: 70_000,
      workerMetrics: Object.fromEntries(WORKER_ADDRESSES.map((address) => [address, `http://${address}:${WORKER_PORT}/metrics`])),
    };
    const run = await unlessAnExit(runIn(network.core, process.execPath, [DRIVER, 'campaign', JSON.stringify(driverOptions)], { ...options, timeoutMs: 90_000 }), processes);
    assert.equal(run.code, 0, `driver failed: ${run.stderr}\n${processes.report()}`);
    const summary = JSON.parse(run.stdout) as NetnsSummary;
    const context = `${JSON.stringify({ ...summary, expectedProducts: summary.expectedProducts.length, storedProducts: summary.storedProducts.length })}`;
    t.diagnostic(context);

    assert.equal(summary.status, 'COMPLETED', context);
    assert.ok(summary.finalEventSeen && summary.progressEvents >= 1, `campaignProgress over graphql-ws ended with a final event: ${context}`);
    assert.equal(summary.progress.productsFailed, 0, context);
    assert.equal(summary.progress.productsQueued, 0, context);
    assert.ok(summary.expectedProducts.length >= 20, context);
    assert.deepEqual(summary.storedProducts, summary.expectedProducts, 'every public listed product of the shop is stored, once');

    for (const [i, worker] of workers.entries()) {
      assert.equal(network.identify(worker.pid), network.workers[i], `${worker.name} runs in its own namespace`);
      assert.ok(summary.workers.some((w) => w.pid === worker.pid), `${worker.name} (pid ${worker.pid}) registered through Redis: ${context}`);
      const jobs = summary.workerJobs[WORKER_ADDRESSES[i]!]!;
      assert.ok(jobs.productJobsCompleted > 0 && jobs.productsScraped > 0, `${worker.name} in ${network.workers[i]} scraped products: ${context}`);
    }
    const scraped = Object.values(summary.workerJobs).reduce((sum, jobs) => sum + jobs.productsScraped, 0);
    assert.ok(scraped >= summary.storedProducts.length, `the two workers stored every product between them: ${context}`);
  });
});
