import type { QueueBacklog } from '../ports/queue-backlog.port.js';
import type { WorkerRegistry } from '../ports/worker-registry.port.js';
import type { CheckOutcome, HealthCheck } from './health.service.js';

type Now = () => Date;
const systemNow: Now = () => new Date();
const jobs = (n: number) => `${n} job${n === 1 ? '' : 's'}`;

/** A dependency that answers a ping (Redis, the store): ok when `ping` resolves. */
export function pingCheck(name: string, ping: () => Promise<unknown>): HealthCheck {
  return { name, run: async () => void (await ping()) };
}

export interface LiveWorkersOptions {
  registry: Pick<WorkerRegistry, 'list'>;
  backlog: QueueBacklog;
  /** A heartbeat older than this is stale. */
  staleMs: number;
  now?: Now;
}

/**
 * Some worker is live (a heartbeat fresher than `staleMs`). With no worker at
 * all the check still passes while nothing waits (an API may start before its
 * workers); jobs waiting with no live worker, or only stale heartbeats, fail it.
 */
export function liveWorkersCheck(options: LiveWorkersOptions): HealthCheck {
  const now = options.now ?? systemNow;
  return {
    name: 'workers',
    run: async (): Promise<CheckOutcome> => {
      const workers = await options.registry.list();
      const at = now().getTime();
      const fresh = workers.filter((w) => at - w.lastHeartbeatAt.getTime() <= options.staleMs);
      if (fresh.length > 0) return { ok: true, reason: `${fresh.length} live worker${fresh.length === 1 ? '' : 's'}` };
      if (workers.length > 0) {
        const newest = Math.max(...workers.map((w) => w.lastHeartbeatAt.getTime()));
        return { ok: false, reason: `no worker heartbeat in ${at - newest} ms (stale after ${options.staleMs} ms)` };
      }
      const { waiting } = await options.backlog.snapshot();
      return waiting > 0
        ? { ok: false, reason: `${jobs(waiting)} waiting and no live worker` }
        : { ok: true, reason: 'no live worker; no job waiting' };
    },
  };
}

/**
 * Tracks since when a backlog has been waiting, as seen by successive checks:
 * the clock of a stall starts at the first check that saw jobs waiting (so a
 * burst of new work after an idle hour is not a stall), and resets when none waits.
 */
class BacklogWatch {
  private since: number | undefined;

  observe(waiting: number, at: number): number | undefined {
    if (waiting === 0) this.since = undefined;
    else this.since ??= at;
    return this.since;
  }
}

export interface ProgressOptions {
  backlog: QueueBacklog;
  /** Jobs waiting this long with no job finished meanwhile is a stall. */
  stallMs: number;
  now?: Now;
}

/**
 * Work progresses: jobs waiting for `stallMs` while no job finished
 * (completed or failed for good) fails the check, a failure mode pings miss
 * (every dependency answers, yet nothing gets done).
 */
export function progressCheck(options: ProgressOptions): HealthCheck {
  const now = options.now ?? systemNow;
  const watch = new BacklogWatch();
  return {
    name: 'progress',
    run: async (): Promise<CheckOutcome> => {
      const { waiting, lastFinishedAt } = await options.backlog.snapshot();
      const at = now().getTime();
      const since = watch.observe(waiting, at);
      if (since === undefined) return { ok: true, reason: 'no job waiting' };
      const quietMs = at - Math.max(since, lastFinishedAt?.getTime() ?? 0);
      if (quietMs < options.stallMs) return { ok: true, reason: `${jobs(waiting)} waiting; work progresses` };
      return { ok: false, reason: `${jobs(waiting)} waiting and none finished for ${quietMs} ms (stall limit ${options.stallMs} ms)` };
    },
  };
}

export interface OwnHeartbeatOptions {
  registry: Pick<WorkerRegistry, 'list'>;
  /** This process's id in the registry (undefined when it writes none). */
  workerId: () => string | undefined;
  staleMs: number;
  now?: Now;
}

/** This worker process's own heartbeat is in the registry and fresh. */
export function ownHeartbeatCheck(options: OwnHeartbeatOptions): HealthCheck {
  const now = options.now ?? systemNow;
  return {
    name: 'heartbeat',
    run: async (): Promise<CheckOutcome> => {
      const id = options.workerId();
      if (id === undefined) return { ok: false, reason: 'this worker writes no heartbeat' };
      const self = (await options.registry.list()).find((w) => w.id === id);
      if (!self) return { ok: false, reason: `worker ${id} is not in the registry` };
      const ageMs = now().getTime() - self.lastHeartbeatAt.getTime();
      return ageMs <= options.staleMs ? { ok: true, reason: `last heartbeat ${ageMs} ms ago` } : { ok: false, reason: `last heartbeat ${ageMs} ms ago (stale after ${options.staleMs} ms)` };
    },
  };
}

/** What a worker process knows of its own job loop. */
export interface WorkerLoopState {
  /** When this process last started a job attempt. */
  lastStartedAt(): Date | undefined;
  /** Jobs running in this process now. */
  activeJobs(): number;
  /** Jobs this process runs at once, all queues together. */
  capacity: number;
}

export interface WorkerLoopOptions {
  loop: WorkerLoopState;
  backlog: QueueBacklog;
  stallMs: number;
  now?: Now;
}

/**
 * This worker's loop takes work: jobs waiting for `stallMs` while the process
 * had a free slot and started none fails the check (a wedged loop, a lost
 * connection the pings do not see). A full process is busy, not stalled.
 */
export function workerLoopCheck(options: WorkerLoopOptions): HealthCheck {
  const now = options.now ?? systemNow;
  const watch = new BacklogWatch();
  return {
    name: 'worker loop',
    run: async (): Promise<CheckOutcome> => {
      const { waiting } = await options.backlog.snapshot();
      const at = now().getTime();
      const active = options.loop.activeJobs();
      const since = watch.observe(active < options.loop.capacity ? waiting : 0, at);
      if (since === undefined) return { ok: true, reason: `${active}/${options.loop.capacity} slots busy` };
      const quietMs = at - Math.max(since, options.loop.lastStartedAt()?.getTime() ?? 0);
      if (quietMs < options.stallMs) return { ok: true, reason: `${jobs(waiting)} waiting; ${active}/${options.loop.capacity} slots busy` };
      return { ok: false, reason: `${jobs(waiting)} waiting, ${active}/${options.loop.capacity} slots busy, and no job taken for ${quietMs} ms (stall limit ${options.stallMs} ms)` };
    },
  };
}

/** Records when job attempts start, for `workerLoopCheck`. */
export class JobStarts {
  private last: Date | undefined;

  started(at: Date = new Date()): void {
    this.last = at;
  }

  lastStartedAt(): Date | undefined {
    return this.last;
  }
}
