import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { TrawlError, invalidInput, notFound } from '../domain/errors.js';
import type { JobPriority } from '../domain/job-data.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { EnqueueRequest, JobView } from '../domain/services/job.service.js';
import type { ApiServices } from '../resolvers/context.js';
import { handle } from './rest.routes.js';
import { findInputProblem, type InputBounds } from './security/input-shape.js';

export interface SeedRestOptions {
  services: Pick<ApiServices, 'jobs' | 'jobBatch' | 'queueAdmin'>;
  /** The API-key guard (GET needs read, POST write), as on every REST route. */
  guard: RequestHandler;
  logger: Logger;
  maxRequestBytes: number;
  bounds?: InputBounds;
}

/**
 * Seed 000's endpoints, kept for clients written against it, with its
 * snake_case field names: `POST /api/scraping/jobs` (create a job; seed job
 * data fields such as `target_url`, `scraping_type`, `category_path`),
 * `GET /api/scraping/jobs/:id` (state plus result: storage first, the BullMQ
 * return value as the fallback) and `GET /api/queue/stats` (queue depth and
 * worker status). The same domain calls as GraphQL.
 */
export function seedRestRouter(options: SeedRestOptions): Router {
  const { services, logger } = options;
  const router = Router();
  const body = [express.json({ limit: options.maxRequestBytes }), checkBody(options.bounds)];
  router.use(['/api/scraping', '/api/queue'], options.guard);
  router.post('/api/scraping/jobs', ...body, handle(logger, async (req, res) => {
    const raw = req.body as Record<string, unknown>;
    const view = await services.jobBatch.enqueueOne(seedRequest(raw), 'body').catch((error: unknown) => {
      throw seedFieldNames(error, raw);
    });
    res.status(202).location(statusUrl(view.id)).json(presentJob(view));
  }));
  router.get('/api/scraping/jobs/:id', handle(logger, async (req, res) => {
    const id = String(req.params.id);
    const view = await services.jobs.get(id);
    if (!view) throw notFound('Job', id);
    res.json(presentJob(view));
  }));
  router.get('/api/queue/stats', handle(logger, async (_req, res) => {
    const [queues, workers] = await Promise.all([services.queueAdmin.queues(), services.queueAdmin.workers()]);
    res.json(presentStats(queues, workers));
  }));
  router.use(['/api/scraping', '/api/queue'], bodyErrors);
  return router;
}

const PRIORITY_BY_NAME: Record<string, JobPriority> = { urgent: 'URGENT', high: 'HIGH', normal: 'NORMAL', low: 'LOW' };

/** Seed priorities: 1 urgent, 2-3 high, 4-5 normal, 6-10 low; names are accepted too. */
function seedPriority(value: unknown): JobPriority | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && PRIORITY_BY_NAME[value.toLowerCase()]) return PRIORITY_BY_NAME[value.toLowerCase()];
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10) return value === 1 ? 'URGENT' : value <= 3 ? 'HIGH' : value <= 5 ? 'NORMAL' : 'LOW';
  throw invalidInput('body.priority', `body.priority must be 1 to 10 or one of urgent, high, normal, low; got ${JSON.stringify(value)}`);
}

/** A seed job body (`target_url`, `scraping_type`, `category_*`, settings in snake_case) as an enqueue request. */
function seedRequest(raw: Record<string, unknown>): EnqueueRequest {
  const pick = (...names: string[]): unknown => names.map((name) => raw[name]).find((value) => value !== undefined);
  const type = pick('scraping_type', 'type');
  const url = pick('target_url', 'url');
  const settings = Object.fromEntries(Object.entries({
    timeoutMs: raw.timeout_ms, extractImages: raw.extract_images, extractReviews: raw.extract_reviews,
    respectRobotsTxt: raw.respect_robots_txt, rateLimitDelayMs: raw.rate_limit_delay_ms,
  }).filter(([, value]) => value !== undefined));
  const categoryPath = pick('category_path');
  const priority = seedPriority(raw.priority);
  const maxPages = pick('max_pages', 'maxPages');
  return {
    type: (typeof type === 'string' ? type.toLowerCase() : type) as EnqueueRequest['type'],
    url: typeof url === 'string' ? url : String(url ?? ''),
    ...(priority ? { priority } : {}),
    ...(maxPages !== undefined ? { maxPages: maxPages as number } : {}),
    ...(typeof raw.query === 'string' ? { query: raw.query } : {}),
    ...(Object.keys(settings).length > 0 ? { settings } : {}),
    ...(raw.steps !== undefined ? { steps: raw.steps } : {}),
    ...(categoryPath !== undefined ? {
      category: { path: String(categoryPath), name: String(pick('category_name') ?? ''), ...(typeof raw.parent_category === 'string' ? { parent: raw.parent_category } : {}) },
    } : {}),
  } as EnqueueRequest;
}

