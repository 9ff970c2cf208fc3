/**
 * REDIS_URL and the queue prefix: how trawl finds Redis and names its keys.
 * Pure functions (no client library), shared by the config table and the
 * connection factory.
 */

/** One node of REDIS_URL with the settings every node shares. */
export interface RedisNode {
  host: string;
  port: number;
  username?: string;
  password?: string;
  tls: boolean;
  /** Database number (standalone only; a cluster has only database 0). */
  db?: number;
}

/**
 * The nodes a REDIS_URL names: `redis://[user:pass@]host:port[/db]`, or a
 * comma-separated list of cluster seed nodes, either full URLs or bare
 * `host:port` entries that take the scheme and credentials of the first:
 * `redis://:secret@h1:7000,h2:7001,h3:7002`. Throws on a malformed entry.
 */
export function parseRedisNodes(value: string): RedisNode[] {
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error('REDIS_URL names no node');
  const first = parseEntry(entries[0]!);
  return [first, ...entries.slice(1).map((entry) => (entry.includes('://') ? parseEntry(entry) : inherit(first, entry)))];
}

function parseEntry(entry: string): RedisNode {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error(`${entry} is not a redis:// or rediss:// URL`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`${entry} is not a redis:// or rediss:// URL`);
  if (!url.hostname) throw new Error(`${entry} names no host`);
  const node: RedisNode = { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port ? Number(url.port) : 6379, tls: url.protocol === 'rediss:' };
  if (url.username) node.username = decodeURIComponent(url.username);
  if (url.password) node.password = decodeURIComponent(url.password);
  const db = url.pathname.replace(/^\//, '');
  if (db !== '') {
    if (!/^\d+$/.test(db)) throw new Error(`${entry}: the path must be a database number`);
    node.db = Number(db);
  }
  return node;
}

/** A bare `host:port` seed after the first URL: same scheme and credentials. */
function inherit(first: RedisNode, entry: string): RedisNode {
  const match = /^(\[[^\]]+\]|[^:/\s]+)(?::(\d+))?$/.exec(entry);
  if (!match) throw new Error(`${entry} is neither a URL nor host:port`);
  const { db: _db, ...shared } = first;
  return { ...shared, host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port: match[2] ? Number(match[2]) : 6379 };
}

/** Why REDIS_URL is unusable, or undefined when it is fine (the config table's check). */
export function redisUrlProblem(value: string): string | undefined {
  try {
    const nodes = parseRedisNodes(value);
    if (nodes.length > 1 && nodes.some((node) => node.db !== undefined && node.db !== 0)) return 'a Redis Cluster has only database 0';
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Cluster mode: asked for, or implied by a REDIS_URL that lists several seed nodes. */
export function isClusterTarget(url: string, clusterFlag: boolean): boolean {
  return clusterFlag || parseRedisNodes(url).length > 1;
}

/**
 * True when Redis Cluster would hash `prefix` by a tag: a `{` followed later
 * by a `}` with at least one character between them (Redis uses the first
 * such pair of a key).
 */
export function hasHashTag(prefix: string): boolean {
  const open = prefix.indexOf('{');
  if (open < 0) return false;
  const close = prefix.indexOf('}', open + 1);
  return close > open + 1;
}

/**
 * The queue prefix as trawl uses it: hash-tagged, so every key of every queue
 * lands in one Redis Cluster slot (BullMQ's scripts touch many keys of a queue
 * at once, and a flow spans both queues). `trawl` becomes `{trawl}`; a prefix
 * that has a tag already (`{trawl}`, `prod:{trawl}`) is kept as it is.
 */
export function hashTaggedPrefix(prefix: string): string {
  return hasHashTag(prefix) ? prefix : `{${prefix}}`;
}
