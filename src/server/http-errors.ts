import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../domain/ports/logger.port.js';
import { sendClientError, type ErrorShape } from './security/http-guard.js';

/**
 * Errors that reach express (body parsing: malformed JSON, oversized bodies,
 * anything unexpected), answered in the shape of the surface they hit. Client
 * errors name the problem; anything else is logged in full and masked, with
 * the correlation id in both.
 */
export function httpErrorHandler(logger: Logger, shapeOf: (path: string) => ErrorShape): ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string; limit?: number }, req, res, next) => {
    if (res.headersSent) return next(error);
    const shape = shapeOf(req.originalUrl);
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
    if (error.type === 'entity.too.large') {
      return sendClientError(res, shape, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${error.limit ?? 'the limit'} bytes (TRAWL_MAX_REQUEST_BYTES)`);
    }
    if (status < 500) {
      const message = error.type === 'entity.parse.failed' ? `The request body is not valid JSON: ${error.message ?? 'parse error'}` : (error.message ?? 'Bad request');
      return sendClientError(res, shape, status, shape === 'graphql' ? 'BAD_USER_INPUT' : 'INVALID_INPUT', message);
    }
    logger.error({ err: error, requestId: res.locals.requestId, path: req.path }, 'unexpected HTTP error');
    return sendClientError(res, shape, 500, shape === 'graphql' ? 'INTERNAL_SERVER_ERROR' : 'INTERNAL', 'Internal server error');
  };
}
