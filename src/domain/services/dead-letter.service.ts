import type { DeadLetter, DeadLetterFilter, FailureBundle, PolitenessDecision } from '../entities/dead-letter.js';
import type { AttemptError } from '../entities/scraping-job.js';
import { TrawlError, notFound } from '../errors.js';
import type { JobData } from '../job-data.js';
import type { EnqueuedJob } from '../ports/job-queue.port.js';
import type { Logger } from '../ports/logger.port.js';
import type { Store } from '../ports/storage.port.js';
import { normalizePage, type Page } from '../pagination.js';
import type { CampaignLifecycle } from './campaign-lifecycle.service.js';

/** Puts a dead job back on its queue. Adapter: src/queue/bullmq-dead-letter-requeue.ts. */
export interface DeadLetterRequeue {
  /**
   * Adds the job again under its own id with fresh attempts, on the queue its
   * priority picks, replacing the failed copy the queue may still hold.
   * CONFLICT when the queue holds the job waiting or running.
   */
  requeue(data: JobData): Promise<EnqueuedJob>;
}

/** A job's final failure as the worker saw it. */
export interface FinalFailure {
  jobId: string;
  queue: string;
  /** The queue's job name (the job type, unless the payload lied). */
  name: string;
  /** The payload as read from the queue, whatever it is. */
  rawData: unknown;
  /** The payload exactly as Redis held it, when that is known (kept verbatim, even when it is not JSON). */
  rawText?: string;
  /** The payload, when it was valid. */
  data?: JobData;
  failure: TrawlError;
  attempt: number;
  durationMs: number;
}

export interface DeadLetterServiceDeps {
  store: Store;
  logger: Logger;
  /** Needed to retry (the API and the workers have it). */
  requeue?: DeadLetterRequeue;
  /** Campaign bookkeeping of retries. */
  lifecycle: CampaignLifecycle;
  /** Dead letters older than this are purged by `purgeExpired`. */
  keepDays?: number;
}

const MAX_HEADER_BYTES = 8 * 1024;
const MAX_BODY_HEAD = 1024;
const RETRY_BATCH = 200;
/** Old dead letters are purged by the workers that record new ones, at most this often. */
const PURGE_EVERY_MS = 3_600_000;

/**
 * The dead-letter queue (issue: DLQ). Source of truth is a durable store
 * record, not a BullMQ queue: BullMQ trims its failed set (`removeOnFail`),
 * a store record survives restarts and trims, is listed with filters and
 * pages like every other record, and sits next to the job's attempt history
 * and the campaign ledger it must stay consistent with. BullMQ's failed copy
 * is left to its retention and replaced when the job is retried.
 */
export class DeadLetterService {
  private lastPurge = 0;

  constructor(private readonly deps: DeadLetterServiceDeps) {}

