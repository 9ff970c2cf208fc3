import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../src/domain/ports/storage.port.js';
import { createRedis, whenReady } from '../src/queue/redis-connection.js';
import { createStore } from '../src/storage/create-store.js';
import { startFerretDb } from '../test/support/ferretdb.js';
import { calibrateWrites, calibrationDir } from './campaign/calibration.js';
import { campaignOptions, type CampaignBenchOptions } from './campaign/campaign-options.js';
import { campaignRows } from './campaign/campaign-rows.js';
import { runCampaign } from './campaign/campaign-run.js';
import { probeEnqueue } from './campaign/enqueue-probe.js';
import { sqliteRowCounts } from './campaign/sqlite-rows.js';
import type { Deployment } from './campaign/trawl-processes.js';
import { tempDir, type Cleanup } from './support/cleanup.js';
import { startRedis, startShopProcess } from './support/services.js';
import type { BenchSuite, SuiteContext } from './support/suite.js';

/**
 * Issue #8's end-to-end benchmark: a demo shop of N products, a private
 * redis-server, `trawl api` and N `trawl worker` processes; a campaign over
 * the whole shop with full extraction and persistence, followed over GraphQL
 * subscriptions. Around it: the enqueue probe (bulk enqueue rate, Redis
 * memory per waiting job) and the write calibration (store writes per product).
 */
export const campaignSuite: BenchSuite = {
  name: 'campaign',
  description: 'end to end: demo shop -> trawl api + worker processes -> store; rates, latency, memory, Redis and store cost per product',
  run: (context) => runCampaignBench(campaignOptions(context.options, context.quick), context),
};

/** The campaign suite with explicit options (the test runs it at a tiny size). */
export async function runCampaignBench(opts: CampaignBenchOptions, { cleanup, log, record, extra }: SuiteContext): Promise<void> {
  extra('options', opts);
  const dir = await tempDir(cleanup, 'campaign');
  const redis = await startRedis(cleanup);
  const mongo = opts.store === 'mongo' ? await mongoBase(dir, cleanup) : undefined;
  const mongoUrl = (db: string): string | undefined => (mongo ? withDatabase(mongo, db) : undefined);

  log(`campaign: enqueue probe, ${opts.probeJobs} jobs with no workers`);
  const probe = await withProbeStore(opts, join(dir, 'probe'), mongoUrl('trawl_bench_probe'), async (store) => {
    const connection = createRedis(redis.url, 'producer');
    try {
      await whenReady(connection);
      return await probeEnqueue(connection, store, opts.probeJobs);
    } finally {
      connection.disconnect();
    }
  });
  extra('enqueueProbe', probe);

  log(`campaign: write calibration, ${opts.calibrationProducts} products with in-process workers`);
  const calibration = await calibrateWrites({
    products: opts.calibrationProducts, concurrency: opts.concurrency, redisUrl: redis.url, dataDir: calibrationDir(dir), store: opts.store,
    mongoUrl: mongoUrl('trawl_bench_calibration'), log,
  });
  extra('storeWriteCalibration', calibration);

  log(`campaign: starting the demo shop (${opts.products} products)`);
  const shop = await startShopProcess(cleanup, opts.products);
  const deployment: Deployment = {
    redisUrl: redis.url, prefix: 'bench', dataDir: join(dir, 'data'), store: opts.store, mongoUrl: mongoUrl('trawl_bench_campaign'), concurrency: opts.concurrency,
    workerHeapMb: opts.workerHeapMb,
  };
  const run = await runCampaign({ deployment, shop, products: opts.products, workers: opts.workers, sampleMs: opts.sampleMs, stallLimitMs: opts.stallLimitMs, cleanup, log });
  const sqliteRows = opts.store === 'sqlite' ? sqliteRowCounts(join(deployment.dataDir, 'trawl.sqlite')) : undefined;
  record(...campaignRows({ options: opts, run, probe, calibration, sqliteRows }));
  extra('campaign', {
    campaignId: run.campaignId, status: run.status, endToEndMs: run.endToEndMs, storedDurationMs: run.storedDurationMs, figures: run.figures,
    subscriptions: run.feeds, workerRss: run.workerRss,
  });
  extra('redisCommandsTop10', run.redisCommandsTop.slice(0, 10).map((row) => ({ ...row, perProduct: row.calls / Math.max(run.figures.productsStored, 1) })));
  extra('redisCommandsTotal', run.redisCommands);
  extra('sqliteRows', sqliteRows ?? null);
  extra('rssSeries', run.memory);
}

/** The MongoDB server of a mongo run: MONGO_URL, else a FerretDB started for the run. */
async function mongoBase(dir: string, cleanup: Cleanup): Promise<string> {
  if (process.env.MONGO_URL) return process.env.MONGO_URL;
  const ferret = await startFerretDb(join(dir, 'ferretdb'));
  cleanup.add('ferretdb', () => ferret.stop());
  return ferret.url;
}

/** The same server with another database name (each phase writes to its own database). */
function withDatabase(url: string, db: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.href;
}

/** A store of its own for the probe's job records (apart from the campaign's), closed afterwards. */
async function withProbeStore<T>(opts: CampaignBenchOptions, dataDir: string, mongoUrl: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  await mkdir(dataDir, { recursive: true });
  const store = await createStore({ store: opts.store, dataDir, mongoUrl: mongoUrl ?? '' });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
