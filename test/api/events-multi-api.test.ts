import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import { freePort } from '../../src/bootstrap/child-process.js';
import type { Config } from '../../src/config/config.schema.js';
import { collect, graphqlHttp, waitUntil, wsClient } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';

const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const ENQUEUE = `mutation E($input: EnqueueJobInput!) { enqueueJob(input: $input) { id } }`;
const START = `mutation S($input: StartCampaignInput!) { startCampaign(input: $input) { id } }`;
const PAUSE = `mutation P($id: ID!) { pauseCampaign(id: $id) { status } }`;
const RESUME = `mutation R($id: ID!) { resumeCampaign(id: $id) { status } }`;
const BY_ID = `subscription J($id: ID) { jobUpdated(id: $id) { jobId event state type campaignId dropped } }`;
const BY_TYPE = `subscription T($type: JobType) { jobUpdated(type: $type) { jobId event state type } }`;
const BY_CAMPAIGN = `subscription C($campaignId: ID) { jobUpdated(campaignId: $campaignId) { jobId event state type campaignId dropped } }`;
const PROGRESS = `subscription P($id: ID!) { campaignProgress(id: $id) { status percent productsScraped final } }`;

interface JobUpdated { jobUpdated: { jobId: string; event: string; state: string; type: string | null; campaignId: string | null; dropped: number } }

interface ApiProcess { url: string; child: ChildProcess; output: () => string }

/** `trawl api` as its own process, on the test's Redis, queues and data dir. */
async function spawnApi(config: Config): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'api'], {
    env: {
      ...process.env, REDIS_URL: config.redisUrl, TRAWL_QUEUE_PREFIX: config.queuePrefix, TRAWL_DATA_DIR: config.dataDir, PORT: String(port), HOST: '127.0.0.1',
      TRAWL_ALLOW_PRIVATE_NETWORK: 'true', TRAWL_API_RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', TRAWL_CAMPAIGN_RATE_LIMIT_DELAY_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => {
    if (child.exitCode !== null) throw new Error(`api process exited: ${output}`);
    return (await fetch(`${url}/health/ready`).catch(() => undefined))?.ok;
  }, 60_000, `api process on port ${port}`);
  return { url, child, output: () => output };
}

async function stop(api: ApiProcess): Promise<void> {
  if (api.child.exitCode !== null) return;
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  api.child.kill('SIGTERM');
  await exited;
}

