/** A live worker process, as its last heartbeat described it. */
export interface WorkerInfo {
  /** `hostname:pid:random`, unique per process start. */
  id: string;
  host: string;
  pid: number;
  /** Jobs the process runs at once on each queue. */
  concurrency: number;
  /** Jobs running in the process at the last heartbeat. */
  activeJobs: number;
  queues: string[];
  startedAt: Date;
  lastHeartbeatAt: Date;
  /** trawl version the process runs. */
  version: string;
}

/**
 * Where worker processes announce themselves. Each worker writes a heartbeat
 * every few seconds with a time to live; a process that stops beating (killed,
 * frozen, cut off) drops out of `list()` once its last heartbeat expires.
 * Adapter: Redis (src/queue/redis-worker-registry.ts).
 */
export interface WorkerRegistry {
  /** Writes (or refreshes) a worker's heartbeat, kept for `ttlMs`. */
  beat(worker: WorkerInfo, ttlMs: number): Promise<void>;
  /** Removes a worker at once (a graceful shutdown). Idempotent. */
  remove(id: string): Promise<void>;
  /** The live workers, oldest first. */
  list(): Promise<WorkerInfo[]>;
}
