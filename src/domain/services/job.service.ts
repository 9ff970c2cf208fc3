import type { CategoryRef } from '../entities/category.js';
import type { AttemptError, JobResult, JobStatus } from '../entities/scraping-job.js';
import { TrawlError, invalidInput, type ErrorCode } from '../errors.js';
import { newId } from '../ids.js';
import { DEFAULT_SCRAPE_SETTINGS, JOB_DATA_VERSION, type JobData, type JobPriority, type JobType, type NavigationStep, type ScrapeSettings } from '../job-data.js';
import { validateSteps } from '../navigation-steps.js';
import { checkEnqueueRequest } from '../enqueue-request.validation.js';
import type { JobQueue, QueueJobState } from '../ports/job-queue.port.js';
import type { Store } from '../ports/storage.port.js';
import { canonicalUrl, parseTargetUrl, siteOf, type TargetPolicy } from '../url.js';

/** Category context as a client gives it: `path` may be a path or an absolute URL. */
export interface CategoryContextInput {
  name: string;
  path: string;
  parent?: string;
}

export interface EnqueueRequest {
  type: JobType;
  url: string;
  priority?: JobPriority;
  category?: CategoryContextInput;
  campaignId?: string;
  settings?: Partial<ScrapeSettings>;
  /** The search query of a `search` job. */
  query?: string;
  /** Page cap of a `category_search` or `search` job. */
  maxPages?: number;
  /** The steps of a `navigation` job, validated by the domain. */
  steps?: unknown;
}

/** A job as clients see it: queue state when the queue still has it, the stored record otherwise. */
export interface JobView {
  id: string;
  type: JobType;
  queue: string;
  url: string;
  priority: JobPriority;
  /** The queue's state, or `cancelled` for a job cancelled or removed before it finished (known from storage). */
  state: JobViewState;
  attemptsMade: number;
  maxAttempts: number;
  progress: number;
  failedReason?: string;
  errorCode?: ErrorCode;
  /** Every failed attempt in full (code, message, HTTP status, URL, duration), oldest first. */
  attemptErrors?: AttemptError[];
  /** Seed 004: the stored result first, the queue's return value as the fallback. */
  result?: JobResult;
  resultSource?: 'storage' | 'queue';
  campaignId?: string;
  category?: CategoryRef;
  createdAt: Date;
  processedAt?: Date;
  finishedAt?: Date;
}

/** What a job view reports as its state. */
export type JobViewState = QueueJobState | 'cancelled';

const RECORD_STATES: Record<JobStatus, JobViewState> = {
  QUEUED: 'waiting', ACTIVE: 'active', COMPLETED: 'completed', FAILED: 'failed', DELAYED: 'delayed', CANCELLED: 'cancelled',
};

export interface JobServiceDeps {
  store: Store;
  queue: JobQueue;
  targetPolicy: TargetPolicy;
  defaults?: Partial<ScrapeSettings>;
}

/** Enqueueing and inspecting jobs: the use cases behind `enqueueJob`, `job(id)` and the REST job routes. */
export class JobService {
  private readonly defaults: ScrapeSettings;

  constructor(private readonly deps: JobServiceDeps) {
    this.defaults = { ...DEFAULT_SCRAPE_SETTINGS, ...deps.defaults };
  }

  async enqueue(request: EnqueueRequest, field = 'input'): Promise<JobView> {
    const [view] = await this.enqueueMany([request], field);
    return view!;
  }

