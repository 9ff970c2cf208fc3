import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isTrawlError, TrawlError } from '../../domain/errors.js';
import type { TargetPolicy } from '../../domain/url.js';
import type { BrowserPoolOptions, BrowserPoolStats } from './browser-pool.options.js';
import { isBrowserGone } from './browser-errors.js';
import { launchChromium, type LaunchedChromium } from './chromium-launch.js';
import { PageLease, type LeasedPage, type LeaseOptions } from './page-lease.js';
import { PageSlots } from './page-slots.js';
import { startPolicyProxy, type PolicyProxy } from './policy-proxy.js';
import { processTreeUsage } from './process-tree.js';
import { DEFAULT_BLOCKED_RESOURCE_TYPES, installRequestGuard } from './request-guard.js';

export type { BrowserPoolOptions, BrowserPoolStats } from './browser-pool.options.js';

interface Running {
  chromium: LaunchedChromium;
  generation: number;
  /** Settles when the browser disconnects, for whatever reason. */
  exited: Promise<void>;
}

/** The contexts pages are opened in; replaced after `pagesPerContext` pages and closed once its last page is. */
interface ContextHolder {
  ready: Promise<BrowserContext>;
  generation: number;
  opened: number;
  open: number;
  retired: boolean;
}

/**
 * One lazily launched Chromium shared by all renders: at most `maxPages`
 * pages at once (FIFO queue), each lease gets a fresh page that is always
 * closed, contexts are recycled, and every request passes the request guard
 * and the policy proxy (which checks the address connected to; cloud metadata
 * stays refused even when private networks are allowed). If Chromium
 * dies, in-flight leases fail with INTERNAL (retryable) and the next lease
 * launches a new one.
 */
export class BrowserPool {
  private readonly slots: PageSlots;
  private readonly leases = new Set<PageLease>();
  private readonly leaseOfPage = new WeakMap<Page, PageLease>();
  private running: Promise<Running> | undefined;
  private current: Running | undefined;
  private context: ContextHolder | undefined;
  private proxy: Promise<PolicyProxy> | undefined;
  private closing: Promise<void> | undefined;
  private generation = 0;
  private readonly counts = { launches: 0, crashes: 0, renders: 0, failures: 0, blockedRequests: 0 };
  private proxyRefusals: () => number = () => 0;

  constructor(private readonly options: BrowserPoolOptions) {
    this.slots = new PageSlots(Math.max(1, options.maxPages ?? 4));
  }

  /** The target policy pages are held to. */
  get targetPolicy(): TargetPolicy {
    return this.options.targetPolicy;
  }

  /**
   * Runs `work` on a fresh page once a slot is free. Rejects with the lease's
   * abort reason (TIMEOUT, the caller's signal reason, INTERNAL when Chromium
   * died or the pool closed) as soon as it aborts; the page is closed either way.
   */
  async withPage<T>(options: LeaseOptions, work: (leased: LeasedPage) => Promise<T>): Promise<T> {
    if (this.closing) throw closedError(options.label);
    await this.slots.acquire(options.signal);
    const lease = new PageLease(options);
    this.leases.add(lease);
    const outcome = this.runLease(lease, work);
    try {
      return await lease.race(outcome);
    } catch (error) {
      this.counts.failures++;
      await this.recogniseCrash(lease, error);
      throw lease.signal.aborted ? lease.signal.reason : error;
    } finally {
      lease.dispose();
      this.leases.delete(lease);
      // Aborted before its page existed: let runLease close the page it is still making before the slot frees.
      if (!lease.page) await withCap(outcome, this.options.closeTimeoutMs ?? 5_000);
      await this.closePage(lease);
      this.counts.renders++;
      this.slots.release();
    }
  }

  /** Counters and live numbers, for measurement. */
  poolStats(): BrowserPoolStats {
    const browser = this.current?.chromium.browser;
    const connected = browser?.isConnected() ?? false;
    const contexts = connected && browser ? browser.contexts() : [];
    const usage = connected ? processTreeUsage(this.current?.chromium.pid) : undefined;
    return {
      running: connected, pid: connected ? this.current?.chromium.pid : undefined,
      launches: this.counts.launches, relaunches: Math.max(0, this.counts.launches - 1), crashes: this.counts.crashes,
      renders: this.counts.renders, failures: this.counts.failures, activeLeases: this.slots.inUse, queued: this.slots.queued,
      openPages: contexts.reduce((sum, context) => sum + context.pages().length, 0), contexts: contexts.length,
      blockedRequests: this.counts.blockedRequests, proxyRefused: this.proxyRefusals(),
      processes: usage?.processes, rssBytes: usage?.rssBytes,
    };
  }

