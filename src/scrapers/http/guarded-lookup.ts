import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { TrawlError } from '../../domain/errors.js';
import { isPrivateHost, type TargetPolicy } from '../../domain/url.js';

type Resolver = typeof dnsLookup;

/**
 * A DNS lookup for the HTTP agent that refuses a public-looking host name
 * resolving to a private address (DNS rebinding, `169.254.169.254` behind a
 * friendly name). `parseTargetUrl` only sees the name; this sees the address
 * actually connected to. Undefined when the policy allows private targets.
 * Allowlist entries match by host name (the port is checked by `parseTargetUrl`).
 */
export function guardedLookup(policy: TargetPolicy, resolver: Resolver = dnsLookup): LookupFunction | undefined {
  if (policy.allowPrivateNetwork) return undefined;
  const allowed = new Set(policy.privateHostAllowlist.map(hostnameOf));
  return (hostname: string, options: LookupOptions, callback) => {
    resolver(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', undefined);
      const refused = allowed.has(hostname.toLowerCase()) ? undefined : addresses.find((entry) => isPrivateHost(entry.address));
      if (refused) {
        const message = `${hostname} resolves to private-network address ${refused.address}`;
        return callback(new TrawlError('PRIVATE_NETWORK_TARGET', message, { host: hostname, address: refused.address }), '', undefined);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', undefined);
      return callback(null, first.address, first.family);
    });
  };
}

function hostnameOf(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed?.[1]) return bracketed[1].toLowerCase();
  const parts = entry.split(':');
  return (parts.length === 2 ? parts[0]! : entry).toLowerCase();
}
