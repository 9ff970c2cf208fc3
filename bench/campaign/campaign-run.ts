import { generateCatalog } from '../../src/demo-shop/index.js';
import { createRedis, whenReady } from '../../src/queue/redis-connection.js';
import { createStore } from '../../src/storage/create-store.js';
import type { Cleanup } from '../support/cleanup.js';
import type { ShopProcess } from '../support/services.js';
import { summarize } from '../support/timing.js';
import { waitForCampaign } from './campaign-wait.js';
import { campaignFigures, type CampaignFigures } from './campaign-figures.js';
import { LiveWatch, type FeedStats } from './live-watch.js';
import { commandCalls, commandDelta, redisPid, type CommandDelta } from './redis-stats.js';
import { RssSampler, sampleAt, type ProcessMemory } from './rss-sampler.js';
import { startApiProcess, startWorkerProcess, type Deployment } from './trawl-processes.js';

export interface CampaignRunSetup {
  deployment: Deployment;
  shop: ShopProcess;
  products: number;
  workers: number;
  sampleMs: number;
  stallLimitMs: number;
  cleanup: Cleanup;
  log: (line: string) => void;
}

export interface WorkerRss {
  name: string;
  startMb: number;
  midMb: number;
  endMb: number;
  peakMb: number;
  /** Median RSS over the first and the last third of the campaign: a steadier "flat or growing" signal than single samples. */
  firstThirdMedianMb: number;
  lastThirdMedianMb: number;
}

export interface CampaignRun {
  campaignId: string;
  status: string;
  /** Mutation sent -> the bench saw the campaign COMPLETED (polling every 250 ms). */
  endToEndMs: number;
  /** The campaign's own createdAt -> finishedAt, as stored. */
  storedDurationMs: number;
  figures: CampaignFigures;
  feeds: FeedStats[];
  memory: ProcessMemory[];
  workerRss: WorkerRss[];
  /** CPU time each process used between the campaign start and its end. */
  cpu: { name: string; cpuMs: number }[];
  redisCommands: number;
  redisCommandsTop: CommandDelta[];
}

const START_CAMPAIGN = `mutation($u: String!) { startCampaign(input: { seedUrl: $u, rateLimitDelayMs: 0, maxCategoryPages: 10000 }) { id } }`;
const PROGRESS = 'subscription($id: ID!) { campaignProgress(id: $id) { status productsScraped percent final } }';
const QUEUE_STATS = 'subscription { queueStats(intervalMs: 1000) { name waiting active completed } }';

/**
 * The headline run: `trawl api` and `workers` x `trawl worker` processes on
 * one private Redis and one store, a campaign over the whole demo shop started
 * through the GraphQL mutation, followed over real subscriptions, with every
 * process's memory sampled, until it ends.
 */
export async function runCampaign(setup: CampaignRunSetup): Promise<CampaignRun> {
  const { deployment, cleanup, log } = setup;
  const api = await startApiProcess(deployment, cleanup);
  const workers = await Promise.all(Array.from({ length: setup.workers }, (_, i) => startWorkerProcess(`worker-${i + 1}`, deployment, cleanup)));
  const control = createRedis(deployment.redisUrl, 'producer');
  cleanup.add('redis control connection', () => void control.disconnect());
  await whenReady(control);
  const store = await createStore({ store: deployment.store, dataDir: deployment.dataDir, mongoUrl: deployment.mongoUrl ?? '' });
  cleanup.add('bench store connection', () => store.close());

  const sampler = new RssSampler(setup.sampleMs);
  sampler.add('api', api.pid);
  workers.forEach((worker) => sampler.add(worker.name, worker.pid));
  sampler.add('shop', setup.shop.pid);
  sampler.add('redis-server', await redisPid(control));
  sampler.add('bench', process.pid);
  sampler.start();
  cleanup.add('rss sampler', () => sampler.stop());
  const watch = new LiveWatch(api.url);
  cleanup.add('subscriptions', () => watch.stop());
  watch.subscribe('queueStats', QUEUE_STATS, {});

  const commandsBefore = await commandCalls(control);
  const startedAt = sampler.now();
  const started = Date.now();
  const id = await startCampaign(api.url, setup.shop.url);
  log(`campaign ${id} started on ${setup.shop.url}: ${setup.products} products, ${setup.workers} worker processes x ${deployment.concurrency}`);
  let finalSeen: () => void = () => undefined;
  const finalEvent = new Promise<void>((resolve) => (finalSeen = resolve));
  watch.subscribe('campaignProgress', PROGRESS, { id }, (data) => {
    if ((data.campaignProgress as { final?: boolean } | undefined)?.final) finalSeen();
  });
  const campaign = await waitForCampaign(store, id, { stallLimitMs: setup.stallLimitMs, log, label: 'campaign' });
  const endToEndMs = Date.now() - started;
  const endedAt = sampler.now();
  const commandsAfter = await commandCalls(control);
  await Promise.race([finalEvent, new Promise((resolve) => setTimeout(resolve, 5000))]);
  const feeds = await watch.stop();
  const memory = await sampler.stop();
  log(`campaign ${campaign.status} in ${(endToEndMs / 1000).toFixed(1)} s; reading the stored job records`);
  if (campaign.status !== 'COMPLETED') throw new Error(`campaign ${id} ended ${campaign.status}: ${campaign.failedReason ?? ''}`);

  const catalog = generateCatalog({ products: setup.products });
  const figures = await campaignFigures(store, id, catalog, setup.shop.url, campaign.createdAt);
  const top = commandDelta(commandsBefore, commandsAfter);
  return {
    campaignId: id, status: campaign.status, endToEndMs,
    storedDurationMs: (campaign.finishedAt?.getTime() ?? Number.NaN) - campaign.createdAt.getTime(),
    figures, feeds, memory,
    workerRss: memory.filter((m) => m.name.startsWith('worker-')).map((m) => workerRss(m, startedAt, endedAt)),
    cpu: memory.map((m) => ({ name: m.name, cpuMs: (sampleAt(m.samples, endedAt)?.cpuMs ?? 0) - (sampleAt(m.samples, startedAt)?.cpuMs ?? 0) })),
    redisCommands: top.reduce((sum, row) => sum + row.calls, 0),
    redisCommandsTop: top,
  };
}

async function startCampaign(apiUrl: string, seedUrl: string): Promise<string> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: START_CAMPAIGN, variables: { u: seedUrl } }),
  });
  const body = (await response.json()) as { data?: { startCampaign?: { id: string } }; errors?: unknown[] };
  const id = body.data?.startCampaign?.id;
  if (!id) throw new Error(`startCampaign failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  return id;
}

/** A worker's RSS at the campaign's start, middle and end, to show whether it stays flat. */
function workerRss(memory: ProcessMemory, startedAt: number, endedAt: number): WorkerRss {
  const at = (ms: number): number => sampleAt(memory.samples, ms)?.rssMb ?? Number.NaN;
  const third = (endedAt - startedAt) / 3;
  const median = (from: number, to: number): number =>
    summarize(memory.samples.filter((s) => s.atMs >= from && s.atMs <= to).map((s) => s.rssMb)).medianMs;
  return {
    name: memory.name, startMb: at(startedAt), midMb: at((startedAt + endedAt) / 2), endMb: at(endedAt), peakMb: memory.peakRssMb,
    firstThirdMedianMb: median(startedAt, startedAt + third), lastThirdMedianMb: median(endedAt - third, endedAt),
  };
}

