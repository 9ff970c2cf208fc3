import { isTrawlError, TrawlError } from '../../domain/errors.js';
import type { BrowserStep, NavigationResult, NavigationRunner, NavigationRunOptions, NavigationStepResult } from '../../domain/ports/browser.port.js';
import { parseTargetUrl } from '../../domain/url.js';
import { browserError } from './browser-errors.js';
import type { BrowserPool } from './browser-pool.js';
import type { LeasedPage } from './page-lease.js';
import { checkMainResponse, trackMainResponse } from './page-snapshot.js';
import { describeStep, validateSteps } from '../../domain/navigation-steps.js';
import { runStep } from './step-actions.js';
import type { StepEnv } from './step-env.js';

/** Options of a PlaywrightNavigationRunner. */
export interface PlaywrightNavigationRunnerOptions {
  /** Largest HTML snapshot an `extract` step may take. Default 10 MB. */
  snapshotMaxBytes?: number;
}

/**
 * NavigationRunner on a BrowserPool: one fresh page per run, steps in order,
 * each under its own timeout; errors name the step (see NavigationRunner).
 */
export class PlaywrightNavigationRunner implements NavigationRunner {
  constructor(private readonly pool: BrowserPool, private readonly options: PlaywrightNavigationRunnerOptions = {}) {}

  async run(steps: readonly BrowserStep[], options: NavigationRunOptions): Promise<NavigationResult> {
    validateSteps(steps);
    const startUrl = parseTargetUrl(options.startUrl, 'startUrl', this.pool.targetPolicy).href;
    const result: NavigationResult = { finalUrl: startUrl, steps: [], extracted: [], pages: [] };
    const position = { what: `start page ${startUrl}` };
    const label = `navigation from ${startUrl}`;
    try {
      return await this.pool.withPage(
        {
          timeoutMs: options.timeoutMs, label, url: startUrl, ...(options.signal ? { signal: options.signal } : {}),
          timeoutError: () => new TrawlError('TIMEOUT', `${label}: timed out after ${options.timeoutMs} ms during ${position.what}`, {
            url: startUrl, timeoutMs: options.timeoutMs,
          }),
        },
        (leased) => this.runSteps(leased, steps, { ...options, startUrl }, result, position),
      );
    } catch (error) {
      throw withProgress(error, result.steps);
    }
  }

  private async runSteps(
    leased: LeasedPage, steps: readonly BrowserStep[], options: NavigationRunOptions, result: NavigationResult, position: { what: string },
  ): Promise<NavigationResult> {
    const mainResponse = trackMainResponse(leased.page);
    const maxBytes = this.options.snapshotMaxBytes ?? 10_000_000;
    if (steps[0]?.action !== 'goto') await this.openStart(leased, options, maxBytes, position.what);
    for (const [index, step] of steps.entries()) {
      const what = `step ${index + 1} (${describeStep(step)})`;
      position.what = what;
      const budget = step.timeoutMs ?? options.stepTimeoutMs;
      const env: StepEnv = {
        leased, policy: this.pool.targetPolicy, startUrl: options.startUrl, what, field: `steps.${index}`, maxBytes, result, mainResponse,
        // Not capped by the run's remaining time: when that runs out first, the run's own TIMEOUT (naming this step) wins.
        stepTimeoutMs: budget, timed: (part, work) => timed(`${what}${part ? `: ${part}` : ''}`, budget, work),
      };
      await this.runOne(step, env, index);
    }
    result.finalUrl = leased.page.url();
    return result;
  }

  private async openStart(leased: LeasedPage, options: NavigationRunOptions, maxBytes: number, what: string): Promise<void> {
    const timeoutMs = options.stepTimeoutMs;
    try {
      const response = await leased.page.goto(options.startUrl, { timeout: timeoutMs });
      await checkMainResponse(response, what, maxBytes);
    } catch (error) {
      throw browserError(error, { what, timeoutMs, url: options.startUrl, blocked: leased.blocked });
    }
  }

  private async runOne(step: BrowserStep, env: StepEnv, index: number): Promise<void> {
    const started = performance.now();
    const record = (ok: boolean, note: string | undefined): NavigationStepResult => ({
      action: step.action, ok, durationMs: Math.round(performance.now() - started), ...(note ? { note } : {}),
    });
    try {
      env.result.steps.push(record(true, await runStep(step, env)));
    } catch (raw) {
      const error = stepError(raw, env, index, step);
      if (!step.optional || env.leased.signal.aborted) throw error;
      env.result.steps.push(record(false, error.message));
    }
  }
}

/** Runs `work` with `ms` to spend; rejects with TIMEOUT `<what>: timed out after <ms> ms` when they are spent. */
async function timed<T>(what: string, ms: number, work: (left: () => number) => Promise<T>): Promise<T> {
  const deadline = performance.now() + ms;
  const left = (): number => Math.max(1, Math.round(deadline - performance.now()));
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TrawlError('TIMEOUT', `${what}: timed out after ${ms} ms`, { timeoutMs: ms })), ms);
  });
  const running = work(left);
  running.catch(() => undefined);
  try {
    return await Promise.race([running, expired]);
  } catch (error) {
    throw browserError(error, { what, timeoutMs: ms, url: '' });
  } finally {
    clearTimeout(timer);
  }
}

/** A step failure as a TrawlError whose message starts with the step and whose details name it. */
function stepError(raw: unknown, env: StepEnv, index: number, step: BrowserStep): TrawlError {
  const error = browserError(raw, { what: env.what, timeoutMs: env.stepTimeoutMs, url: env.leased.page.url(), blocked: env.leased.blocked });
  const message = error.message.startsWith('step ') ? error.message : `${env.what}: ${error.message}`;
  const url = error.details.url || env.leased.page.url();
  return new TrawlError(error.code, message, { ...error.details, url, step: index + 1, action: step.action }, { cause: raw });
}

/** Adds the step results so far to a failed run's error. */
function withProgress(error: unknown, steps: NavigationStepResult[]): unknown {
  if (!isTrawlError(error)) return error;
  return new TrawlError(error.code, error.message, { ...error.details, steps: [...steps] }, { cause: error });
}
