import { join } from 'node:path';
import { Runtime } from '../../src/bootstrap/runtime.js';
import { loadConfig } from '../../src/config/load-config.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import { Cleanup } from '../support/cleanup.js';
import { startShopProcess } from '../support/services.js';
import { waitForCampaign } from './campaign-wait.js';
import { countStoreWrites, type WriteCounts } from './write-counter.js';

export interface Calibration {
  products: number;
  concurrency: number;
  writes: WriteCounts;
  /** Port write calls per product stored. */
  writesPerProduct: number;
  /** `recordProductScrape` calls (one transaction each on SQLite) per product stored. */
  productTransactionsPerProduct: number;
}

export interface CalibrationSetup {
  products: number;
  concurrency: number;
  redisUrl: string;
  dataDir: string;
  store: 'sqlite' | 'mongo';
  mongoUrl: string | undefined;
  log: (line: string) => void;
}

/**
 * A small campaign with the API and workers in this process, whose store
 * counts every write call: storage writes per product, by method. (Worker
 * processes cannot be instrumented without a hook in src; the writes per
 * product do not depend on where the worker runs.)
 */
export async function calibrateWrites(setup: CalibrationSetup): Promise<Calibration> {
  const local = new Cleanup();
  try {
    const shop = await startShopProcess(local, setup.products);
    const config = loadConfig({}, {
      redisUrl: setup.redisUrl, dataDir: setup.dataDir, queuePrefix: 'calibration', port: 0, host: '127.0.0.1', allowPrivateNetwork: true, logLevel: 'silent',
      rateLimitDelayMs: 0, campaignRateLimitDelayMs: 0, domainMaxConcurrency: 0, workerConcurrency: setup.concurrency, shutdownTimeoutMs: 10_000, store: setup.store,
      ...(setup.mongoUrl ? { mongoUrl: setup.mongoUrl } : {}),
    });
    const runtime = await Runtime.start({ config, roles: { api: true, workers: true }, logger: SILENT_LOGGER });
    local.add('calibration runtime', () => runtime.close());
    const counter = countStoreWrites(runtime.store);
    const campaign = await runtime.services!.campaigns.start({ seedUrl: shop.url, rateLimitDelayMs: 0, maxCategoryPages: 10_000 });
    await waitForCampaign(runtime.store, campaign.id, { stallLimitMs: 60_000, log: setup.log, label: 'calibration' });
    const writes = counter.counts();
    const products = (await runtime.store.products.list({ campaignId: campaign.id }, { first: 0 })).totalCount;
    const scrapes = writes.byMethod.find((row) => row.method === 'recordProductScrape')?.calls ?? 0;
    return {
      products, concurrency: setup.concurrency, writes,
      writesPerProduct: products > 0 ? writes.total / products : Number.NaN,
      productTransactionsPerProduct: products > 0 ? scrapes / products : Number.NaN,
    };
  } finally {
    await local.run();
  }
}

/** The data dir of the calibration store, apart from the campaign's. */
export const calibrationDir = (root: string): string => join(root, 'calibration');
