import { TrawlError } from '../domain/errors.js';
import type { JobData } from '../domain/job-data.js';
import type { CampaignLifecycle } from '../domain/services/campaign-lifecycle.service.js';
import type { ProductScrapeService } from '../domain/services/product-scrape.service.js';
import type { ForeignFailure } from '../domain/services/reconciler.service.js';
import { parseJobData } from '../queue/job-data.schema.js';
import type { DeadLetterHooks } from './job-failure.js';

export interface ForeignFailureDeps {
  products: ProductScrapeService;
  lifecycle?: CampaignLifecycle;
  deadLetters: DeadLetterHooks;
}

/**
 * What a worker does on a final failure, for a job BullMQ failed on its own:
 * a job that stalled more often than allowed (it took its worker down each
 * time) fails for good as JOB_STALLED, a payload that could not even be read
 * as POISON_JOB; storage, the campaign ledger and the dead-letter queue learn
 * of it as they would of any final failure.
 */
export function foreignFailureSettler(deps: ForeignFailureDeps): (failure: ForeignFailure) => Promise<void> {
  return async (foreign) => {
    const data = readable(foreign.rawData);
    const failure = data
      ? new TrawlError('JOB_STALLED', `${foreign.failedReason}: the job lost its worker more often than allowed (a worker crash or kill each time)`, { url: data.targetUrl, reason: foreign.failedReason })
      : new TrawlError('POISON_JOB', `${foreign.failedReason}: the payload could not be read as job data`, { reason: foreign.failedReason });
    const attempt = Math.max(1, foreign.attemptsMade);
    if (data) {
      await deps.products.recordFailure(data, failure, { attempt, maxAttempts: attempt, durationMs: 0, final: true });
      await deps.lifecycle?.jobFailed(data, failure);
    }
    await deps.deadLetters.record({
      jobId: foreign.jobId, queue: foreign.queue, name: foreign.name, rawData: foreign.rawData, rawText: foreign.rawText, failure, attempt, durationMs: 0, ...(data ? { data } : {}),
    });
  };
}

function readable(raw: unknown): JobData | undefined {
  try {
    return parseJobData(raw);
  } catch {
    return undefined;
  }
}
