import type { Page } from 'playwright-core';
import { TrawlError } from '../../domain/errors.js';
import type { BlockedRequest } from './request-guard.js';

/** Options of one use of a pooled page. */
export interface LeaseOptions {
  /** Budget from the moment a page slot is free until the work settles. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** What the work is, for messages: `render https://shop.example/p/1`. */
  label: string;
  /** The URL the work is about, for error details. */
  url: string;
  /** The error to fail with when the budget runs out; default a TIMEOUT naming the label. */
  timeoutError?: () => TrawlError;
}

/** What the work gets: a fresh page of its own and the lease's budget. */
export interface LeasedPage {
  readonly page: Page;
  /** Aborts when the budget runs out, the caller aborts, the browser dies or the pool closes. */
  readonly signal: AbortSignal;
  /** Milliseconds left of the budget (at least 1), to pass as Playwright timeouts. */
  remainingMs(): number;
  /** Requests of this page the guard aborted, in order. */
  readonly blocked: readonly BlockedRequest[];
}

/**
 * One lease of a pooled page: its deadline, its abort signal (linked to the
 * caller's), and the requests blocked on its page. `race` makes the work
 * give up as soon as the signal aborts; the pool then closes the page.
 */
export class PageLease {
  readonly blocked: BlockedRequest[] = [];
  /** Which browser launch the page belongs to, when that browser exits, and its process id. */
  generation = 0;
  exited: Promise<void> | undefined;
  pid: number | undefined;
  page: Page | undefined;
  finished = false;
  private readonly controller = new AbortController();
  private readonly deadline: number;
  private readonly timer: NodeJS.Timeout;
  private readonly onExternalAbort = (): void => this.abort(this.options.signal?.reason);

  constructor(readonly options: LeaseOptions) {
    this.deadline = performance.now() + options.timeoutMs;
    this.timer = setTimeout(() => this.abort(this.timeoutError()), options.timeoutMs);
    if (options.signal?.aborted) this.onExternalAbort();
    else options.signal?.addEventListener('abort', this.onExternalAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  remainingMs(): number {
    return Math.max(1, Math.round(this.deadline - performance.now()));
  }

  /** First reason wins. */
  abort(reason: unknown): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  /** Settles with the work, or rejects with the abort reason as soon as the signal aborts. */
  race<T>(work: Promise<T>): Promise<T> {
    work.catch(() => undefined);
    if (this.signal.aborted) return Promise.reject(this.signal.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(this.signal.reason);
      this.signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => this.signal.removeEventListener('abort', onAbort));
    });
  }

  view(page: Page): LeasedPage {
    return { page, signal: this.signal, remainingMs: () => this.remainingMs(), blocked: this.blocked };
  }

  dispose(): void {
    this.finished = true;
    clearTimeout(this.timer);
    this.options.signal?.removeEventListener('abort', this.onExternalAbort);
  }

  private timeoutError(): TrawlError {
    if (this.options.timeoutError) return this.options.timeoutError();
    const { label, timeoutMs, url } = this.options;
    return new TrawlError('TIMEOUT', `${label}: timed out after ${timeoutMs} ms`, { url, timeoutMs });
  }
}
