import type { Config } from '../config/config.schema.js';
import type { RenderMode } from '../domain/entities/campaign.js';
import type { CrawlSummary } from '../domain/services/crawl-summary.js';
import { optionalIntFlag, stringFlag, UsageError, type ParsedArgs } from './args.js';
import { summaryTable } from './crawl-format.js';
import { openLocalCrawl, type CrawlDriver, type CrawlRequest } from './crawl-driver.js';
import { openRemoteCrawl } from './remote-crawl.driver.js';
import { createProgressDisplay, type ProgressDisplay } from './progress-display.js';
import { stderrLogger } from './stderr-logger.js';

/**
 * `trawl crawl <url>`: starts a campaign, shows its progress until it ends and
 * prints its summary. Exit code 0 when it COMPLETED, 1 otherwise. The first
 * SIGINT/SIGTERM cancels the campaign (the summary still prints), a second
 * one exits at once.
 */
export async function runCrawl(config: Config, args: ParsedArgs): Promise<void> {
  const request = crawlRequest(args);
  const json = args.flags.has('json');
  const intervalMs = optionalIntFlag(args, 'interval-ms') ?? config.progressIntervalMs;
  if (intervalMs < 100) throw new RangeError(`--interval-ms must be at least 100, got ${intervalMs}`);
  const stream = json ? process.stderr : process.stdout;
  const interrupt = new Interrupt();
  const driver = await openDriver(config, args, intervalMs);
  try {
    const campaignId = await driver.start(request);
    const display = createProgressDisplay({ stream, intervalMs });
    display.note(`Campaign ${campaignId} started on ${request.seedUrl}. Ctrl-C cancels it.`);
    interrupt.onFirst(() => cancel(driver, campaignId, display));
    try {
      for await (const progress of await driver.progress(campaignId)) {
        display.update(progress);
        if (progress.final) break;
      }
    } finally {
      display.finish();
    }
    const summary = await driver.summary(campaignId);
    process.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : `\n${summaryTable(summary)}\n`);
    process.exitCode = exitCodeOf(summary);
  } finally {
    await driver.close();
    interrupt.dispose();
  }
}

function openDriver(config: Config, args: ParsedArgs, intervalMs: number): Promise<CrawlDriver> {
  const api = stringFlag(args, 'api');
  if (api === undefined) {
    if (args.flags.has('key')) throw new UsageError('trawl crawl: --key goes with --api');
    return openLocalCrawl(config, stderrLogger(config.cliLogLevel));
  }
  return Promise.resolve(openRemoteCrawl({ apiUrl: api, key: stringFlag(args, 'key'), pollMs: Math.min(intervalMs, 1000) }));
}

function cancel(driver: CrawlDriver, campaignId: string, display: ProgressDisplay): void {
  display.note(`Cancelling campaign ${campaignId} (Ctrl-C again to exit at once)...`);
  driver.cancel(campaignId).catch((error: unknown) => display.note(`Could not cancel campaign ${campaignId}: ${(error as Error).message}`));
}

export function exitCodeOf(summary: CrawlSummary): number {
  return summary.status === 'COMPLETED' ? 0 : 1;
}

const RENDER: Record<string, RenderMode> = { auto: 'AUTO', never: 'NEVER', always: 'ALWAYS' };

/** The campaign request from the command line; UsageError/RangeError (exit 2) for bad usage. */
export function crawlRequest(args: ParsedArgs): CrawlRequest {
  const seedUrl = args.positional[0];
  if (!seedUrl) throw new UsageError('trawl crawl needs a URL (see trawl crawl --help)');
  if (args.positional.length > 1) throw new UsageError(`trawl crawl takes one URL, got ${args.positional.length}: ${args.positional.join(' ')}`);
  const render = stringFlag(args, 'render') ?? 'auto';
  const renderJs = RENDER[render];
  if (!renderJs) throw new RangeError(`--render must be auto, never or always, got ${render}`);
  const request: CrawlRequest = { seedUrl, renderJs };
  const maxCategories = optionalIntFlag(args, 'max-categories');
  const maxProducts = optionalIntFlag(args, 'max-products');
  const rateLimitDelayMs = optionalIntFlag(args, 'rate-limit-ms');
  if (maxCategories !== undefined) request.maxCategories = maxCategories;
  if (maxProducts !== undefined) request.maxProducts = maxProducts;
  if (rateLimitDelayMs !== undefined) request.rateLimitDelayMs = rateLimitDelayMs;
  return request;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * SIGINT/SIGTERM while a crawl runs: the first runs the registered action
 * (once known), a second exits at once. The entrypoint owns these signals:
 * handlers a library added while the runtime started are taken off (Apollo
 * Server stops itself and re-raises the signal, which would count as a second
 * Ctrl-C); the runtime's close still stops everything in order.
 */
class Interrupt {
  private count = 0;
  private action: (() => void) | undefined;
  private readonly listener = (): void => this.onSignal();
  private readonly before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));

  constructor() {
    for (const signal of SIGNALS) process.on(signal, this.listener);
  }

  onFirst(action: () => void): void {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (listener !== this.listener && !this.before.get(signal)?.has(listener)) process.off(signal, listener);
      }
    }
    this.action = action;
    if (this.count > 0) action();
  }

  dispose(): void {
    for (const signal of SIGNALS) process.off(signal, this.listener);
  }

  private onSignal(): void {
    this.count++;
    if (this.count > 1) {
      process.stderr.write('\nInterrupted again: exiting now.\n');
      process.exit(130);
    }
    this.action?.();
  }
}