/** Domain field names -> the seed's, for errors about a body that used the seed's names. */
const SEED_FIELDS: Record<string, string> = {
  'body.url': 'target_url', 'body.type': 'scraping_type', 'body.maxPages': 'max_pages', 'body.category.path': 'category_path',
  'body.category.name': 'category_name', 'body.category.parent': 'parent_category', 'body.settings.timeoutMs': 'timeout_ms',
  'body.settings.rateLimitDelayMs': 'rate_limit_delay_ms', 'body.settings.extractImages': 'extract_images',
  'body.settings.extractReviews': 'extract_reviews', 'body.settings.respectRobotsTxt': 'respect_robots_txt',
};

/** An error about a field the client sent under its seed name names that field. */
function seedFieldNames(error: unknown, raw: Record<string, unknown>): unknown {
  if (!(error instanceof TrawlError) || typeof error.details.field !== 'string') return error;
  const seedName = SEED_FIELDS[error.details.field];
  if (!seedName || raw[seedName] === undefined) return error;
  const field = `body.${seedName}`;
  return new TrawlError(error.code, error.message.split(error.details.field).join(field), { ...error.details, field });
}

const statusUrl = (id: string): string => `/api/scraping/jobs/${encodeURIComponent(id)}`;

/** A job in seed 000's words. */
function presentJob(view: JobView) {
  return {
    job_id: view.id, status: view.state, scraping_type: view.type, target_url: view.url, priority: view.priority, queue: view.queue,
    progress: view.progress, attempts_made: view.attemptsMade, max_attempts: view.maxAttempts,
    failed_reason: view.failedReason ?? null, error_code: view.errorCode ?? null,
    result: view.result ?? null, result_source: view.resultSource ?? null,
    campaign_id: view.campaignId ?? null,
    category_path: view.category?.path ?? null, category_name: view.category?.name ?? null, parent_category: view.category?.parentUrl ?? null,
    created_at: view.createdAt, processed_at: view.processedAt ?? null, finished_at: view.finishedAt ?? null,
    status_url: statusUrl(view.id),
  };
}

type QueueList = Awaited<ReturnType<SeedRestOptions['services']['queueAdmin']['queues']>>;
type WorkerList = Awaited<ReturnType<SeedRestOptions['services']['queueAdmin']['workers']>>;

/** Queue depth per queue and in total, throughput and the live workers (seed 000's monitoring metrics). */
function presentStats(queues: QueueList, workers: WorkerList) {
  const perQueue = Object.fromEntries(queues.map((q) => [q.name, {
    waiting: q.counts.waiting, active: q.counts.active, completed: q.counts.completed, failed: q.counts.failed, delayed: q.counts.delayed,
    prioritized: q.counts.prioritized, waiting_children: q.counts.waitingChildren, paused: q.isPaused,
    processed_per_minute: q.processedPerMinute, failed_per_minute: q.failedPerMinute,
  }]));
  const sum = (pick: (q: QueueList[number]) => number): number => queues.reduce((total, q) => total + pick(q), 0);
  return {
    queues: perQueue,
    totals: {
      waiting: sum((q) => q.counts.waiting + q.counts.prioritized), active: sum((q) => q.counts.active), completed: sum((q) => q.counts.completed),
      failed: sum((q) => q.counts.failed), delayed: sum((q) => q.counts.delayed),
      processed_per_minute: sum((q) => q.processedPerMinute), failed_per_minute: sum((q) => q.failedPerMinute),
    },
    workers: workers.map((w) => ({
      id: w.id, host: w.host, pid: w.pid, concurrency: w.concurrency, active_jobs: w.activeJobs, queues: w.queues,
      started_at: w.startedAt, last_heartbeat: w.lastHeartbeatAt, version: w.version,
    })),
    worker_count: workers.length,
    at: new Date(),
  };
}

/** A POST body must be one JSON object within the input bounds. */
function checkBody(bounds: InputBounds | undefined): RequestHandler {
  return (req, res, next) => {
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      return void res.status(400).json({ error: { code: 'INVALID_INPUT', message: 'The request body must be a JSON object (Content-Type: application/json)', field: 'body' } });
    }
    const problem = bounds ? findInputProblem(req.body, bounds, 'body') : undefined;
    if (problem) return void res.status(400).json({ error: { code: 'INVALID_INPUT', message: problem.message, field: problem.path } });
    next();
  };
}

/** Malformed or oversized JSON bodies, answered in the REST shape. */
const bodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.too.large') return void res.status(413).json({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large (TRAWL_MAX_REQUEST_BYTES)' } });
  if (typeof error.status === 'number' && error.status < 500) return void res.status(error.status).json({ error: { code: 'INVALID_INPUT', message: `The request body is not valid JSON: ${error.message ?? 'parse error'}` } });
  return next(error);
};