  /** Validates every request first (nothing is queued if one is bad), records the jobs, then queues them. */
  async enqueueMany(requests: readonly EnqueueRequest[], field = 'input'): Promise<JobView[]> {
    const batch = newBatchContext();
    const jobs = requests.map((request, i) => this.buildJobData(request, requests.length > 1 ? `${field}[${i}]` : field, batch));
    const now = new Date();
    await this.deps.store.jobs.insertMany(jobs.map((data) => ({
      id: data.jobId, type: data.type, queue: this.deps.queue.queueFor(data.priority), url: data.targetUrl, site: data.siteIntelligenceId,
      priority: data.priority, status: 'QUEUED' as const, attempts: 0, createdAt: now, updatedAt: now,
      ...(data.campaignId ? { campaignId: data.campaignId } : {}), ...(data.category ? { categoryUrl: data.category.url } : {}),
    })));
    try {
      await this.deps.queue.enqueue(jobs);
    } catch (error) {
      const at = new Date();
      const message = (error as Error).message;
      await Promise.allSettled(jobs.map((data) => this.deps.store.jobs.updateStatus(data.jobId, {
        status: 'FAILED', at, error: { attempt: 0, code: 'QUEUE_UNAVAILABLE', message, at },
      })));
      throw error;
    }
    return jobs.map((data) => viewOfNewJob(data, this.deps.queue.queueFor(data.priority), now));
  }

  /**
   * Builds a validated job payload. Throws INVALID_URL / PRIVATE_NETWORK_TARGET / INVALID_INPUT naming the field.
   * Jobs built for one batch share its creation time and resolve each distinct category once.
   */
  buildJobData(request: EnqueueRequest, field = 'input', batch: BatchContext = newBatchContext()): JobData {
    checkEnqueueRequest(request, field);
    const target = parseTargetUrl(request.url, `${field}.url`, this.deps.targetPolicy);
    if (request.maxPages !== undefined && (!Number.isInteger(request.maxPages) || request.maxPages < 1 || request.maxPages > 10_000)) {
      throw invalidInput(`${field}.maxPages`, `${field}.maxPages must be an integer from 1 to 10000, got ${request.maxPages}`);
    }
    const base = {
      v: JOB_DATA_VERSION, jobId: newId(), targetUrl: target.href, createdAt: batch.createdAt,
      priority: request.priority ?? 'NORMAL', settings: { ...this.defaults, ...request.settings }, siteIntelligenceId: siteOf(target),
      ...(request.campaignId ? { campaignId: request.campaignId } : {}),
      ...(request.category ? { category: this.batchCategoryRef(batch, request.category, target, `${field}.category`) } : {}),
    };
    switch (request.type) {
      case 'product':
        return { ...base, type: request.type };
      case 'category_search':
        return { ...base, type: request.type, ...(request.maxPages ? { maxCategoryPages: request.maxPages } : {}) };
      case 'search': {
        const query = request.query?.trim();
        if (!query || query.length > 200) throw invalidInput(`${field}.query`, `${field}.query is required for a SEARCH job (1 to 200 characters)`);
        return { ...base, type: request.type, query, ...(request.maxPages ? { maxCategoryPages: request.maxPages } : {}) };
      }
      case 'full_site':
        throw new TrawlError('UNSUPPORTED', `${field}.type FULL_SITE runs as a campaign: use startCampaign`, { field: `${field}.type` });
      case 'navigation':
        return { ...base, type: request.type, steps: navigationSteps(request.steps, `${field}.steps`) };
      default:
        throw invalidInput(`${field}.type`, `${field}.type ${String(request.type)} is not a job type`);
    }
  }

  /** A category already resolved in this batch (same input, same origin) is reused: a listing's products all share one. */
  private batchCategoryRef(batch: BatchContext, input: CategoryContextInput, target: URL, field: string): CategoryRef {
    const key = `${target.origin}\n${input.name}\n${input.path}\n${input.parent ?? ''}`;
    const known = batch.categories.get(key);
    if (known) return { ...known };
    const ref = this.categoryRef(input, target, field);
    batch.categories.set(key, ref);
    return { ...ref };
  }

  private categoryRef(input: CategoryContextInput, target: URL, field: string): CategoryRef {
    const name = input.name.trim();
    if (!name) throw invalidInput(`${field}.name`, `${field}.name is empty`);
    const url = this.resolveAgainst(input.path, target, `${field}.path`);
    const ref: CategoryRef = { url: canonicalUrl(url), name, path: url.pathname };
    if (input.parent) ref.parentUrl = canonicalUrl(this.resolveAgainst(input.parent, target, `${field}.parent`));
    return ref;
  }

