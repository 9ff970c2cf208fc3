import { isIP } from 'node:net';
import { TrawlError } from './errors.js';

/** Which targets a deployment may fetch. Loopback and private ranges are refused unless allowed. */
export interface TargetPolicy {
  allowPrivateNetwork: boolean;
  /** `host` or `host:port` entries exempt from the private-network rule (the demo shop, say). */
  privateHostAllowlist: readonly string[];
}

export const STRICT_TARGET_POLICY: TargetPolicy = { allowPrivateNetwork: false, privateHostAllowlist: [] };

const MAX_URL_LENGTH = 2048;

/**
 * Parses a user-given target URL. Rejects relative, malformed, non-http(s),
 * credential-carrying and over-long URLs, and private-network targets unless
 * the policy allows them. Errors name the input field.
 */
export function parseTargetUrl(raw: string, field: string, policy: TargetPolicy = STRICT_TARGET_POLICY): URL {
  const text = raw.trim();
  if (text.length === 0) throw urlError(field, `${field} is empty`);
  if (text.length > MAX_URL_LENGTH) throw urlError(field, `${field} is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw urlError(field, `${field} "${clip(text)}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw urlError(field, `${field} "${clip(text)}" is not http(s)`);
  }
  if (url.username || url.password) throw urlError(field, `${field} must not carry credentials`);
  if (!url.hostname) throw urlError(field, `${field} "${clip(text)}" has no host`);
  if (!policy.allowPrivateNetwork && isPrivateHost(url.hostname) && !isAllowlisted(url, policy)) {
    throw new TrawlError('PRIVATE_NETWORK_TARGET', `${field} "${url.host}" is a private-network target`, { field, url: url.href });
  }
  return url;
}

function urlError(field: string, message: string): TrawlError {
  return new TrawlError('INVALID_URL', message, { field });
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function isAllowlisted(url: URL, policy: TargetPolicy): boolean {
  return policy.privateHostAllowlist.some((entry) => entry === url.host || entry === url.hostname);
}

/** True for loopback, private, link-local, unspecified and similar addresses and names. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  const kind = isIP(host);
  if (kind === 4) return isPrivateIPv4(host);
  if (kind === 6) return isPrivateIPv6(host);
  return false;
}

export function isPrivateIPv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224
  );
}

function isPrivateIPv6(ip: string): boolean {
  if (ip === '::' || ip === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped?.[1]) return isPrivateIPv4(mapped[1]);
  return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(ip);
}

const TRACKING_PARAMS = /^(utm_[a-z]+|gclid|fbclid|mc_cid|mc_eid|_ga|ref|srsltid)$/i;

/**
 * The canonical form a product or category URL is stored under: lower-case
 * host, no fragment, no default port, no tracking parameters, sorted query,
 * no trailing slash on non-root paths.
 */
export function canonicalUrl(input: string | URL): string {
  const url = new URL(typeof input === 'string' ? input : input.href);
  url.hash = '';
  url.hostname = url.hostname.toLowerCase();
  const kept = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAMS.test(key));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/** The site key a URL belongs to: host (with a non-default port), without a leading `www.`. */
export function siteOf(input: string | URL): string {
  const url = typeof input === 'string' ? new URL(input) : input;
  return url.host.toLowerCase().replace(/^www\./, '');
}

/** Shopify links products inside a collection (`/collections/x/products/y`); the product itself is `/products/y`. */
const COLLECTION_SCOPED = /^\/collections\/[^/]+(\/products\/[^/]+)$/;
/** Query parameters that select a variant or listing context of the same product page. */
const PRODUCT_CONTEXT_PARAMS = /^(variant|_pos|_sid|_ss|_psq|_fid|_v)$/i;

/**
 * The canonical URL of a product page: `canonicalUrl` plus the product-page
 * rules (collection-scoped Shopify paths, variant and search-position
 * parameters removed), so one product found in several listings has one key.
 */
export function canonicalProductUrl(input: string | URL): string {
  const url = new URL(canonicalUrl(input));
  const scoped = COLLECTION_SCOPED.exec(url.pathname);
  if (scoped) url.pathname = scoped[1]!;
  for (const key of [...url.searchParams.keys()]) if (PRODUCT_CONTEXT_PARAMS.test(key)) url.searchParams.delete(key);
  return url.href;
}

/** True when `url` parses and belongs to `site` (a `siteOf` key); false for anything unparsable. */
export function isOnSite(url: string, site: string): boolean {
  try {
    return siteOf(url) === site;
  } catch {
    return false;
  }
}
