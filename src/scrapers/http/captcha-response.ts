import { detectChallenge } from './captcha-detection.js';
import { decodeBody } from './decode-body.js';
import { readBody } from './read-body.js';

/** Bytes of an error response read to look for a challenge page; a larger body is not one. */
const SAMPLE_BYTES = 64 * 1024;
const SNIFFED_STATUSES = new Set([403, 429, 503]);

/**
 * The challenge an error response is (a 403, 429 or 503 whose headers or
 * first 64 KiB say so), else undefined. The body is consumed either way.
 */
export async function challengeOfErrorResponse(status: number, headers: Record<string, string>, body: AsyncIterable<Buffer>, url: string): Promise<string | undefined> {
  if (!SNIFFED_STATUSES.has(status)) return undefined;
  let text = '';
  try {
    const bytes = await readBody(body, headers['content-encoding'], { url, maxBytes: SAMPLE_BYTES });
    text = decodeBody(bytes, headers['content-type'] ?? '').text;
  } catch {
    // Too large or broken: judged on the headers alone.
  }
  return detectChallenge({ status, headers, body: text });
}
