import type { BrowserContext, Page, Request, Route } from 'playwright-core';
import { isTrawlError } from '../../domain/errors.js';
import { parseTargetUrl, type TargetPolicy } from '../../domain/url.js';

/** Resource types (Playwright's names) blocked unless configured otherwise: they cost bandwidth and say nothing about products. */
export const DEFAULT_BLOCKED_RESOURCE_TYPES: readonly string[] = Object.freeze(['image', 'font', 'media']);

/** A request the guard aborted. */
export interface BlockedRequest {
  url: string;
  resourceType: string;
  reason: 'resource-type' | 'private-network';
}

export interface RequestGuardOptions {
  policy: TargetPolicy;
  /** Never applied to documents. */
  blockedResourceTypes: ReadonlySet<string>;
  /** Told about every aborted request, with its page when known. */
  onBlocked(page: Page | undefined, blocked: BlockedRequest): void;
}

/**
 * Intercepts every request of a context: aborts blocked resource types and
 * private-network targets the policy refuses (by URL; redirect hops,
 * WebSockets and DNS answers are the policy proxy's job). Installs nothing
 * when there is nothing to block, which keeps the HTTP cache usable.
 */
export async function installRequestGuard(context: BrowserContext, options: RequestGuardOptions): Promise<void> {
  if (options.policy.allowPrivateNetwork && options.blockedResourceTypes.size === 0) return;
  await context.route('**/*', (route) => guard(route, options));
}

async function guard(route: Route, options: RequestGuardOptions): Promise<void> {
  const request = route.request();
  const resourceType = request.resourceType();
  const reason = resourceType !== 'document' && options.blockedResourceTypes.has(resourceType)
    ? 'resource-type'
    : refusedByPolicy(request.url(), options.policy) ? 'private-network' : undefined;
  try {
    if (!reason) return await route.continue();
    options.onBlocked(pageOf(request), { url: request.url(), resourceType, reason });
    await route.abort('blockedbyclient');
  } catch {
    // The page or browser went away while the request was paused.
  }
}

/**
 * True when the policy refuses the URL as a private-network target, by its
 * host (IP literal in any spelling, CIDR allow-list, metadata names; other URL
 * problems are the browser's business). Resolved addresses are the policy proxy's job.
 */
export function refusedByPolicy(url: string, policy: TargetPolicy): boolean {
  if (!/^(https?|wss?):/i.test(url)) return false;
  try {
    parseTargetUrl(url.replace(/^ws/i, 'http'), 'url', policy);
    return false;
  } catch (error) {
    return isTrawlError(error) && error.code === 'PRIVATE_NETWORK_TARGET';
  }
}

function pageOf(request: Request): Page | undefined {
  try {
    return request.frame().page();
  } catch {
    return undefined;
  }
}
