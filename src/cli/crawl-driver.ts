import type { Config } from '../config/config.schema.js';
import { Runtime } from '../bootstrap/runtime.js';
import type { RenderMode } from '../domain/entities/campaign.js';
import type { Logger } from '../domain/ports/logger.port.js';
import { readCrawlSummary, type CrawlSummary } from '../domain/services/crawl-summary.js';
import type { ProgressView } from './crawl-format.js';

/** What `trawl crawl` asks for. */
export interface CrawlRequest {
  seedUrl: string;
  maxCategories?: number;
  maxProducts?: number;
  rateLimitDelayMs?: number;
  renderJs: RenderMode;
}

/**
 * Where a terminal campaign runs: in this process (the default) or on a remote
 * trawl API. Either way the campaign is started, followed, cancelled and
 * summed up through the same domain rules.
 */
export interface CrawlDriver {
  /** Starts the campaign; returns its id. */
  start(request: CrawlRequest): Promise<string>;
  /** Progress events until (and including) the final one. */
  progress(campaignId: string): Promise<AsyncIterableIterator<ProgressView>>;
  cancel(campaignId: string): Promise<void>;
  summary(campaignId: string): Promise<CrawlSummary>;
  /** Idempotent. */
  close(): Promise<void>;
}

/** Single-machine mode: runtime with API services and in-process workers, on loopback and a free port. */
export async function openLocalCrawl(config: Config, logger: Logger): Promise<CrawlDriver> {
  const runtime = await Runtime.start({ config: { ...config, port: 0, host: '127.0.0.1' }, roles: { api: true, workers: true }, logger });
  const services = runtime.services;
  if (!services) {
    await runtime.close();
    throw new Error('the runtime started without its API services');
  }
  return {
    start: async (request) => (await services.campaigns.start(request)).id,
    progress: (id) => services.live.campaignProgress(id),
    cancel: async (id) => void (await services.campaigns.cancel(id)),
    summary: (id) => readCrawlSummary(services, id),
    close: () => runtime.close(),
  };
}