  /** Called once per final failure (a permanent code or the last attempt); replaying it rewrites the same record. */
  async record(final: FinalFailure): Promise<DeadLetter> {
    const { data, failure } = final;
    const previous = data ? await this.deps.store.results.get(final.jobId) : null;
    const attempts: AttemptError[] = previous?.errors.length ? previous.errors : [{
      attempt: final.attempt, code: failure.code, message: failure.message, durationMs: final.durationMs, at: new Date(),
      ...(failure.details.url ? { url: failure.details.url } : {}), ...(failure.details.httpStatus ? { httpStatus: failure.details.httpStatus } : {}),
    }];
    const url = data?.targetUrl ?? failure.details.url;
    const letter = await this.deps.store.deadLetters.put({
      jobId: final.jobId, queue: final.queue, type: data?.type ?? final.name, code: failure.code, message: failure.message,
      rawData: final.rawText ?? rawText(final.rawData), attempts, bundle: failureBundle(failure, url ?? ''), deadAt: new Date(),
      ...(data ? { data, priority: data.priority } : {}), ...(data?.campaignId ? { campaignId: data.campaignId } : {}), ...(url ? { url } : {}),
    });
    this.deps.logger.warn({ jobId: final.jobId, deadLetterId: letter.id, code: failure.code }, 'job dead-lettered');
    if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = Date.now();
      await this.purgeExpired().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not purge old dead letters'));
    }
    return letter;
  }

  /** By dead-letter id, or by the job's id. */
  async get(id: string): Promise<DeadLetter | null> {
    return (await this.deps.store.deadLetters.get(id)) ?? this.deps.store.deadLetters.getByJobId(id);
  }

  list(filter: DeadLetterFilter, first?: number | null, after?: string | null): Promise<Page<DeadLetter>> {
    return this.deps.store.deadLetters.list(filter, normalizePage(first, after));
  }

  /** Re-drives one dead job (by dead-letter or job id) with fresh attempts; its record stays, marked RETRIED. */
  async retryJob(id: string): Promise<DeadLetter> {
    const letter = await this.get(id);
    if (!letter) throw notFound('Dead letter', id);
    const data = retriable(letter);
    if (data.campaignId) await this.deps.lifecycle.reopen(data.campaignId, [data]);
    return this.redrive(letter, data);
  }

  /** Re-drives every DEAD letter of a campaign; returns them marked RETRIED. */
  async retryFailed(campaignId: string): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    for (let after: string | undefined; ;) {
      const page = await this.deps.store.deadLetters.list({ campaignId, status: 'DEAD' }, { first: RETRY_BATCH, ...(after ? { after } : {}) });
      letters.push(...page.items.filter((l) => l.data));
      if (!page.hasNextPage) break;
      after = page.cursors.at(-1);
    }
    if (letters.length === 0) return [];
    await this.deps.lifecycle.reopen(campaignId, letters.map((l) => l.data!));
    const retried: DeadLetter[] = [];
    for (const letter of letters) retried.push(await this.redrive(letter, letter.data!));
    return retried;
  }

  /** Deletes a dead letter (by dead-letter or job id) without re-driving it. */
  async discard(id: string): Promise<DeadLetter> {
    const letter = await this.get(id);
    if (!letter) throw notFound('Dead letter', id);
    await this.deps.store.deadLetters.remove(letter.id);
    return letter;
  }

  /** Deletes dead letters older than `keepDays`. Returns how many. */
  async purgeExpired(now: Date = new Date()): Promise<number> {
    if (!this.deps.keepDays) return 0;
    return this.deps.store.deadLetters.purge(new Date(now.getTime() - this.deps.keepDays * 86_400_000));
  }

  /**
   * A job ended (completed, or failed for good) that has no flow parent. For a
   * campaign's product or category job that means it was re-driven: the
   * campaign completes again once nothing is pending.
   */
  async redrivenJobEnded(data: JobData): Promise<void> {
    if (!data.campaignId || data.type === 'full_site' || data.type === 'navigation') return;
    await this.deps.lifecycle.settleRedriven(data.campaignId);
  }

  private async redrive(letter: DeadLetter, data: JobData): Promise<DeadLetter> {
    if (!this.deps.requeue) throw new TrawlError('UNSUPPORTED', 'This process cannot retry jobs (no queue)');
    await this.deps.requeue.requeue(data);
    await this.deps.store.jobs.updateStatus(data.jobId, { status: 'QUEUED', attempts: 0, at: new Date() }).catch(() => undefined);
    const marked = await this.deps.store.deadLetters.markRetried(letter.id, new Date());
    this.deps.logger.info({ jobId: letter.jobId, deadLetterId: letter.id }, 'dead letter retried');
    return marked ?? (await this.deps.store.deadLetters.get(letter.id)) ?? letter;
  }
}

function retriable(letter: DeadLetter): JobData {
  if (letter.status !== 'DEAD') throw new TrawlError('CONFLICT', `Dead letter ${letter.id} was already retried`, { id: letter.id });
  if (!letter.data) throw new TrawlError('CONFLICT', `Dead letter ${letter.id} has no valid job data (${letter.code}); discard it instead`, { id: letter.id });
  return letter.data;
}

/** The bundle from what the fetch error carried (`details.response`, `details.politeness`). */
export function failureBundle(failure: TrawlError, requestedUrl: string): FailureBundle {
  const response = (failure.details.response ?? {}) as { finalUrl?: unknown; status?: unknown; headers?: unknown; bodyHead?: unknown; durationMs?: unknown };
  const finalUrl = typeof response.finalUrl === 'string' ? response.finalUrl : failure.details.url;
  const status = typeof response.status === 'number' ? response.status : failure.details.httpStatus;
  const politeness = failure.details.politeness;
  return {
    requestedUrl,
    ...(finalUrl ? { finalUrl } : {}),
    ...(status ? { httpStatus: status } : {}),
    ...(isRecord(response.headers) ? { headers: capHeaders(response.headers) } : {}),
    ...(typeof response.bodyHead === 'string' ? { bodyHead: response.bodyHead.slice(0, MAX_BODY_HEAD) } : {}),
    ...(typeof response.durationMs === 'number' ? { durationMs: response.durationMs } : {}),
    ...(isRecord(politeness) ? { politeness: politeness as PolitenessDecision } : {}),
  };
}

/** Headers as strings, stopping before their total size passes 8 KB. */
export function capHeaders(headers: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  let size = 0;
  for (const [name, value] of Object.entries(headers)) {
    const text = String(value);
    size += name.length + text.length + 4;
    if (size > MAX_HEADER_BYTES) break;
    kept[name] = text;
  }
  return kept;
}

/** The payload as JSON text, whatever it is (a string payload stays quoted, so the text parses back to it). */
function rawText(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
