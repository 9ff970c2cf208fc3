import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** The private subnet of a run: it exists only inside the run's own namespaces (each has its own routing table). */
export const NETNS_SUBNET = '10.231.0.0/24';
export const CORE_ADDRESS = '10.231.0.1';
export const WORKER_ADDRESSES = ['10.231.0.2', '10.231.0.3'] as const;

/** Why `ip netns` cannot be used here, or undefined when it can. */
export function netnsUnavailable(): string | undefined {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'creating network namespaces needs root';
  const probe = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return `\`ip netns\` is unavailable: ${probe.error?.message ?? probe.stderr.trim()}`;
  return undefined;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Three network namespaces for one run: `core` (a bridge at CORE_ADDRESS) and
 * one per worker, each joined to the bridge by a veth pair whose worker end is
 * `eth0` at its WORKER_ADDRESSES entry. No address or interface is added to the
 * root namespace, so nothing outside these namespaces can reach them.
 *
 * Loopback: in the worker namespaces `lo` stays down (127.0.0.1 neither binds
 * nor connects). In `core` `lo` is up, because the kernel delivers traffic to
 * the namespace's own addresses (API to Redis) through it, but 127.0.0.1/8 and
 * ::1 are removed, so a process there cannot use localhost either.
 */
export class NetnsNetwork {
  readonly core: string;
  readonly workers: readonly string[];
  private readonly created: string[] = [];

  constructor(workerCount = WORKER_ADDRESSES.length) {
    const run = `trawl-${process.pid}-${randomBytes(2).toString('hex')}`;
    this.core = `${run}-core`;
    this.workers = Array.from({ length: workerCount }, (_, i) => `${run}-w${i + 1}`);
  }

  /** Creates the namespaces and links; call `destroy()` even when this throws. */
  create(): void {
    sweepAbandoned();
    for (const ns of [this.core, ...this.workers]) {
      ip('netns', 'add', ns);
      this.created.push(ns);
    }
    const core = ['-n', this.core];
    ip(...core, 'link', 'add', 'br0', 'type', 'bridge');
    ip(...core, 'addr', 'add', `${CORE_ADDRESS}/24`, 'dev', 'br0');
    ip(...core, 'link', 'set', 'br0', 'up');
    ip(...core, 'link', 'set', 'lo', 'up');
    ip(...core, 'addr', 'del', '127.0.0.1/8', 'dev', 'lo');
    ip(...core, '-6', 'addr', 'flush', 'dev', 'lo');
    this.workers.forEach((ns, i) => {
      const port = `w${i + 1}`;
      ip('link', 'add', port, 'netns', this.core, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
      ip(...core, 'link', 'set', port, 'master', 'br0');
      ip(...core, 'link', 'set', port, 'up');
      ip('-n', ns, 'addr', 'add', `${WORKER_ADDRESSES[i]}/24`, 'dev', 'eth0');
      ip('-n', ns, 'link', 'set', 'eth0', 'up');
    });
  }

  /** The namespace a process runs in, by name (`ip netns identify`), or '' when it is in none of them. */
  identify(pid: number): string {
    const out = spawnSync('ip', ['netns', 'identify', String(pid)], { encoding: 'utf8' });
    return out.status === 0 ? out.stdout.trim() : '';
  }

  /**
   * Kills whatever still runs in the namespaces and deletes them (their veth
   * ends and bridge go with them). Idempotent; keeps going past failures and
   * throws one error listing them at the end.
   */
  destroy(): void {
    const failures: string[] = [];
    for (const ns of this.created.splice(0).reverse()) {
      const failure = deleteNamespace(ns);
      if (failure) failures.push(failure);
    }
    if (failures.length > 0) throw new Error(failures.join('; '));
  }
}

/** SIGKILLs every process in the namespace, then deletes it; returns why deleting failed, if it did. */
function deleteNamespace(ns: string): string | undefined {
  const pids = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).stdout?.split(/\s+/).filter(Boolean) ?? [];
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  const del = spawnSync('ip', ['netns', 'del', ns], { encoding: 'utf8' });
  return del.status === 0 ? undefined : `ip netns del ${ns}: ${del.stderr.trim()}`;
}

/** Deletes namespaces of earlier runs whose test process died before its cleanup ran (killed runner). */
function sweepAbandoned(): void {
  const names = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout?.split('\n').map((line) => line.split(' ')[0] ?? '') ?? [];
  for (const ns of names) {
    const owner = /^trawl-(\d+)-[0-9a-f]{4}-(?:core|w\d+)$/.exec(ns)?.[1];
    if (owner && !alive(Number(owner))) deleteNamespace(ns);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