describe('live events across API instances', () => {
  let shop: DemoShop;
  let config: Config;
  let first: ApiProcess;
  let second: ApiProcess;
  const cleanups: (() => Promise<void>)[] = [];
  const scope = { after: (fn: () => Promise<void>) => void cleanups.push(fn) };
  let workersStarted = false;
  const startWorkers = async (): Promise<void> => {
    if (workersStarted) return;
    workersStarted = true;
    await startRuntime(scope, { api: false, workers: true }, config);
  };

  before(async () => {
    shop = await startDemoShop({ products: 24, productsPerPage: 8 });
    config = testConfig({ workerConcurrency: 4 });
    const spawned = await Promise.allSettled([spawnApi(config), spawnApi(config)]);
    const failed = spawned.find((result) => result.status === 'rejected');
    if (failed) {
      // Stop the one that did start, or it would keep this file's process alive.
      await Promise.all(spawned.map((result) => (result.status === 'fulfilled' ? stop(result.value) : undefined)));
      throw failed.reason;
    }
    [first, second] = spawned.map((result) => (result as PromiseFulfilledResult<ApiProcess>).value) as [ApiProcess, ApiProcess];
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
    await Promise.all([first, second].filter(Boolean).map(stop));
    await shop.close();
  });

  it('streams jobUpdated on API #2 for a job enqueued through API #1, by id and by type', async () => {
    const product = shop.catalog.products[0]!;
    const enqueued = await graphqlHttp(first.url, ENQUEUE, { input: { type: 'PRODUCT', url: `${shop.url}${product.path.slice(1)}` } });
    assert.equal(enqueued.errors, undefined, JSON.stringify(enqueued.errors));
    const id = enqueued.data!.enqueueJob.id as string;

    const client = wsClient(second.url);
    const byId = collect<JobUpdated>(client, BY_ID, { id }, (e) => e.jobUpdated.state === 'COMPLETED', 60_000);
    const byType = collect<JobUpdated>(client, BY_TYPE, { type: 'PRODUCT' }, (e) => e.jobUpdated.jobId === id && e.jobUpdated.state === 'COMPLETED', 60_000);
    await new Promise((r) => setTimeout(r, 300));
    await startWorkers();
    const [idEvents, typeEvents] = await Promise.all([byId.done, byType.done]);
    await client.dispose();

    const kinds = idEvents.map((e) => e.jobUpdated.event);
    assert.ok(kinds.includes('ACTIVE'), `events: ${kinds}`);
    assert.equal(kinds.at(-1), 'COMPLETED');
    assert.ok(idEvents.every((e) => e.jobUpdated.jobId === id && e.jobUpdated.type === 'PRODUCT' && e.jobUpdated.campaignId === null && e.jobUpdated.dropped === 0));
    assert.ok(typeEvents.every((e) => e.jobUpdated.type === 'PRODUCT'));
  });

  it('streams campaignProgress and a campaign\'s jobUpdated on API #2 for a campaign started through API #1', async () => {
    await startWorkers();
    // Started and paused at once, so its jobs wait until API #2's subscriptions are live.
    const started = await graphqlHttp(first.url, START, { input: { seedUrl: shop.url } });
    assert.equal(started.errors, undefined, JSON.stringify(started.errors));
    const id = started.data!.startCampaign.id as string;
    assert.equal((await graphqlHttp(first.url, PAUSE, { id })).errors, undefined);

    const client = wsClient(second.url);
    const jobs = collect<JobUpdated>(client, BY_CAMPAIGN, { campaignId: id }, () => false, 120_000);
    const everything = collect<JobUpdated>(client, BY_CAMPAIGN, {}, () => false, 120_000);
    const progress = collect<{ campaignProgress: { status: string; percent: number; final: boolean } }>(client, PROGRESS, { id }, (e) => e.campaignProgress.final, 120_000);
    // Live: a probe job enqueued through API #1 reaches the unfiltered subscription on API #2 (subscribed after the campaign's).
    const probe = (await graphqlHttp(first.url, ENQUEUE, { input: { type: 'PRODUCT', url: `${shop.url}${shop.catalog.products[1]!.path.slice(1)}` } })).data!.enqueueJob.id as string;
    await waitUntil(async () => everything.events.some((e) => e.jobUpdated.jobId === probe && e.jobUpdated.state === 'COMPLETED'), 60_000, 'probe job seen on API #2');
    assert.equal((await graphqlHttp(first.url, RESUME, { id })).errors, undefined);
    const events = await progress.done;
    const last = events.at(-1)!.campaignProgress;
    assert.equal(last.final, true);
    assert.equal(last.status, 'COMPLETED');
    await waitUntil(async () => jobs.events.some((e) => e.jobUpdated.type === 'PRODUCT' && e.jobUpdated.state === 'COMPLETED'), 30_000, `a product job of the campaign in ${JSON.stringify(jobs.events)}; last progress ${JSON.stringify(last)}; all: ${JSON.stringify(everything.events.filter((e) => e.jobUpdated.type === 'PRODUCT').slice(0, 5))}`);
    await client.dispose();
    assert.ok(jobs.events.every((e) => e.jobUpdated.campaignId === id), 'only the campaign\'s jobs');
    const types = new Set(jobs.events.map((e) => e.jobUpdated.type));
    assert.ok(types.has('PRODUCT'), `job kinds seen: ${[...types]}`);
  });
});
