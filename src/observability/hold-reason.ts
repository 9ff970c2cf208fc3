import type { HeldBack } from '../domain/errors.js';

const ADMISSION_REASONS = new Set(['min-delay', 'rate-window', 'concurrency', 'breaker-open', 'breaker-probing']);

/**
 * A bounded label for why a job was held back: the politeness admission
 * reason, `blocked` (the site blocked a request), `robots-unreachable`,
 * `campaign-paused`, `store-unavailable`, or `other`.
 */
export function holdReasonOf(held: HeldBack): string {
  const { details } = held;
  if (typeof details.reason === 'string' && ADMISSION_REASONS.has(details.reason)) return details.reason;
  if (details.breaker !== undefined) return 'blocked';
  if (held.reason.startsWith('robots.txt')) return 'robots-unreachable';
  if (details.campaignId !== undefined) return 'campaign-paused';
  if (held.reason.startsWith('store unavailable')) return 'store-unavailable';
  return 'other';
}
