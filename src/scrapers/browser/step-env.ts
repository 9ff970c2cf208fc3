import type { NavigationResult } from '../../domain/ports/browser.port.js';
import type { TargetPolicy } from '../../domain/url.js';
import type { LeasedPage } from './page-lease.js';
import type { MainResponse } from './page-snapshot.js';

/** What a step runs with. */
export interface StepEnv {
  leased: LeasedPage;
  policy: TargetPolicy;
  startUrl: string;
  /** `step 3 (click "#next")`, for messages. */
  what: string;
  /** Field path prefix of this step: `steps.2`. */
  field: string;
  /** Budget of the step (of each page turn for paginate); the run's own deadline still applies. */
  stepTimeoutMs: number;
  /** Runs `work` under a fresh step budget; rejects with TIMEOUT `<what>[: <part>]: timed out after N ms`. */
  timed<T>(part: string | undefined, work: (left: () => number) => Promise<T>): Promise<T>;
  mainResponse(): MainResponse;
  maxBytes: number;
  result: NavigationResult;
}
