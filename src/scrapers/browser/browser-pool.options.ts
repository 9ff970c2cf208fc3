import type { TargetPolicy } from '../../domain/url.js';

/** Options of a BrowserPool. */
export interface BrowserPoolOptions {
  /** Which hosts pages may reach; enforced for every request (redirects, WebSockets, DNS answers included). */
  targetPolicy: TargetPolicy;
  /** Default `/usr/bin/chromium`. */
  executablePath?: string;
  /** Extra Chromium flags, after the fixed set. */
  extraArgs?: readonly string[];
  /** Pages open at once; further renders queue in order. Default 4. */
  maxPages?: number;
  /** Pages a BrowserContext serves before it is replaced (and closed once idle), to keep memory flat. Default 100. */
  pagesPerContext?: number;
  /** Playwright resource types aborted; default image, font, media. `[]` loads everything. */
  blockedResourceTypes?: readonly string[];
  userAgent?: string;
  /** Default 30 000. */
  launchTimeoutMs?: number;
  /** How long a graceful close or a page close may take before the process tree is killed. Default 5 000. */
  closeTimeoutMs?: number;
}

/** Counters for measurement; `openPages` and `contexts` come from the browser itself. */
export interface BrowserPoolStats {
  /** A Chromium is connected. */
  running: boolean;
  pid: number | undefined;
  launches: number;
  /** Launches after the first (after a crash). */
  relaunches: number;
  /** Times Chromium went away without being asked to. */
  crashes: number;
  /** Leases finished, successful or not. */
  renders: number;
  failures: number;
  /** Leases holding a page slot now. */
  activeLeases: number;
  queued: number;
  openPages: number;
  contexts: number;
  /** Requests aborted by the in-browser guard (resource types, refused hosts). */
  blockedRequests: number;
  /** Connections the policy proxy refused. */
  proxyRefused: number;
  /** Live processes in Chromium's tree and their summed RSS (Linux; undefined elsewhere or when not running). */
  processes: number | undefined;
  rssBytes: number | undefined;
}
