import type { Page, Response } from 'playwright-core';
import { TrawlError } from '../../domain/errors.js';
import type { FetchedPage } from '../../domain/ports/page-fetcher.port.js';
import { statusError } from '../http/http-status.js';
import { REFUSED_HEADER } from './policy-proxy.js';

/** Status and headers of the main document's last response. */
export interface MainResponse {
  status: number;
  headers: Record<string, string>;
}

/**
 * Throws what a main-document response means: PRIVATE_NETWORK_TARGET when the
 * policy proxy refused a hop (a redirect to a private host), the HTTP_* error
 * of a non-2xx status, PAGE_TOO_LARGE when Content-Length exceeds `maxBytes`.
 */
export async function checkMainResponse(response: Response | null, what: string, maxBytes: number): Promise<MainResponse> {
  if (!response) return { status: 200, headers: {} };
  const headers = await response.allHeaders();
  const url = response.url();
  if (response.status() === 403 && headers[REFUSED_HEADER]) {
    const chain = redirectChain(response);
    throw new TrawlError('PRIVATE_NETWORK_TARGET', `${what}: ${url} is a private-network target`, { url, redirectedFrom: chain[0] });
  }
  const failure = statusError(response.status(), url, headers['retry-after']);
  if (failure) throw failure;
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(url, maxBytes, `Content-Length ${declared}`);
  return { status: response.status(), headers };
}

/** The rendered DOM of `page` as a FetchedPage; PAGE_TOO_LARGE past `maxBytes` UTF-8 bytes. */
export async function snapshotPage(page: Page, main: MainResponse, requestedUrl: string, maxBytes: number, started: number): Promise<FetchedPage> {
  const body = await page.content();
  const bytes = Buffer.byteLength(body, 'utf8');
  const url = page.url();
  if (bytes > maxBytes) throw tooLarge(url, maxBytes, `rendered DOM is ${bytes} bytes`);
  return {
    requestedUrl, url, status: main.status, headers: main.headers, contentType: main.headers['content-type'] ?? 'text/html',
    charset: 'utf-8', body, bytes, durationMs: Math.round(performance.now() - started),
  };
}

/** Keeps the last main-frame navigation response of a page, for snapshots taken later. */
export function trackMainResponse(page: Page): () => MainResponse {
  let last: MainResponse = { status: 200, headers: {} };
  page.on('response', (response) => {
    if (!response.request().isNavigationRequest() || response.frame() !== page.mainFrame()) return;
    if (response.status() >= 300 && response.status() < 400) return;
    last = { status: response.status(), headers: response.headers() };
  });
  return () => last;
}

function tooLarge(url: string, maxBytes: number, what: string): TrawlError {
  return new TrawlError('PAGE_TOO_LARGE', `${url} is larger than ${maxBytes} bytes (${what})`, { url, maxBytes });
}

function redirectChain(response: Response): string[] {
  const chain: string[] = [];
  for (let request = response.request().redirectedFrom(); request; request = request.redirectedFrom()) chain.unshift(request.url());
  return chain;
}
