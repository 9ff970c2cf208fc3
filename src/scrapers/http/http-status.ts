import { TrawlError } from '../../domain/errors.js';

/**
 * Seconds to wait from a Retry-After value: delta-seconds ("120") or an HTTP
 * date. Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The error a final (non-redirect) response status means, or null for 2xx.
 * 404 HTTP_NOT_FOUND, 410 HTTP_GONE, 429 HTTP_THROTTLED, 403 HTTP_FORBIDDEN,
 * other 4xx (and a 3xx we cannot follow) HTTP_CLIENT_ERROR, 5xx HTTP_SERVER_ERROR.
 * Throttling and server errors carry Retry-After as `retryAfterSeconds`.
 */
export function statusError(status: number, url: string, retryAfter: string | undefined): TrawlError | null {
  if (status >= 200 && status < 300) return null;
  const details = { url, httpStatus: status };
  const wait = parseRetryAfter(retryAfter);
  const withWait = wait === undefined ? details : { ...details, retryAfterSeconds: wait };
  if (status === 404) return new TrawlError('HTTP_NOT_FOUND', `${url} returned 404 Not Found`, details);
  if (status === 410) return new TrawlError('HTTP_GONE', `${url} returned 410 Gone`, details);
  if (status === 429) return new TrawlError('HTTP_THROTTLED', `${url} returned 429 Too Many Requests`, withWait);
  if (status === 403) return new TrawlError('HTTP_FORBIDDEN', `${url} returned 403 Forbidden`, details);
  if (status >= 500) return new TrawlError('HTTP_SERVER_ERROR', `${url} returned ${status}`, withWait);
  if (status >= 300 && status < 400) {
    return new TrawlError('HTTP_CLIENT_ERROR', `${url} returned ${status} without a usable Location header`, details);
  }
  return new TrawlError('HTTP_CLIENT_ERROR', `${url} returned ${status}`, details);
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/**
 * Maps a transport failure to a TrawlError: undici's own timeouts to TIMEOUT,
 * everything else (refused, reset, DNS, TLS, malformed response) to NETWORK_ERROR.
 */
export function transportError(error: unknown, url: string): TrawlError {
  const code = errorCode(error);
  const reason = error instanceof Error ? error.message : String(error);
  const detail = code && !reason.includes(code) ? `${code} ${reason}` : reason;
  const kind = code && TIMEOUT_CODES.has(code) ? 'TIMEOUT' : 'NETWORK_ERROR';
  return new TrawlError(kind, `GET ${url} failed: ${detail}`, { url, ...(code ? { networkCode: code } : {}) }, { cause: error });
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
