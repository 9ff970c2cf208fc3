/**
 * Politeness shared by every worker: requests to one site are scheduled at
 * least `delayMs` apart, whichever process makes them. Adapter: Redis (src/queue).
 */
export interface SiteThrottle {
  /** Resolves when this caller may send its request to `site`. */
  wait(site: string, delayMs: number, signal?: AbortSignal): Promise<void>;
}

/** No spacing (tests and tools that throttle elsewhere). */
export const NO_THROTTLE: SiteThrottle = { wait: async () => undefined };
