import { isTrawlError, toTrawlError, TrawlError, type TrawlErrorDetails } from '../../domain/errors.js';
import type { BlockedRequest } from './request-guard.js';

/** What a failed browser operation was, for the message and details. */
export interface BrowserFailureContext {
  /** Message prefix naming the culprit: `render https://x/p` or `step 3 (click "#next")`. */
  what: string;
  /** The timeout the operation ran under, for the TIMEOUT message. */
  timeoutMs: number;
  url: string;
  details?: TrawlErrorDetails;
  /** Requests the guard blocked on the page, to tell a refused target from a network failure. */
  blocked?: readonly BlockedRequest[];
}

const BAD_SELECTOR = /while parsing (?:css )?selector|Unknown engine|not a valid (?:XPath expression|selector)|Malformed selector|Unsupported token|Unexpected token "[^"]*" while parsing/i;
const GONE = /Target page, context or browser has been closed|Browser (?:has been )?closed|Target closed|Page crashed|Target crashed/i;
const NET_ERROR = /net::(ERR_[A-Z_]+)/;

/**
 * Maps what Playwright throws to a TrawlError naming the operation:
 * Playwright timeouts to TIMEOUT, selector syntax errors to INVALID_INPUT,
 * `net::ERR_*` to NETWORK_ERROR (PRIVATE_NETWORK_TARGET when the guard blocked
 * the navigation), a closed page or browser to INTERNAL (retryable). A
 * TrawlError passes through unchanged.
 */
export function browserError(error: unknown, context: BrowserFailureContext): TrawlError {
  if (isTrawlError(error)) return toTrawlError(error);
  const message = error instanceof Error ? error.message : String(error);
  const reason = summary(message);
  const details: TrawlErrorDetails = { url: context.url, ...context.details };
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new TrawlError('TIMEOUT', `${context.what}: timed out after ${context.timeoutMs} ms`, { ...details, timeoutMs: context.timeoutMs }, { cause: error });
  }
  if (BAD_SELECTOR.test(message)) return new TrawlError('INVALID_INPUT', `${context.what}: invalid selector: ${reason}`, details, { cause: error });
  const net = NET_ERROR.exec(message)?.[1];
  if (net === 'ERR_BLOCKED_BY_CLIENT' && context.blocked?.some((entry) => entry.reason === 'private-network')) {
    const target = context.blocked.find((entry) => entry.reason === 'private-network')?.url ?? context.url;
    return new TrawlError('PRIVATE_NETWORK_TARGET', `${context.what}: ${target} is a private-network target`, { ...details, url: target }, { cause: error });
  }
  if (net) return new TrawlError('NETWORK_ERROR', `${context.what}: ${net}`, { ...details, networkCode: net }, { cause: error });
  if (GONE.test(message)) {
    return new TrawlError('INTERNAL', `${context.what}: the page or browser went away (${reason})`, { ...details, reason: 'browser-exited' }, { cause: error });
  }
  return new TrawlError('INTERNAL', `${context.what}: ${reason}`, details, { cause: error });
}

/** True for the failures of a page or browser that went away (closed, crashed, killed). */
export function isBrowserGone(error: unknown): boolean {
  if (isTrawlError(error)) return error.details.reason === 'browser-exited';
  return GONE.test(error instanceof Error ? error.message : String(error));
}

/** First line of a Playwright message, without its `page.click: ` prefix. */
function summary(message: string): string {
  const first = message.split('\n')[0] ?? '';
  return first.replace(/^[a-zA-Z]+\.[a-zA-Z]+: /, '').slice(0, 300);
}