  /** Fails queued and running leases, closes Chromium (killing its process tree) and the proxy. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async runLease<T>(lease: PageLease, work: (leased: LeasedPage) => Promise<T>): Promise<T> {
    const running = await this.ensureBrowser();
    lease.generation = running.generation;
    lease.exited = running.exited;
    lease.pid = running.chromium.pid;
    const holder = this.contextFor(running);
    const page = await holder.ready.then((context) => context.newPage()).catch((error: unknown) => {
      void this.releaseContext(holder);
      throw error;
    });
    page.once('close', () => void this.releaseContext(holder));
    if (lease.finished) {
      // The lease gave up (timeout, abort, crash) while the page was being made: nobody else will close it.
      await withCap(page.close(), this.options.closeTimeoutMs ?? 5_000);
      throw lease.signal.reason;
    }
    lease.page = page;
    this.leaseOfPage.set(page, lease);
    return work(lease.view(page));
  }

  private ensureBrowser(): Promise<Running> {
    if (this.closing) return Promise.reject(closedError('a page'));
    this.running ??= this.launch();
    return this.running;
  }

  private async launch(): Promise<Running> {
    const generation = ++this.generation;
    this.counts.launches++;
    const executablePath = this.options.executablePath ?? '/usr/bin/chromium';
    try {
      const proxy = await this.ensureProxy();
      const chromium = await launchChromium({
        executablePath, extraArgs: this.options.extraArgs ?? [], launchTimeoutMs: this.options.launchTimeoutMs ?? 30_000,
        ...(proxy ? { proxyServer: proxy.server } : {}),
      });
      if (this.closing) {
        // close() ran while Chromium was starting and may have missed it.
        await chromium.kill();
        throw closedError('a page');
      }
      const exited = new Promise<void>((resolve) => chromium.browser.once('disconnected', () => resolve()));
      const running: Running = { chromium, generation, exited };
      this.current = running;
      chromium.browser.on('disconnected', () => this.onDisconnected(running));
      return running;
    } catch (error) {
      this.running = undefined;
      if (isTrawlError(error)) throw error;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new TrawlError('INTERNAL', `Could not launch Chromium at ${executablePath}: ${reason}`, { executablePath }, { cause: error });
    }
  }

  private ensureProxy(): Promise<PolicyProxy | undefined> {
    this.proxy ??= startPolicyProxy(this.options.targetPolicy).then((proxy) => {
      this.proxyRefusals = () => proxy.refused;
      return proxy;
    });
    this.proxy.catch(() => {
      this.proxy = undefined;
    });
    return this.proxy;
  }

  /** Chromium went away: forget it, fail its leases, sweep its process group. The next lease relaunches. */
  private onDisconnected(running: Running): void {
    if (this.current === running) {
      this.current = undefined;
      this.running = undefined;
    }
    if (this.context?.generation === running.generation) this.context = undefined;
    if (this.closing) return;
    this.counts.crashes++;
    for (const lease of this.leases) if (lease.generation === running.generation) lease.abort(this.exitedError(lease));
    void running.chromium.kill();
  }

  /**
   * Playwright may reject a pending call ("Browser closed") before it emits
   * 'disconnected': give such a failure a moment to turn into the crash error.
   */
  private async recogniseCrash(lease: PageLease, error: unknown): Promise<void> {
    if (lease.signal.aborted || !lease.exited || this.closing || !isBrowserGone(error)) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([lease.exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000)))]);
    clearTimeout(timer);
  }

  private exitedError(lease: PageLease): TrawlError {
    return new TrawlError('INTERNAL', `Chromium (pid ${lease.pid ?? 'unknown'}) exited during ${lease.options.label}`, {
      url: lease.options.url, reason: 'browser-exited',
    });
  }

  private contextFor(running: Running): ContextHolder {
    let holder = this.context;
    if (!holder || holder.retired || holder.generation !== running.generation) {
      holder = { ready: this.newContext(running.chromium.browser), generation: running.generation, opened: 0, open: 0, retired: false };
      const created = holder;
      created.ready.catch(() => {
        created.retired = true;
        if (this.context === created) this.context = undefined;
      });
      this.context = holder;
    }
    holder.opened++;
    holder.open++;
    if (holder.opened >= (this.options.pagesPerContext ?? 100)) {
      holder.retired = true;
      this.context = undefined;
    }
    return holder;
  }

  private async newContext(browser: Browser): Promise<BrowserContext> {
    const context = await browser.newContext({
      serviceWorkers: 'block', acceptDownloads: false, ...(this.options.userAgent ? { userAgent: this.options.userAgent } : {}),
    });
    await installRequestGuard(context, {
      policy: this.options.targetPolicy,
      blockedResourceTypes: new Set(this.options.blockedResourceTypes ?? DEFAULT_BLOCKED_RESOURCE_TYPES),
      onBlocked: (page, blocked) => {
        this.counts.blockedRequests++;
        if (page) this.leaseOfPage.get(page)?.blocked.push(blocked);
      },
    });
    return context;
  }

  private async releaseContext(holder: ContextHolder): Promise<void> {
    holder.open--;
    if (!holder.retired || holder.open > 0) return;
    await holder.ready.then((context) => context.close()).catch(() => undefined);
  }

  /** Closes the lease's page, if it got one (a page arriving after the lease ended is closed by runLease). */
  private async closePage(lease: PageLease): Promise<void> {
    const page = lease.page;
    if (!page) return;
    await withCap(page.close(), this.options.closeTimeoutMs ?? 5_000);
  }

  private async shutdown(): Promise<void> {
    const closed = closedError('work');
    this.slots.rejectAll(closed);
    for (const lease of this.leases) lease.abort(closed);
    const running = await this.running?.catch(() => undefined);
    if (running) {
      await withCap(running.chromium.browser.close(), this.options.closeTimeoutMs ?? 5_000);
      await running.chromium.kill();
    }
    const proxy = await this.proxy?.catch(() => undefined);
    await proxy?.close();
  }
}

function closedError(what: string): TrawlError {
  return new TrawlError('INTERNAL', `Cannot run ${what}: the browser pool is closed`, { reason: 'pool-closed' });
}

/** Waits for `promise` (errors ignored) but no longer than `ms`. */
async function withCap(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([promise.then(() => undefined, () => undefined), cap]);
  clearTimeout(timer);
}
