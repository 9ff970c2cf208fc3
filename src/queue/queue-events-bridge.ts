import { QueueEvents } from 'bullmq';
import { duplicateRedis, type RedisClient } from './redis-connection.js';
import type { EventBus } from '../domain/ports/event-bus.port.js';
import type { JobEvent, QueueJobState } from '../domain/ports/job-queue.port.js';
import type { LiveJobEvent } from '../domain/services/job-updates.feed.js';
import type { Logger } from '../domain/ports/logger.port.js';
import { topics } from '../domain/topics.js';
import { JobInfoCache } from './job-info-cache.js';
import { ALL_QUEUES } from './queue-names.js';

type EventName = JobEvent['event'];

/** BullMQ event -> (our event name, the job's state after it). */
const EVENT_STATES: Record<string, [EventName, QueueJobState]> = {
  added: ['added', 'waiting'],
  waiting: ['waiting', 'waiting'],
  active: ['active', 'active'],
  progress: ['progress', 'active'],
  completed: ['completed', 'completed'],
  failed: ['failed', 'failed'],
  delayed: ['delayed', 'delayed'],
  stalled: ['stalled', 'waiting'],
  removed: ['removed', 'unknown'],
};

export interface QueueEventsBridgeOptions {
  /** False while nobody in this process listens to any topic: events are then not even enriched. Default: always true. */
  isWatched?: () => boolean;
}

/**
 * Listens to BullMQ's event streams (Redis streams, so every API instance
 * reads every event itself) and republishes them on the in-process event bus:
 * per job, for all jobs, per campaign and per job kind. Events carry the
 * job's kind and campaign ({@link JobInfoCache}); events of one job are
 * published in the order they were read.
 */
export class QueueEventsBridge {
  private readonly listeners: QueueEvents[];
  /** BullMQ never closes a connection it was given, so the bridge owns and closes its duplicates. */
  private readonly connections: RedisClient[] = [];
  private closed = false;
  private readonly info: JobInfoCache;

  constructor(connection: RedisClient, prefix: string, private readonly bus: EventBus, logger: Logger, private readonly options: QueueEventsBridgeOptions = {}) {
    this.info = new JobInfoCache(connection, prefix);
    this.listeners = ALL_QUEUES.map((name) => {
      const own = duplicateRedis(connection);
      // Connection errors while Redis restarts are reported by QueueEvents' 'error' below; this keeps them from being unhandled.
      own.on('error', () => undefined);
      this.connections.push(own);
      const events = new QueueEvents(name, { connection: own, prefix, autorun: true });
      events.on('error', (error) => logger.warn({ err: error, queue: name }, 'queue events connection error'));
      for (const [bullEvent, [event, state]] of Object.entries(EVENT_STATES)) {
        events.on(bullEvent as 'completed', (args: Record<string, unknown>) => this.forward(name, event, state, args));
      }
      return events;
    });
  }

  async start(): Promise<void> {
    await Promise.all(this.listeners.map((l) => l.waitUntilReady()));
  }

  private forward(queue: string, event: EventName, state: QueueJobState, args: Record<string, unknown>): void {
    const jobId = String(args.jobId ?? '');
    if (!jobId) return;
    const payload: LiveJobEvent = { jobId, queue, event, state, at: new Date() };
    if (event === 'progress' && typeof args.data === 'number') payload.progress = args.data;
    if (event === 'completed') payload.progress = 100;
    if (typeof args.failedReason === 'string') payload.failedReason = args.failedReason;
    if (event === 'waiting' && args.prev === 'failed') payload.event = 'retrying';
    if (this.options.isWatched && !this.options.isWatched()) {
      if (event === 'removed') this.info.forget(jobId);
      return;
    }
    void this.info.get(queue, jobId, typeof args.name === 'string' ? args.name : undefined).then((info) => {
      if (event === 'removed') this.info.forget(jobId);
      if (this.closed) return;
      if (info.type) payload.type = info.type;
      if (info.campaignId) payload.campaignId = info.campaignId;
      this.publish(payload);
    });
  }

  private publish(payload: LiveJobEvent): void {
    this.bus.publish(topics.job(payload.jobId), payload);
    this.bus.publish(topics.allJobs, payload);
    if (payload.campaignId) this.bus.publish(topics.campaignJobs(payload.campaignId), payload);
    if (payload.type) this.bus.publish(topics.jobsOfType(payload.type), payload);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.listeners.map((l) => l.close()));
    for (const own of this.connections) own.disconnect();
  }
}
