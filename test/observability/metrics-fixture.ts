import type { TestContext } from 'node:test';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { scrape } from './metrics-support.js';

/** An API process and a worker process (each a runtime of one role) sharing Redis and storage, after they scraped `products` products of a demo shop. */
export interface ObservedPair {
  shop: DemoShop;
  api: Runtime;
  worker: Runtime;
  apiMetrics(): Promise<string>;
  workerMetrics(): Promise<string>;
}

export async function startObservedPair(t: TestContext, products = 3): Promise<ObservedPair> {
  const shop = await startDemoShop({ products });
  t.after(() => shop.close());
  const config = testConfig({ workerPort: 0, workerHeartbeatMs: 500, metricsQueueCacheMs: 0, successCacheMs: 0 });
  const worker = await startRuntime(t, { api: false, workers: true }, config);
  const api = await startRuntime(t, { api: true, workers: false }, config);
  const jobs = await Promise.all(shop.catalog.products.slice(0, products).map((p) => api.jobs.enqueue({ type: 'product', url: `${shop.url}${p.path.slice(1)}` })));
  await waitUntil(async () => {
    const states = await Promise.all(jobs.map(async (job) => (await api.jobs.get(job.id))?.state));
    return states.every((s) => s === 'completed') ? true : undefined;
  }, 90_000, 'the product jobs to complete');
  return {
    shop, api, worker,
    apiMetrics: () => scrape(api.apiUrl!),
    workerMetrics: () => (worker.workerUrl ? scrape(worker.workerUrl) : worker.metrics.render()),
  };
}
