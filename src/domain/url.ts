import { allowedPrivateHosts, bareHostname } from './allowed-private-hosts.js';
import { TrawlError } from './errors.js';
import { addressRisk, parseIp, type AddressRisk } from './ip-address.js';

/**
 * Which targets a deployment may fetch. Loopback, private, link-local,
 * multicast, reserved and cloud-metadata addresses are refused unless
 * allowed; cloud metadata stays refused even with `allowPrivateNetwork`
 * unless it is listed in `allowedPrivateHosts` itself.
 */
export interface TargetPolicy {
  allowPrivateNetwork: boolean;
  /** Host names, `host:port`, IP addresses or CIDR ranges exempt from the rule (the demo shop, an intranet range); see `allowedPrivateHosts`. */
  allowedPrivateHosts: readonly string[];
}

export const STRICT_TARGET_POLICY: TargetPolicy = { allowPrivateNetwork: false, allowedPrivateHosts: [] };

const MAX_URL_LENGTH = 2048;

/**
 * Parses a user-given target URL. Rejects relative, malformed, non-http(s),
 * credential-carrying and over-long URLs, and private-network targets unless
 * the policy allows them. IPv4 written in decimal, octal or hex
 * (`http://2130706433/`, `http://0x7f.1/`) is normalised by the URL parser
 * first, so it is judged as the address it is. Errors name the input field.
 */
export function parseTargetUrl(raw: string, field: string, policy: TargetPolicy = STRICT_TARGET_POLICY): URL {
  if (typeof raw !== 'string') throw urlError(field, `${field} must be a string, got ${typeof raw}`);
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
  const refused = refusedHost(url, policy);
  if (refused) {
    throw new TrawlError('PRIVATE_NETWORK_TARGET', `${field} "${url.host}" is a private-network target (${refused})`, { field, url: url.href, risk: refused });
  }
  return url;
}

/**
 * Why connecting to `address` (what `hostname` resolved to) is refused under
 * the policy, or undefined when allowed. For the connect-time check: a listed
 * name may resolve to anything; otherwise the address must be public or in a
 * port-less address/range entry.
 */
export function refusedAddress(hostname: string, address: string, policy: TargetPolicy): AddressRisk | undefined {
  const ip = parseIp(address);
  const risk = ip ? addressRisk(ip) : undefined;
  if (!ip || !risk) return undefined;
  const allowed = allowedPrivateHosts(policy.allowedPrivateHosts);
  if (allowed.allowsName(hostname, undefined) || allowed.allowsAddress(ip, undefined)) return undefined;
  return policy.allowPrivateNetwork && risk !== 'cloud-metadata' ? undefined : risk;
}

/** Verdicts per policy and `protocol//host:port` (a pure function of both): bulk enqueues check the same few hosts thousands of times. */
const VERDICTS = new WeakMap<TargetPolicy, Map<string, string | undefined>>();
const MAX_VERDICTS = 1024;

function refusedHost(url: URL, policy: TargetPolicy): string | undefined {
  let verdicts = VERDICTS.get(policy);
  if (!verdicts) VERDICTS.set(policy, (verdicts = new Map()));
  const key = `${url.protocol}//${url.host}`;
  if (verdicts.has(key)) return verdicts.get(key);
  const verdict = judgeHost(url, policy);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

function judgeHost(url: URL, policy: TargetPolicy): string | undefined {
  const host = bareHostname(url.hostname);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const allowed = allowedPrivateHosts(policy.allowedPrivateHosts);
  const ip = parseIp(host);
  if (ip) {
    const risk = addressRisk(ip);
    if (!risk || allowed.allowsAddress(ip, port)) return undefined;
    return policy.allowPrivateNetwork && risk !== 'cloud-metadata' ? undefined : risk;
  }
  if (allowed.allowsName(host, port)) return undefined;
  if (METADATA_NAMES.has(host)) return 'cloud-metadata';
  if (policy.allowPrivateNetwork || !isPrivateName(host)) return undefined;
  // With address ranges listed, a private name is judged at connect time by what it resolves to.
  return allowed.hasRanges ? undefined : 'private-name';
}

function urlError(field: string, message: string): TrawlError {
  return new TrawlError('INVALID_URL', message, { field });
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Names of cloud metadata services (refused like their addresses). */
const METADATA_NAMES = new Set(['metadata', 'metadata.goog', 'metadata.google.internal', 'instance-data', 'instance-data.ec2.internal']);

function isPrivateName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.home.arpa');
}

/**
 * True for loopback, private, link-local, multicast, reserved and metadata
 * addresses (in any IPv4/IPv6 spelling) and for private names (`localhost`,
 * `*.local`, `*.internal`, metadata service names).
 */
export function isPrivateHost(hostname: string): boolean {
  const host = bareHostname(hostname);
  const ip = parseIp(host);
  if (ip) return addressRisk(ip) !== undefined;
  return METADATA_NAMES.has(host) || isPrivateName(host);
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
