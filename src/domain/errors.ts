/**
 * Domain errors. Every error trawl raises on purpose carries a stable `code`
 * and a `retryable` flag, and is recognised by `name`/`code` rather than by
 * `instanceof`, because errors cross process boundaries (worker -> Redis -> API).
 */

/** The stable error codes and whether a job failing with one may be retried. */
export const ERROR_CODES = {
  INVALID_INPUT: { retryable: false },
  INVALID_URL: { retryable: false },
  PRIVATE_NETWORK_TARGET: { retryable: false },
  NOT_FOUND: { retryable: false },
  CONFLICT: { retryable: false },
  UNSUPPORTED: { retryable: false },
  POISON_JOB: { retryable: false },
  HTTP_NOT_FOUND: { retryable: false },
  HTTP_GONE: { retryable: false },
  HTTP_CLIENT_ERROR: { retryable: false },
  HTTP_FORBIDDEN: { retryable: true },
  HTTP_THROTTLED: { retryable: true },
  HTTP_SERVER_ERROR: { retryable: true },
  NETWORK_ERROR: { retryable: true },
  TIMEOUT: { retryable: true },
  TOO_MANY_REDIRECTS: { retryable: false },
  NOT_HTML: { retryable: false },
  INVALID_RESPONSE: { retryable: false },
  PAGE_TOO_LARGE: { retryable: false },
  NOT_A_PRODUCT: { retryable: false },
  ROBOTS_DISALLOWED: { retryable: false },
  /** Stopped on request (cancelJob): never retried. */
  CANCELLED: { retryable: false },
  JOB_STALLED: { retryable: false },
  STORE_UNAVAILABLE: { retryable: true },
  QUEUE_UNAVAILABLE: { retryable: true },
  INTERNAL: { retryable: true },
} as const satisfies Record<string, { retryable: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface TrawlErrorDetails {
  /** The input field the error is about, for validation errors (`input.url`). */
  field?: string;
  /** HTTP status of the fetched page, for fetch errors. */
  httpStatus?: number;
  /** The URL involved, for fetch and extraction errors. */
  url?: string;
  /** Seconds to wait before retrying, when the remote side told us (Retry-After). */
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

/** The one error class of the domain. Use the helpers below to build one. */
export class TrawlError extends Error {
  override readonly name = 'TrawlError';
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: TrawlErrorDetails;

  constructor(code: ErrorCode, message: string, details: TrawlErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.retryable = ERROR_CODES[code].retryable;
    this.details = details;
  }

  toJSON(): { name: string; code: ErrorCode; retryable: boolean; message: string; details: TrawlErrorDetails } {
    return { name: this.name, code: this.code, retryable: this.retryable, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** Recognises a TrawlError by shape, also when it was serialised across a process boundary. */
export function isTrawlError(error: unknown): error is TrawlError {
  if (error instanceof TrawlError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  return candidate.name === 'TrawlError' && isErrorCode(candidate.code);
}

/** Wraps anything thrown into a TrawlError; unknown errors become INTERNAL (retryable). */
export function toTrawlError(error: unknown): TrawlError {
  if (error instanceof TrawlError) return error;
  if (isTrawlError(error)) {
    const e = error as unknown as { code: ErrorCode; message: string; details?: TrawlErrorDetails };
    return new TrawlError(e.code, e.message, e.details ?? {});
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TrawlError('INTERNAL', message, {}, { cause: error });
}

export function invalidInput(field: string, message: string): TrawlError {
  return new TrawlError('INVALID_INPUT', message, { field });
}

export function notFound(what: string, id: string): TrawlError {
  return new TrawlError('NOT_FOUND', `${what} ${id} does not exist`, { id });
}

/** Used in the default branch of exhaustive switches. */
export function unreachable(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

/**
 * Not a failure: the job may not run yet (a paused campaign, a site's
 * politeness budget, an open circuit breaker). Workers put the job back in
 * the delayed set for `delayMs` without spending an attempt.
 */
export class HeldBack extends Error {
  override readonly name = 'HeldBack';

  constructor(readonly delayMs: number, readonly reason: string, readonly details: Record<string, unknown> = {}) {
    super(`held back for ${delayMs} ms: ${reason}`);
  }
}

export function isHeldBack(error: unknown): error is HeldBack {
  return error instanceof HeldBack;
}
