import type { Job } from 'bullmq';
import type { JobData, ProductJobData } from '../domain/job-data.js';
import type { ProductScrapeService } from '../domain/services/product-scrape.service.js';
import type { ProductJobResult } from '../domain/entities/scraping-job.js';

/** Processes a `product` job: one call into the domain. */
export function productProcessor(service: ProductScrapeService) {
  return async (job: Job<JobData>, data: ProductJobData, signal?: AbortSignal): Promise<ProductJobResult> =>
    service.scrape(data, {
      attempt: job.attemptsMade + 1,
      maxAttempts: job.opts.attempts ?? 1,
      progress: (percent) => void job.updateProgress(percent).catch(() => undefined),
      ...(signal ? { signal } : {}),
    });
}
