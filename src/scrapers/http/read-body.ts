import { Readable, type Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { TrawlError } from '../../domain/errors.js';
import { SNIFF_BYTES, type BodySniffer } from './content-type.js';

export interface BodyLimit {
  maxBytes: number;
  url: string;
  /** Shown the first SNIFF_BYTES decoded bytes (or the whole body when shorter); throwing stops the read. */
  sniff?: BodySniffer | undefined;
}

/** Tolerates a truncated stream the way browsers do, instead of failing the whole page. */
const LENIENT_ZLIB = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const LENIENT_BROTLI = { flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH };

/** Content-Encoding values in the order they were applied (`identity` dropped). */
export function contentEncodings(header: string | undefined): string[] {
  return (header ?? '').split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '' && part !== 'identity');
}

/**
 * Reads a response body, undoing its Content-Encoding (gzip, deflate, br),
 * and fails with PAGE_TOO_LARGE as soon as either the bytes on the wire or
 * the decoded bytes exceed `maxBytes`, so a zip bomb is never inflated and
 * at most `maxBytes` are held. Abandoning the iteration destroys the source,
 * so a body the sniff refuses is not read further.
 */
export async function readBody(body: AsyncIterable<Buffer>, contentEncoding: string | undefined, limit: BodyLimit): Promise<Buffer> {
  const encodings = contentEncodings(contentEncoding);
  let stream: AsyncIterable<Buffer> = capped(body, limit);
  for (const encoding of [...encodings].reverse()) stream = decompress(stream, encoding, limit.url);
  if (encodings.length > 0) stream = capped(stream, limit);
  const chunks: Buffer[] = [];
  let total = 0;
  let sniff = limit.sniff;
  for await (const chunk of stream) {
    chunks.push(chunk);
    total += chunk.byteLength;
    if (sniff && total >= SNIFF_BYTES) {
      sniff(Buffer.concat(chunks, total).subarray(0, SNIFF_BYTES));
      sniff = undefined;
    }
  }
  const bytes = Buffer.concat(chunks, total);
  if (sniff && total > 0) sniff(bytes);
  return bytes;
}

export function tooLarge(limit: BodyLimit, what: string): TrawlError {
  return new TrawlError('PAGE_TOO_LARGE', `${limit.url} is larger than ${limit.maxBytes} bytes (${what})`, { url: limit.url, maxBytes: limit.maxBytes });
}

async function* capped(source: AsyncIterable<Buffer>, limit: BodyLimit): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    if (total > limit.maxBytes) throw tooLarge(limit, 'body exceeded the limit while streaming');
    yield chunk;
  }
}

function decompress(source: AsyncIterable<Buffer>, encoding: string, url: string): AsyncIterable<Buffer> {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return throughZlib(source, createGunzip(LENIENT_ZLIB));
    case 'br':
      return throughZlib(source, createBrotliDecompress(LENIENT_BROTLI));
    case 'deflate':
      return inflateEither(source);
    default:
      throw new TrawlError('UNSUPPORTED', `${url} uses unsupported Content-Encoding "${encoding}"`, { url, contentEncoding: encoding });
  }
}

async function* throughZlib(source: AsyncIterable<Buffer>, transform: Transform): AsyncGenerator<Buffer> {
  const input = Readable.from(source);
  input.on('error', (error) => transform.destroy(error));
  input.pipe(transform);
  try {
    for await (const chunk of transform) yield chunk as Buffer;
  } finally {
    input.destroy();
    transform.destroy();
  }
}

/** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: look at the header. */
async function* inflateEither(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const wrapped = head.byteLength >= 2 && (head[0]! & 0x0f) === 8 && ((head[0]! << 8) | head[1]!) % 31 === 0;
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  yield* throughZlib(replay(), wrapped ? createInflate(LENIENT_ZLIB) : createInflateRaw(LENIENT_ZLIB));
}
