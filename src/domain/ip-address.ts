import { isIP } from 'node:net';

/**
 * IP addresses as numbers, CIDR ranges, and the special-purpose ranges a
 * scraper must not reach (loopback, private, link-local, multicast, cloud
 * metadata and the like), so one check covers every way of writing them.
 */

/** An IPv4 or IPv6 address as an unsigned integer. */
export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

/** A CIDR range (`10.0.0.0/8`, `fd00::/8`); a single address has the full prefix. */
export interface IpRange {
  version: 4 | 6;
  base: bigint;
  prefix: number;
}

/** What kind of special address it is; `cloud-metadata` is refused even where private targets are allowed. */
export type AddressRisk = 'cloud-metadata' | 'loopback' | 'private' | 'link-local' | 'multicast' | 'reserved';

const BITS = { 4: 32, 6: 128 } as const;

/** Parses an IPv4 or IPv6 literal (brackets and a zone id allowed); undefined for anything else. */
export function parseIp(text: string): IpAddress | undefined {
  const host = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = isIP(host);
  if (kind === 4) return { version: 4, value: ipv4Value(host) };
  if (kind === 6) return { version: 6, value: ipv6Value(host) };
  return undefined;
}

/** Parses `address/prefix` or a bare address (a one-address range); undefined when invalid. */
export function parseIpRange(text: string): IpRange | undefined {
  const match = /^(.+?)(?:\/(\d{1,3}))?$/.exec(text.trim());
  const address = match?.[1] ? parseIp(match[1]) : undefined;
  if (!address) return undefined;
  const bits = BITS[address.version];
  const prefix = match?.[2] === undefined ? bits : Number(match[2]);
  if (prefix > bits) return undefined;
  const shift = BigInt(bits - prefix);
  return { version: address.version, base: (address.value >> shift) << shift, prefix };
}

/** True when the address lies in the range; an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) counts as its IPv4 address. */
export function rangeContains(range: IpRange, address: IpAddress): boolean {
  const ip = unmapped(address);
  if (ip.version !== range.version) return false;
  const shift = BigInt(BITS[range.version] - range.prefix);
  return ip.value >> shift === range.base >> shift;
}

const range = (text: string): IpRange => parseIpRange(text)!;

/** Metadata services of the big clouds (AWS, GCP, Azure, ECS, Alibaba, Oracle). */
const METADATA_RANGES: readonly IpRange[] = ['169.254.169.254', '169.254.170.2', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254'].map(range);

const SPECIAL_RANGES: readonly [IpRange, AddressRisk][] = ([
  ['0.0.0.0/8', 'reserved'], ['10.0.0.0/8', 'private'], ['100.64.0.0/10', 'private'], ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'], ['172.16.0.0/12', 'private'], ['192.0.0.0/24', 'reserved'], ['192.0.2.0/24', 'reserved'],
  ['192.88.99.0/24', 'reserved'], ['192.168.0.0/16', 'private'], ['198.18.0.0/15', 'reserved'], ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'], ['224.0.0.0/4', 'multicast'], ['240.0.0.0/4', 'reserved'],
  ['::1/128', 'loopback'], ['::/96', 'reserved'], ['64:ff9b:1::/48', 'private'], ['100::/64', 'reserved'], ['2001::/32', 'reserved'],
  ['2001:db8::/32', 'reserved'], ['fc00::/7', 'private'], ['fe80::/10', 'link-local'], ['fec0::/10', 'link-local'], ['ff00::/8', 'multicast'],
] as const).map(([cidr, risk]) => [range(cidr), risk]);

/** IPv6 prefixes that carry an IPv4 address: mapped, translated, NAT64 (well-known) and 6to4, with where it sits. */
const EMBEDDING: readonly { range: IpRange; shift: bigint }[] = [
  { range: range('::ffff:0:0/96'), shift: 0n }, { range: range('::ffff:0:0:0/96'), shift: 0n },
  { range: range('64:ff9b::/96'), shift: 0n }, { range: range('2002::/16'), shift: 80n },
];

/**
 * Why an address must not be fetched, or undefined for an ordinary public
 * address. IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4) are
 * judged by that address: `::ffff:127.0.0.1` is loopback, `64:ff9b::8.8.8.8` is public.
 */
export function addressRisk(address: IpAddress): AddressRisk | undefined {
  const embedded = embeddedIPv4(address);
  if (embedded) return addressRisk(embedded);
  if (METADATA_RANGES.some((r) => rangeContains(r, address))) return 'cloud-metadata';
  return SPECIAL_RANGES.find(([r]) => rangeContains(r, address))?.[1];
}

function embeddedIPv4(address: IpAddress): IpAddress | undefined {
  if (address.version !== 6) return undefined;
  const carrier = EMBEDDING.find((e) => rangeContains(e.range, address));
  return carrier ? { version: 4, value: (address.value >> carrier.shift) & 0xffffffffn } : undefined;
}

function unmapped(address: IpAddress): IpAddress {
  const mapped = EMBEDDING[0]!.range;
  return address.version === 6 && address.value >> 32n === mapped.base >> 32n ? { version: 4, value: address.value & 0xffffffffn } : address;
}

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Value(text: string): bigint {
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  let hex = text;
  if (dotted) {
    const v4 = ipv4Value(dotted);
    hex = `${text.slice(0, -dotted.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [left = '', right] = hex.split('::');
  const head = left ? left.split(':') : [];
  const tail = right ? right.split(':') : [];
  const groups = right === undefined ? head : [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}