  private resolveAgainst(pathOrUrl: string, target: URL, field: string): URL {
    let absolute: string;
    try {
      absolute = new URL(pathOrUrl.trim(), target.origin).href;
    } catch {
      throw new TrawlError('INVALID_URL', `${field} "${pathOrUrl}" is not a path or URL`, { field });
    }
    return parseTargetUrl(absolute, field, this.deps.targetPolicy);
  }

  async get(id: string): Promise<JobView | null> {
    // Queue first, storage second: a worker writes storage before it settles the
    // BullMQ job, so a final state read here always finds its stored record.
    const snapshot = await this.deps.queue.getJob(id);
    const [record, stored] = await Promise.all([
      this.deps.store.jobs.get(id),
      this.deps.store.results.get(id).catch(() => null),
    ]);
    if (!snapshot && !record) return null;
    const view: JobView = snapshot
      ? {
          id, type: snapshot.type, queue: snapshot.queue, url: snapshot.data.targetUrl, priority: snapshot.data.priority, state: snapshot.state,
          attemptsMade: snapshot.attemptsMade, maxAttempts: snapshot.maxAttempts, progress: snapshot.progress, createdAt: snapshot.createdAt,
          ...optional({ failedReason: snapshot.failedReason, processedAt: snapshot.processedAt, finishedAt: snapshot.finishedAt,
            campaignId: snapshot.data.campaignId, category: snapshot.data.category }),
        }
      : {
          id, type: record!.type, queue: record!.queue, url: record!.url, priority: record!.priority, state: RECORD_STATES[record!.status],
          attemptsMade: record!.attempts, maxAttempts: record!.attempts, progress: record!.status === 'COMPLETED' ? 100 : 0, createdAt: record!.createdAt,
          ...optional({ failedReason: record!.failedReason, finishedAt: record!.finishedAt, campaignId: record!.campaignId }),
        };
    if (record?.errorCode) view.errorCode = record.errorCode;
    if (stored?.errors.length) view.attemptErrors = stored.errors;
    if (stored?.result) {
      view.result = stored.result;
      view.resultSource = 'storage';
    } else if (snapshot?.state === 'completed' && isJobResult(snapshot.returnValue)) {
      view.result = snapshot.returnValue;
      view.resultSource = 'queue';
    }
    return view;
  }
}

/** Validated navigation steps; errors name the step and field (`input.steps.2.selector`). */
function navigationSteps(raw: unknown, field: string): NavigationStep[] {
  if (!Array.isArray(raw) || raw.length === 0) throw invalidInput(field, `${field} must be a non-empty list of steps`);
  if (raw.length > 100) throw invalidInput(field, `${field} has ${raw.length} steps; at most 100`);
  try {
    validateSteps(raw as NavigationStep[]);
  } catch (error) {
    if (error instanceof TrawlError && typeof error.details.field === 'string') {
      const inner = error.details.field.replace(/^steps\./, '');
      throw new TrawlError(error.code, error.message, { ...error.details, field: `${field}.${inner}` });
    }
    throw error;
  }
  return raw as NavigationStep[];
}

function viewOfNewJob(data: JobData, queue: string, now: Date): JobView {
  return {
    id: data.jobId, type: data.type, queue, url: data.targetUrl, priority: data.priority, state: 'waiting', attemptsMade: 0, maxAttempts: 3,
    progress: 0, createdAt: now, ...optional({ campaignId: data.campaignId, category: data.category }),
  };
}

function isJobResult(value: unknown): value is JobResult {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  return kind === 'product' || kind === 'navigation';
}

/** Drops undefined values so optional properties stay absent. */
function optional<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What the jobs of one enqueue call share. */
interface BatchContext {
  createdAt: string;
  categories: Map<string, CategoryRef>;
}

function newBatchContext(): BatchContext {
  return { createdAt: new Date().toISOString(), categories: new Map() };
}
