import type { NavigationJobResult } from '../entities/scraping-job.js';
import type { NavigationJobData } from '../job-data.js';
import type { NavigationRunner } from '../ports/browser.port.js';
import type { ProductExtractor } from '../ports/product-extractor.port.js';
import type { Store } from '../ports/storage.port.js';
import { completenessOf } from '../product-quality.js';

export interface NavigationServiceDeps {
  store: Store;
  runner: NavigationRunner;
  extractor: ProductExtractor;
  /** Step budget when the job sets none. */
  stepTimeoutMs: number;
}

/**
 * Navigation jobs (seed 004): run the job's steps in the browser, extract
 * products from the page snapshots it took, store the result under the job's
 * id and return it (BullMQ keeps it as the fallback).
 */
export class NavigationService {
  constructor(private readonly deps: NavigationServiceDeps) {}

  async run(data: NavigationJobData, signal?: AbortSignal): Promise<NavigationJobResult> {
    const started = Date.now();
    const run = await this.deps.runner.run(data.steps, {
      startUrl: data.targetUrl, timeoutMs: data.settings.timeoutMs, stepTimeoutMs: data.stepTimeoutMs ?? this.deps.stepTimeoutMs, ...(signal ? { signal } : {}),
    });
    const products: NavigationJobResult['products'] = [];
    for (const page of run.pages) {
      const product = await this.deps.extractor.extract(page);
      if (!product) continue;
      products.push({
        url: page.url, canonicalUrl: product.canonicalUrl ?? page.url, title: product.title, availability: product.availability,
        completeness: completenessOf(product), ...(product.price ? { price: product.price } : {}),
      });
    }
    const result: NavigationJobResult = {
      kind: 'navigation', url: data.targetUrl, finalUrl: run.finalUrl, steps: run.steps, extracted: run.extracted, products, durationMs: Date.now() - started,
    };
    const at = new Date();
    await this.deps.store.results.put({ jobId: data.jobId, type: 'navigation', url: data.targetUrl, status: 'SUCCEEDED', result, errors: [], createdAt: at });
    await this.deps.store.jobs.updateStatus(data.jobId, { status: 'COMPLETED', at });
    return result;
  }
}
