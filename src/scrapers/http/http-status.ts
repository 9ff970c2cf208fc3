import { brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';
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

/** What a failed response showed, for the dead-letter failure bundle. */
export interface ResponseSnapshot {
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  /** The first KB of the body as text. */
  bodyHead: string;
  durationMs: number;
}

export const BODY_HEAD_BYTES = 1024;
const MAX_HEADER_CHARS = 8 * 1024;
const LENIENT = { finishFlush: constants.Z_SYNC_FLUSH };

/**
 * The same error with `details.response` (final URL, status, headers capped
 * at 8 KB, the first KB of the body, duration), so a job that fails for good
 * can be understood and replayed without fetching the page again.
 */
export function withResponse(failure: TrawlError, snapshot: ResponseSnapshot): TrawlError {
  return new TrawlError(failure.code, failure.message, { ...failure.details, response: { ...snapshot, headers: cappedHeaders(snapshot.headers) } }, { cause: failure });
}

/**
 * Reads the first KB of a body without consuming it for later readers: the
 * returned body replays what was read, then goes on with the rest. `head` is
 * that KB as text, decompressed when the Content-Encoding allows.
 */
export async function peekBody(body: AsyncIterable<Buffer>, contentEncoding: string | undefined): Promise<{ head: string; body: AsyncIterable<Buffer> }> {
  const iterator = body[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let total = 0;
  let done = false;
  try {
    while (total < BODY_HEAD_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      seen.push(next.value);
      total += next.value.byteLength;
    }
  } catch {
    done = true; // A body that breaks off still leaves what arrived.
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: headText(Buffer.concat(seen, total), contentEncoding), body: replay() };
}

function headText(bytes: Buffer, contentEncoding: string | undefined): string {
  let plain = bytes;
  try {
    const encoding = (contentEncoding ?? '').trim().toLowerCase();
    if (encoding === 'gzip' || encoding === 'x-gzip') plain = gunzipSync(bytes, LENIENT);
    else if (encoding === 'deflate') plain = inflateSync(bytes, LENIENT);
    else if (encoding === 'br') plain = brotliDecompressSync(bytes, { finishFlush: constants.BROTLI_OPERATION_FLUSH });
  } catch {
    return '';
  }
  return new TextDecoder('utf-8').decode(plain.subarray(0, BODY_HEAD_BYTES)).replace(/\uFFFD$/, '');
}

function cappedHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  let size = 0;
  for (const [name, value] of Object.entries(headers)) {
    size += name.length + value.length;
    if (size > MAX_HEADER_CHARS) break;
    kept[name] = value;
  }
  return kept;
}
