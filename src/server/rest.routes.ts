import express, { Router, type Request, type Response } from 'express';
import { isTrawlError, type ErrorCode } from '../domain/errors.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { EnqueueRequest, JobService, JobView } from '../domain/services/job.service.js';
import { findInputProblem, type InputBounds } from './security/input-shape.js';

/** Domain error codes -> HTTP statuses; codes not listed are masked as 500. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400, INVALID_URL: 400, PRIVATE_NETWORK_TARGET: 400, UNSUPPORTED: 400, NOT_FOUND: 404, CONFLICT: 409,
  QUEUE_UNAVAILABLE: 503, STORE_UNAVAILABLE: 503,
};

export const REST_PREFIX = '/api/v1';

/**
 * The REST surface of seed 004: queue a job (`POST /api/v1/jobs`), a browser
 * navigation (`POST /api/v1/navigate`), and read a job's status and result
 * (`GET /api/v1/jobs/:id`: stored result first, BullMQ return value as the
 * fallback). The same domain calls as the GraphQL mutations.
 */
export function restRouter(jobs: JobService, logger: Logger, maxRequestBytes: number, bounds?: InputBounds): Router {
  const router = Router();
  router.use(express.json({ limit: maxRequestBytes }));
  router.use((req, res, next) => {
    const problem = checkBody(req, bounds);
    if (!problem) return next();
    res.status(400).json({ error: { code: 'INVALID_INPUT', message: problem.message, field: problem.path } });
  });
  router.post('/jobs', handle(logger, async (req, res) => {
    const view = await jobs.enqueue(enqueueRequest(req.body), 'body');
    res.status(202).location(statusUrl(view)).json(present(view));
  }));
  router.post('/navigate', handle(logger, async (req, res) => {
    const body = object(req.body);
    const view = await jobs.enqueue({ ...enqueueRequest({ ...body, type: 'navigation' }), steps: body.steps }, 'body');
    res.status(202).location(statusUrl(view)).json(present(view));
  }));
  router.get('/jobs/:id', handle(logger, async (req, res) => {
    const view = await jobs.get(String(req.params.id));
    if (!view) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `Job ${String(req.params.id)} does not exist` } });
      return;
    }
    res.json(present(view));
  }));
  router.use((req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: `No REST route ${req.method} ${REST_PREFIX}${req.path}` } });
  });
  return router;
}

/** A POST body must be one JSON object within the input bounds. */
function checkBody(req: Request, bounds: InputBounds | undefined): { path: string; message: string } | undefined {
  if (req.method !== 'POST') return undefined;
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
    return { path: 'body', message: 'The request body must be a JSON object (Content-Type: application/json)' };
  }
  return bounds ? findInputProblem(req.body, bounds, 'body') : undefined;
}

function object(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** The body as an enqueue request; the domain validates every field and names the bad one. */
function enqueueRequest(raw: unknown): EnqueueRequest & { steps?: unknown } {
  const body = object(raw);
  const type = typeof body.type === 'string' ? body.type.toLowerCase() : body.type;
  return { ...(body as object), type, url: typeof body.url === 'string' ? body.url : String(body.url ?? '') } as EnqueueRequest;
}

const statusUrl = (view: JobView): string => `${REST_PREFIX}/jobs/${encodeURIComponent(view.id)}`;

function present(view: JobView) {
  return { ...view, state: view.state.toUpperCase(), type: view.type.toUpperCase(), statusUrl: statusUrl(view) };
}

/** Runs a REST handler: domain errors answer with their HTTP status and code, anything else a masked 500 with the correlation id. */
export function handle(logger: Logger, run: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await run(req, res);
    } catch (error) {
      const status = isTrawlError(error) ? STATUS[error.code] : undefined;
      if (isTrawlError(error) && status) {
        res.status(status).json({ error: { code: error.code, message: error.message, retryable: error.retryable, ...(error.details.field ? { field: error.details.field } : {}) } });
        return;
      }
      const correlationId = res.locals.requestId as string | undefined;
      logger.error({ err: error, requestId: correlationId, path: req.path }, 'unexpected error in a REST request');
      res.status(500).json({ error: { code: 'INTERNAL', message: 'Internal server error', ...(correlationId ? { correlationId } : {}) } });
    }
  };
}
