import { DelayedError, WaitingChildrenError, type Job } from 'bullmq';
import { HeldBack, isHeldBack, TrawlError, toTrawlError } from '../domain/errors.js';
import { unreachable } from '../domain/errors.js';
import type { JobData, ProductJobData } from '../domain/job-data.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { ProductScrapeService } from '../domain/services/product-scrape.service.js';
import type { NavigationService } from '../domain/services/navigation.service.js';
import { parseJobData } from '../queue/job-data.schema.js';
import { deadLetterFinalFailure, deadLetterJobEnded, toQueueError, type DeadLetterHooks } from './job-failure.js';
import { productProcessor } from './product.processor.js';
import { gatedProduct, listingProcessor, siteProcessor, type CampaignProcessorDeps } from './campaign.processors.js';
import { cancellationMessage, type JobCancellation } from '../domain/services/job-cancellation.js';
import { cancelledJobError } from './job-cancel.js';
import { scheduledCampaignProcessor } from './scheduled-campaign.processor.js';
import type { CampaignScheduleService } from '../domain/services/campaign-schedule.service.js';

export interface JobRouterDeps {
  products: ProductScrapeService;
  /** Campaign work (site, category and search jobs); without it those job types are refused. */
  campaigns?: CampaignProcessorDeps;
  /** Browser navigation jobs; without it they are refused. */
  navigation?: NavigationService;
  logger: Logger;
  /** Called after every finished attempt (metrics). */
  onAttempt?: (type: string, outcome: 'completed' | 'failed' | 'retry', durationMs: number) => void;
  /** Called when a job is put back in the delayed set without spending an attempt (metrics, logs). */
  onHeldBack?: (type: string, held: HeldBack) => void;
  /** Called after a job stored a product, with its completeness (metrics). */
  onProductStored?: (completeness: number) => void;
  /** The dead-letter queue: keeps every job that failed for good (see DeadLetterService). */
  deadLetters?: DeadLetterHooks;
  /** Records jobs aborted on request (cancelJob) as cancelled; they fail with CANCELLED and are never retried. */
  cancellation?: Pick<JobCancellation, 'record'>;
  /** Recurring campaigns: a `scheduled_campaign` firing starts one; without it those jobs are refused. */
  schedules?: Pick<CampaignScheduleService, 'run'>;
  /**
   * Runs an attempt inside a log context: every record logged during it, by
   * any service, carries the bindings (jobId, campaignId, domain, type,
   * attempt). The object gains campaignId and domain once the payload parses.
   */
  logContext?: <T>(bindings: Record<string, unknown>, run: () => Promise<T>) => Promise<T>;
  /** Called when an attempt starts (the worker's readiness sees its loop take work). */
  onStart?: () => void;
}

/**
 * The processor BullMQ calls for every job: validates the payload (a poison
 * job fails at once), dispatches on the job type, records failures in storage
 * and translates errors for BullMQ.
 */
export function createJobRouter(deps: JobRouterDeps) {
  const plainProduct = productProcessor(deps.products);
  const campaigns = deps.campaigns;
  const product = campaigns ? gatedProduct(campaigns, plainProduct) : (job: Job<JobData>, data: ProductJobData, _token?: string, signal?: AbortSignal) => plainProduct(job, data, signal);
  const site = campaigns ? siteProcessor(campaigns) : undefined;
  const listing = campaigns ? listingProcessor(campaigns) : undefined;
  const inContext = deps.logContext ?? (<T>(_bindings: Record<string, unknown>, run: () => Promise<T>) => run());
  return (job: Job<unknown>, token?: string, signal?: AbortSignal): Promise<unknown> => {
    const bindings: Record<string, unknown> = { jobId: job.id, type: job.name, attempt: job.attemptsMade + 1, queue: job.queueName };
    return inContext(bindings, () => attemptJob(job, bindings, token, signal));
  };

  async function attemptJob(job: Job<unknown>, bindings: Record<string, unknown>, token?: string, signal?: AbortSignal): Promise<unknown> {
    deps.onStart?.();
    const started = Date.now();
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    let data: JobData | undefined;
    try {
      data = parseJobData(job.data);
      Object.assign(bindings, jobBindings(data));
      const jobLog = deps.logger.child({ ...bindings });
      jobLog.debug({}, 'job attempt started');
      const result = await dispatch(job as Job<JobData>, data, token, signal);
      await deadLetterJobEnded(deps.deadLetters, job, data, deps.logger);
      deps.onAttempt?.(data.type, 'completed', Date.now() - started);
      if (isProductResult(result)) deps.onProductStored?.(result.completeness);
      jobLog.info({ durationMs: Date.now() - started }, 'job completed');
      return result;
    } catch (error) {
      // Flow control, not failure: a parent waits for its children; a held-back job (paused campaign,
      // politeness) goes back to the delayed set without spending an attempt.
      if (error instanceof DelayedError || error instanceof WaitingChildrenError) throw error;
      const cancelled = signal?.aborted ? cancellationMessage(signal.reason) : undefined;
      if (cancelled !== undefined) throw await cancelledJobError(deps, job, data, cancelled, started);
      if (isHeldBack(error) && token) {
        await job.moveToDelayed(Date.now() + error.delayMs, token);
        deps.onHeldBack?.(data?.type ?? job.name, error);
        throw new DelayedError();
      }
      const failure = toTrawlError(error);
      const final = !failure.retryable || attempt >= maxAttempts;
      const log = deps.logger.child({ ...bindings, code: failure.code });
      if (data) {
        await deps.products.recordFailure(data, failure, { attempt, maxAttempts, durationMs: Date.now() - started, final })
          .catch((storeError: unknown) => log.error({ err: storeError }, 'could not record job failure'));
        if (final) await campaigns?.lifecycle.jobFailed(data, failure).catch((storeError: unknown) => log.error({ err: storeError }, 'could not record campaign failure'));
      }
      if (final) await deadLetterFinalFailure(deps.deadLetters, job, data, failure, { attempt, durationMs: Date.now() - started }, log);
      if (failure.code === 'INTERNAL') log.error({ err: error }, 'job failed with an unexpected error');
      else log.warn({ message: failure.message }, final ? 'job failed' : 'job attempt failed, will retry');
      deps.onAttempt?.(data?.type ?? 'unknown', final ? 'failed' : 'retry', Date.now() - started);
      throw toQueueError(failure);
    }
  }

  async function dispatch(job: Job<JobData>, data: JobData, token?: string, signal?: AbortSignal): Promise<unknown> {
    switch (data.type) {
      case 'product':
        return product(job, data, token, signal);
      case 'full_site':
        if (site) return site(job, data, token, signal);
        break;
      case 'category_search':
      case 'search':
        if (listing) return listing(job, data, token, signal);
        break;
      case 'navigation':
        if (deps.navigation) return deps.navigation.run(data, signal);
        break;
      case 'scheduled_campaign':
        if (deps.schedules) return scheduledCampaignProcessor(deps.schedules)(job, data);
        break;
      default:
        return unreachable(data, 'job type');
    }
    throw new TrawlError('UNSUPPORTED', `Job type ${data.type} is not processed by this worker version`);
  }
}

/** What every log line of a job carries besides its id: type, campaign and the target's domain. */
function jobBindings(data: JobData): Record<string, unknown> {
  return { type: data.type, campaignId: data.campaignId, domain: hostOf(data.targetUrl) };
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

function isProductResult(result: unknown): result is { kind: 'product'; completeness: number } {
  return typeof result === 'object' && result !== null && (result as { kind?: unknown }).kind === 'product' && typeof (result as { completeness?: unknown }).completeness === 'number';
}
