import { TrawlError } from '../../domain/errors.js';

/**
 * One fetch's abort signal: fires on the overall timeout (reason: a TIMEOUT
 * TrawlError) or when the caller's signal aborts (reason: the caller's).
 * Always `dispose()` it so the timer and listener do not outlive the fetch.
 */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly external: AbortSignal | undefined;
  private readonly onExternalAbort = (): void => this.controller.abort(this.external?.reason);

  constructor(timeoutMs: number, external: AbortSignal | undefined, url: string) {
    this.signal = this.controller.signal;
    this.external = external;
    this.timer = setTimeout(() => {
      this.controller.abort(new TrawlError('TIMEOUT', `GET ${url} did not complete within ${timeoutMs} ms`, { url, timeoutMs }));
    }, timeoutMs);
    if (external?.aborted) this.onExternalAbort();
    else external?.addEventListener('abort', this.onExternalAbort, { once: true });
  }

  /** The abort reason when the deadline fired (whatever was thrown as a result), else undefined. */
  get reason(): unknown {
    return this.signal.aborted ? this.signal.reason : undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.external?.removeEventListener('abort', this.onExternalAbort);
  }
}
