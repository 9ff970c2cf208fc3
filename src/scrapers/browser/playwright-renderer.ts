import { TrawlError } from '../../domain/errors.js';
import type { PageRenderer, RenderOptions } from '../../domain/ports/browser.port.js';
import type { FetchedPage } from '../../domain/ports/page-fetcher.port.js';
import { parseTargetUrl } from '../../domain/url.js';
import { browserError } from './browser-errors.js';
import type { BrowserPool } from './browser-pool.js';
import type { LeasedPage } from './page-lease.js';
import { checkMainResponse, snapshotPage } from './page-snapshot.js';
import { waitForTarget } from './page-wait.js';

/** Options of a PlaywrightRenderer. */
export interface PlaywrightRendererOptions {
  /** Close the pool when the renderer closes. Default false: the composition root owns a shared pool. */
  ownsPool?: boolean;
}

/**
 * PageRenderer on a BrowserPool: opens the URL in a fresh page, waits for
 * `load`, network idle or a selector, and returns the serialised DOM.
 * Errors as documented on PageRenderer; a browser that died mid-render gives
 * INTERNAL (retryable).
 */
export class PlaywrightRenderer implements PageRenderer {
  private closing: Promise<void> | undefined;

  constructor(private readonly pool: BrowserPool, private readonly options: PlaywrightRendererOptions = {}) {}

  async render(url: string, options: RenderOptions): Promise<FetchedPage> {
    if (this.closing) throw new TrawlError('INTERNAL', `Cannot render ${url}: the renderer is closed`, { url });
    const target = parseTargetUrl(url, 'url', this.pool.targetPolicy).href;
    const started = performance.now();
    const what = `render ${url}`;
    return this.pool.withPage({ timeoutMs: options.timeoutMs, signal: options.signal, label: what, url }, async (leased) => {
      try {
        return await renderInto(leased, target, url, options, started);
      } catch (error) {
        throw browserError(error, { what, timeoutMs: options.timeoutMs, url, blocked: leased.blocked });
      }
    });
  }

  /** Idempotent; closes the pool only if the renderer owns it. */
  close(): Promise<void> {
    this.closing ??= this.options.ownsPool ? this.pool.close() : Promise.resolve();
    return this.closing;
  }
}

async function renderInto(leased: LeasedPage, target: string, url: string, options: RenderOptions, started: number): Promise<FetchedPage> {
  const { page } = leased;
  const waitFor = options.waitFor ?? 'load';
  const response = await page.goto(target, { waitUntil: waitFor === 'networkidle' ? 'networkidle' : 'load', timeout: leased.remainingMs() });
  const main = await checkMainResponse(response, `render ${url}`, options.maxBytes);
  await waitForTarget(page, waitFor, leased.remainingMs());
  return snapshotPage(page, main, url, options.maxBytes, started);
}
