import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id is kept when it is short and plain; anything else is replaced. */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The correlation id of a request: a sane incoming `x-request-id`, else a new UUID. */
export function requestIdOf(incoming: unknown): string {
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
}

/** Sets `res.locals.requestId` and the `x-request-id` response header on every request. */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const id = requestIdOf(req.get(REQUEST_ID_HEADER));
    res.locals.requestId = id;
    res.set(REQUEST_ID_HEADER, id);
    next();
  };
}
