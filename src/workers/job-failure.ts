import { UnrecoverableError } from 'bullmq';
import type { TrawlError } from '../domain/errors.js';

/**
 * Translates a domain error into what BullMQ understands: permanent errors
 * become UnrecoverableError (no further attempts); retryable ones are rethrown
 * so BullMQ retries them with backoff. The message starts with the stable code,
 * so `failedReason` carries it across processes.
 */
export function toQueueError(error: TrawlError): Error {
  const message = `${error.code}: ${error.message}`;
  if (!error.retryable) return new UnrecoverableError(message);
  const retryable = new Error(message);
  retryable.name = error.code;
  return retryable;
}

/** The code at the start of a `failedReason` written by `toQueueError`, if any. */
export function codeOfFailedReason(reason: string | undefined): string | undefined {
  return reason ? /^([A-Z_]+):/.exec(reason)?.[1] : undefined;
}
