import { TrawlError } from './errors.js';
import { parseIp, parseIpRange, rangeContains, type IpAddress, type IpRange } from './ip-address.js';

/**
 * The TRAWL_ALLOWED_PRIVATE_HOSTS entries, parsed: host names (`shop.internal`),
 * `host:port`, IP addresses (`10.1.2.3`, `[::1]:8080`) and CIDR ranges
 * (`10.0.0.0/8`, `fd00::/8`). A name entry allows that name whatever it
 * resolves to; an address or range entry allows those addresses, whether
 * written in the URL or resolved at connect time. An entry with a port
 * allows that port only, so it cannot match at connect time (DNS answers
 * carry no port) except by name.
 */
export interface AllowedPrivateHosts {
  /** True when the host name is listed (with the port, when the entry has one; any port when `port` is undefined). */
  allowsName(hostname: string, port: number | undefined): boolean;
  /** True when an address or range entry contains the address (with the port, when the entry has one; port-less entries only when `port` is undefined). */
  allowsAddress(address: IpAddress, port: number | undefined): boolean;
  /** True when any port-less address or range entry exists: private names are then judged by what they resolve to. */
  readonly hasRanges: boolean;
}

interface NameEntry { name: string; port: number | undefined }
interface RangeEntry { range: IpRange; port: number | undefined }

const cache = new WeakMap<readonly string[], AllowedPrivateHosts>();

/** The parsed allowlist (cached per array). Throws INVALID_INPUT naming the first entry that is none of the accepted forms. */
export function allowedPrivateHosts(entries: readonly string[]): AllowedPrivateHosts {
  let parsed = cache.get(entries);
  if (!parsed) {
    parsed = compile(entries);
    cache.set(entries, parsed);
  }
  return parsed;
}

/** Why an allowlist entry is unusable, or undefined when it is a host, host:port, IP, [IPv6]:port or CIDR. */
export function allowedHostEntryProblem(entry: string): string | undefined {
  try {
    parseEntry(entry);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Lower case, no brackets, no trailing dots: the form host names are compared in. */
export function bareHostname(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '').toLowerCase();
}

function compile(entries: readonly string[]): AllowedPrivateHosts {
  const names: NameEntry[] = [];
  const ranges: RangeEntry[] = [];
  for (const entry of entries) {
    const parsed = parseEntry(entry);
    if ('range' in parsed) ranges.push(parsed);
    else names.push(parsed);
  }
  return {
    allowsName: (hostname, port) => {
      const name = bareHostname(hostname);
      return names.some((e) => e.name === name && (port === undefined || e.port === undefined || e.port === port));
    },
    allowsAddress: (address, port) => ranges.some((e) => rangeContains(e.range, address) && (e.port === undefined || e.port === port)),
    hasRanges: ranges.some((e) => e.port === undefined),
  };
}

function parseEntry(raw: string): NameEntry | RangeEntry {
  const entry = raw.trim();
  if (entry.includes('/')) {
    const range = parseIpRange(entry);
    if (!range) throw invalid(raw, 'is not a valid CIDR range');
    return { range, port: undefined };
  }
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return addressEntry(raw, bracketed[1]!, bracketed[2]);
  if (parseIp(entry)?.version === 6) return addressEntry(raw, entry, undefined);
  const [host = '', port, extra] = entry.split(':');
  if (extra !== undefined) throw invalid(raw, 'has more than one ":"');
  let hostname: string;
  try {
    hostname = bareHostname(new URL(`http://${host}/`).hostname);
  } catch {
    throw invalid(raw, 'is not a host name, IP address or CIDR range');
  }
  if (!hostname) throw invalid(raw, 'has no host');
  const ip = parseIp(hostname);
  return ip ? addressEntry(raw, hostname, port) : { name: hostname, port: portOf(raw, port) };
}

function addressEntry(raw: string, address: string, port: string | undefined): RangeEntry {
  const range = parseIpRange(address);
  if (!range || address.includes('/')) throw invalid(raw, 'is not a valid IP address');
  return { range, port: portOf(raw, port) };
}

function portOf(raw: string, port: string | undefined): number | undefined {
  if (port === undefined) return undefined;
  const value = Number(port);
  if (!/^\d{1,5}$/.test(port) || value < 1 || value > 65535) throw invalid(raw, `has an invalid port "${port}"`);
  return value;
}

function invalid(entry: string, problem: string): TrawlError {
  return new TrawlError('INVALID_INPUT', `Allowed private host "${entry}" ${problem}`, { field: 'allowedPrivateHosts', entry });
}
