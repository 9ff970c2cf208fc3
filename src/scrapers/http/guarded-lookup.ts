import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { TrawlError } from '../../domain/errors.js';
import { refusedAddress, type TargetPolicy } from '../../domain/url.js';

type Resolver = typeof dnsLookup;

/**
 * A DNS lookup for the HTTP agent that refuses a public-looking host name
 * resolving to a refused address (DNS rebinding, `169.254.169.254` behind a
 * friendly name, a CIDR not allow-listed). `parseTargetUrl` only sees the
 * name; this sees every address the connection may use, at connect time, so
 * each redirect hop and each reconnect is checked again. One refused address
 * refuses the name. Always installed: cloud metadata is refused even when
 * private targets are allowed.
 */
export function guardedLookup(policy: TargetPolicy, resolver: Resolver | undefined = dnsLookup): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    resolver(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', undefined);
      for (const entry of addresses) {
        const risk = refusedAddress(hostname, entry.address, policy);
        if (!risk) continue;
        const message = `${hostname} resolves to private-network address ${entry.address} (${risk})`;
        return callback(new TrawlError('PRIVATE_NETWORK_TARGET', message, { host: hostname, address: entry.address, risk }), '', undefined);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', undefined);
      return callback(null, first.address, first.family);
    });
  };
}
