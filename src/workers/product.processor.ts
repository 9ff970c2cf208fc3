import type { Job } from 'bullmq';
import { HeldBack } from '../domain/errors.js';
import type { JobData, ProductJobData } from '../domain/job-data.js';
import type { ProductScrapeService } from '../domain/services/product-scrape.service.js';
import type { ProductJobResult } from '../domain/entities/scraping-job.js';
import type { ProductScrapeWrite } from '../domain/ports/storage.port.js';
import { isStoreOutage, revivePendingWrite } from '../domain/services/product-save.js';

/** How long a job whose product waits for the store looks again, once its attempts are spent. */
export const STORE_OUTAGE_HOLD_MS = 5_000;

/**
 * Processes a `product` job: one call into the domain. When the store is
 * unavailable after a successful extraction, the product is kept in the job's
 * data (`pendingResult`) and the attempt fails with the retryable
 * STORE_UNAVAILABLE; the next attempt only saves it. On the last attempt the
 * job is held back instead of failing for good, so an outage longer than the
 * retry budget delays the product but never loses it.
 */
export function productProcessor(service: ProductScrapeService) {
  return async (job: Job<JobData>, data: ProductJobData, signal?: AbortSignal): Promise<ProductJobResult> => {
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    const pending = revivePendingWrite((job.data as { pendingResult?: unknown }).pendingResult, data.jobId);
    let kept = pending !== undefined;
    const context = {
      attempt, maxAttempts,
      keepPending: async (write: ProductScrapeWrite) => {
        await job.updateData({ ...job.data, pendingResult: write } as unknown as JobData);
        kept = true;
      },
      ...(signal ? { signal } : {}),
    };
    try {
      return pending ? await service.savePending(pending, context) : await service.scrape(data, context);
    } catch (error) {
      if (kept && isStoreOutage(error) && attempt >= maxAttempts) {
        throw new HeldBack(STORE_OUTAGE_HOLD_MS, 'store unavailable; the extracted product waits in the job', { jobId: data.jobId });
      }
      throw error;
    }
  };
}
