import type { FetchedPage } from './page-fetcher.port.js';

/**
 * What to wait for after loading or changing a page: the `load` event, network
 * idle (no request for 500 ms), or a CSS/Playwright selector to be attached.
 */
export type WaitTarget = 'load' | 'networkidle' | (string & {});

/** Options of one render. */
export interface RenderOptions {
  /** Budget for the whole render (navigation, waiting, snapshot); queue time before a page is free is not counted. */
  timeoutMs: number;
  /** The rendered HTML (UTF-8 bytes) may not exceed this. */
  maxBytes: number;
  /** Default `load`. */
  waitFor?: WaitTarget;
  signal?: AbortSignal;
}

/**
 * Renders a page in a real browser and returns the DOM after scripts ran, as
 * a FetchedPage (`charset` is always `utf-8`, `body` is the serialised DOM,
 * `status`/`headers` those of the main document's final response).
 *
 * Throws TrawlError: INVALID_URL, PRIVATE_NETWORK_TARGET (the URL, or a
 * redirect hop, is a refused target), the HTTP_* codes of PageFetcher for a
 * non-2xx main response, NETWORK_ERROR, TIMEOUT, PAGE_TOO_LARGE, and INTERNAL
 * (retryable) when the browser died mid-render or could not be launched.
 * Aborting `signal` rejects with the signal's reason.
 */
export interface PageRenderer {
  render(url: string, options: RenderOptions): Promise<FetchedPage>;
  /** Idempotent. */
  close(): Promise<void>;
}

/** Every browser step may set its own timeout, overriding the run's `stepTimeoutMs`. */
interface StepBase {
  timeoutMs?: number;
  /** When true a failure of this step is recorded (`ok: false`) and the run goes on. */
  optional?: boolean;
}

/**
 * One field to extract: a selector (text of every match, whitespace collapsed)
 * or a selector with an attribute (that attribute of every match, e.g. `href`).
 */
export type ExtractField = string | { selector: string; attribute?: string };

/** What `extract` (and `paginate`, per page) takes: named fields, or none for a whole-page HTML snapshot. */
export interface ExtractSpec {
  /** field name -> selector; each yields a string[] in the extracted record. Absent or empty: snapshot the page. */
  fields?: Record<string, ExtractField>;
  /** Legacy NavigationStep form: one selector whose texts go to the field `values`. */
  selector?: string;
}

/** Navigates; `url` may be relative to the current page. */
export interface GotoStep extends StepBase { action: 'goto'; url: string; waitFor?: WaitTarget }
/** Clicks the first match; waits for a navigation it started to commit, then for `waitFor` (default `load`). */
export interface ClickStep extends StepBase { action: 'click'; selector: string; waitFor?: WaitTarget }
/** Types into an input (replacing its value). */
export interface FillStep extends StepBase { action: 'fill'; selector: string; value: string }
/** Picks option(s) of a `<select>` by value or label. */
export interface SelectStep extends StepBase { action: 'select'; selector: string; value: string | string[] }
/** Exactly one of: a selector to appear, a load state, or a pause in ms. */
export interface WaitStep extends StepBase { action: 'wait'; selector?: string; until?: 'load' | 'networkidle'; ms?: number }
/** Scrolls to the bottom `times` times (default 1), each time waiting up to `delayMs` (default 500) for the page to grow. */
export interface ScrollStep extends StepBase { action: 'scroll'; times?: number; delayMs?: number }
/**
 * Clicks the `selector` "next" control until it is gone, hidden or disabled,
 * `stopWhen` matches, or `maxPages` pages (counting the current one; default 5)
 * were seen. `extract` runs on every page, the first included. The step
 * timeout applies to each page turn.
 */
export interface PaginateStep extends StepBase {
  action: 'paginate';
  selector: string;
  maxPages?: number;
  stopWhen?: string;
  /** After each turn; default `load` (in-place updates are detected by DOM change first). */
  waitFor?: WaitTarget;
  extract?: ExtractSpec;
}
/** Extracts named fields into one record, or (no fields) snapshots the page into `pages`. */
export interface ExtractStep extends StepBase, ExtractSpec { action: 'extract' }

/** A step of a browser navigation; a superset of the job's NavigationStep. */
export type BrowserStep = GotoStep | ClickStep | FillStep | SelectStep | WaitStep | ScrollStep | PaginateStep | ExtractStep;

export type BrowserStepAction = BrowserStep['action'];

export const BROWSER_STEP_ACTIONS = ['goto', 'click', 'fill', 'select', 'wait', 'scroll', 'paginate', 'extract'] as const satisfies readonly BrowserStepAction[];

/** Options of one navigation run. */
export interface NavigationRunOptions {
  /** Opened before the first step, unless the first step is a `goto`. */
  startUrl: string;
  /** Budget for the whole run (queue time excluded). */
  timeoutMs: number;
  /** Budget of each step that sets no `timeoutMs` of its own (of each page turn for `paginate`). */
  stepTimeoutMs: number;
  signal?: AbortSignal;
}

/** How one step went. */
export interface NavigationStepResult {
  action: BrowserStepAction;
  ok: boolean;
  durationMs: number;
  note?: string;
}

export interface NavigationResult {
  finalUrl: string;
  steps: NavigationStepResult[];
  /** One record per `extract` step with fields (and per page of a `paginate` with fields): field -> string[]. */
  extracted: Record<string, unknown>[];
  /** HTML snapshots taken by `extract` steps (or `paginate` pages) without fields, for the product extractor. */
  pages: FetchedPage[];
}

/**
 * Runs scripted browser steps on one page. Steps are validated before the
 * browser is touched (INVALID_INPUT naming the step). A failing step that is
 * not `optional` rejects the run with a TrawlError whose message names the
 * step, 1-based, and its action (`step 3 (click "#next"): timed out after
 * 5000 ms`): TIMEOUT, INVALID_INPUT (bad selector), NETWORK_ERROR,
 * PRIVATE_NETWORK_TARGET, HTTP_* for a failed `goto`, INTERNAL (browser died).
 * `details.step` is the 1-based step number, `details.steps` the results so far.
 */
export interface NavigationRunner {
  run(steps: readonly BrowserStep[], options: NavigationRunOptions): Promise<NavigationResult>;
}
