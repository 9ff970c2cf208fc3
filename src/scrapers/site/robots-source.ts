import { isTrawlError } from '../../domain/errors.js';
import type { PageFetcher } from '../../domain/ports/page-fetcher.port.js';
import type { RobotsRecord, RobotsSource } from '../../domain/ports/site-politeness.port.js';
import { MAX_ROBOTS_BYTES } from './robots-txt.js';

const ROBOTS_ACCEPT = 'text/plain,*/*;q=0.5';
/** Errors that mean the server could not be reached or did not answer properly (RFC 9309 2.3.1.4). */
const UNREACHABLE = new Set(['HTTP_SERVER_ERROR', 'HTTP_THROTTLED', 'NETWORK_ERROR', 'TIMEOUT']);

/**
 * Fetches `/robots.txt` through the page fetcher (redirects followed, size
 * capped) and classifies it per RFC 9309: a 2xx text file is `found` (an
 * HTML page, a soft 404, is `missing`); 4xx is `missing` (everything
 * allowed); 5xx, 429, network errors and timeouts are `unreachable`
 * (everything disallowed for now). Other errors (a refused target) are thrown.
 */
export class HttpRobotsSource implements RobotsSource {
  constructor(private readonly fetcher: PageFetcher) {}

  async fetch(origin: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<RobotsRecord> {
    const fetchedAt = new Date().toISOString();
    try {
      const page = await this.fetcher.fetch(`${origin}/robots.txt`, {
        timeoutMs: options.timeoutMs, maxBytes: MAX_ROBOTS_BYTES * 2, accept: ROBOTS_ACCEPT, ...(options.signal ? { signal: options.signal } : {}),
      });
      if (/^\s*</.test(page.body)) return { status: 'missing', reason: 'an HTML page, not robots.txt', fetchedAt };
      return { status: 'found', text: page.body, fetchedAt };
    } catch (error) {
      if (!isTrawlError(error)) throw error;
      if (UNREACHABLE.has(error.code)) return { status: 'unreachable', reason: error.details.httpStatus ? `HTTP ${error.details.httpStatus}` : error.code, fetchedAt };
      if (error.details.httpStatus && error.details.httpStatus >= 400 && error.details.httpStatus < 500) {
        return { status: 'missing', reason: `HTTP ${error.details.httpStatus}`, fetchedAt };
      }
      if (error.code === 'PAGE_TOO_LARGE') return { status: 'unreachable', reason: 'larger than the robots.txt limit', fetchedAt };
      throw error;
    }
  }
}
