import type { FetchedPage } from '../../../src/domain/ports/page-fetcher.port.js';

/** A fetched page around an inline HTML fixture. */
export function htmlPage(body: string, overrides: Partial<FetchedPage> = {}): FetchedPage {
  const url = overrides.url ?? 'https://shop.example/products/widget';
  return {
    requestedUrl: url, url, status: 200, headers: {}, contentType: 'text/html; charset=utf-8', charset: 'utf-8', body,
    bytes: Buffer.byteLength(body), durationMs: 1, ...overrides,
  };
}
