import { readdirSync, readFileSync } from 'node:fs';

/** Live processes of a tree and their summed resident memory (shared pages counted once per process). */
export interface ProcessTreeUsage {
  processes: number;
  rssBytes: number;
}

const PAGE_SIZE = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  state: string;
  rssPages: number;
}

/**
 * Processes descending from `rootPid` (itself included), zombies excluded,
 * read from /proc. Undefined off Linux or when the root is gone. For
 * measurement and tests; it scans /proc, so do not call it per request.
 */
export function processTreeUsage(rootPid: number | undefined): ProcessTreeUsage | undefined {
  if (rootPid === undefined || process.platform !== 'linux') return undefined;
  const all = readProcStats();
  if (!all.some((entry) => entry.pid === rootPid && entry.state !== 'Z')) return undefined;
  const children = new Map<number, ProcStat[]>();
  for (const entry of all) {
    const siblings = children.get(entry.ppid);
    if (siblings) siblings.push(entry);
    else children.set(entry.ppid, [entry]);
  }
  let processes = 0;
  let rssPages = 0;
  const pending = all.filter((entry) => entry.pid === rootPid);
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    if (entry.state !== 'Z') {
      processes++;
      rssPages += entry.rssPages;
    }
    pending.push(...(children.get(entry.pid) ?? []));
  }
  return { processes, rssBytes: rssPages * PAGE_SIZE };
}

function readProcStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after "(comm)": state ppid pgrp ... (rss is field 24 overall, index 21 here).
      const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.push({ pid: Number(name), state: rest[0] ?? '', ppid: Number(rest[1]), rssPages: Number(rest[21] ?? 0) });
    } catch {
      // The process exited while we looked.
    }
  }
  return stats;
}
