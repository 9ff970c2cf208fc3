import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import { isTrawlError, type TrawlError } from '../../../src/domain/errors.js';
import type { TargetPolicy } from '../../../src/domain/url.js';
import { BrowserPool, type BrowserPoolOptions } from '../../../src/scrapers/browser/browser-pool.js';

export const OPEN_POLICY: TargetPolicy = { allowPrivateNetwork: true, allowedPrivateHosts: [] };

/** A pool on the system Chromium; each test closes its own. */
export function testPool(options: Partial<BrowserPoolOptions> = {}): BrowserPool {
  return new BrowserPool({ targetPolicy: OPEN_POLICY, maxPages: 2, ...options });
}

/** The TrawlError a promise rejects with. */
export async function failure(promise: Promise<unknown>): Promise<TrawlError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTrawlError(error), `expected a TrawlError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a failure');
}

export function html(res: ServerResponse, body: string, status = 200, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

/** Live (non-zombie) processes whose command line mentions chromium and that descend from this test process. */
export function ownChromiumProcesses(): number {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  const rows = out.trim().split('\n').map((line) => {
    const [pid, ppid, stat, ...args] = line.trim().split(/\s+/);
    return { pid: Number(pid), ppid: Number(ppid), stat: stat ?? '', args: args.join(' ') };
  });
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) if (!mine.has(row.pid) && mine.has(row.ppid)) (mine.add(row.pid), (grew = true));
  }
  return rows.filter((row) => mine.has(row.pid) && row.pid !== process.pid && !row.stat.startsWith('Z') && /chrom/i.test(row.args)).length;
}
