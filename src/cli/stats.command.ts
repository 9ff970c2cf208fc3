import type { Config } from '../config/config.schema.js';
import type { QueueStats } from '../domain/ports/job-queue.port.js';
import type { WorkerInfo } from '../domain/ports/worker-registry.port.js';
import type { ParsedArgs } from './args.js';
import { formatDuration } from './crawl-format.js';
import { openQueueMonitor, type QueueMonitor } from './queue-monitor.js';
import { stderrLogger } from './stderr-logger.js';

const WATCH_MS = 1000;

/** `trawl stats [--watch] [--json]`: queue counts, throughput and live workers. */
export async function runStats(config: Config, args: ParsedArgs): Promise<void> {
  const json = args.flags.has('json');
  const watch = args.flags.has('watch');
  const monitor = await openQueueMonitor(config, stderrLogger(config.cliLogLevel));
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    do {
      const snapshot = await read(monitor);
      if (json) process.stdout.write(`${JSON.stringify(snapshot, null, watch ? undefined : 2)}\n`);
      else process.stdout.write(`${watch && process.stdout.isTTY ? '\x1b[H\x1b[2J' : ''}${statsTable(snapshot, monitor.redisUrl)}\n`);
      if (watch) await sleep(WATCH_MS, stop.signal);
    } while (watch && !stop.signal.aborted);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await monitor.close();
  }
}

interface Snapshot { at: string; queues: QueueStats[]; workers: WorkerInfo[] }

async function read(monitor: QueueMonitor): Promise<Snapshot> {
  const [queues, workers] = await Promise.all([monitor.stats(), monitor.workers()]);
  return { at: new Date().toISOString(), queues, workers };
}

const QUEUE_COLUMNS = ['QUEUE', 'WAITING', 'ACTIVE', 'DELAYED', 'FAILED', 'COMPLETED', 'PAUSED', 'PROCESSED/MIN'] as const;

/** The queues and the workers as aligned tables. */
export function statsTable(snapshot: Snapshot, redisUrl: string): string {
  const rows = snapshot.queues.map((q) => [
    q.name, String(q.counts.waiting + q.counts.prioritized), String(q.counts.active), String(q.counts.delayed), String(q.counts.failed),
    String(q.counts.completed), q.isPaused ? 'yes' : 'no', String(q.processedPerMinute),
  ]);
  const now = Date.parse(snapshot.at);
  const workers = snapshot.workers.map((w) => [w.id, String(w.concurrency), String(w.activeJobs), w.queues.join(','), formatDuration(now - new Date(w.startedAt).getTime()), w.version]);
  return [
    `Queues on ${redact(redisUrl)} at ${snapshot.at}`,
    table([...QUEUE_COLUMNS], rows),
    '',
    snapshot.workers.length ? `Workers (${snapshot.workers.length})` : 'Workers: none alive',
    ...(snapshot.workers.length ? [table(['WORKER', 'CONCURRENCY', 'ACTIVE', 'QUEUES', 'UP', 'VERSION'], workers)] : []),
  ].join('\n');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** REDIS_URL without passwords; each seed node of a cluster list on its own. */
function redact(url: string): string {
  return url.split(',').map((entry) => {
    try {
      const parsed = new URL(entry.trim());
      if (parsed.password) parsed.password = '***';
      return parsed.href;
    } catch {
      return entry.trim();
    }
  }).join(',');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
