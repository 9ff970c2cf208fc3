import type { EventBus } from '../ports/event-bus.port.js';
import type { JobEvent } from '../ports/job-queue.port.js';
import type { JobType } from '../job-data.js';
import { topics } from '../topics.js';

/** A job event as published live: with the job's kind and campaign when known. */
export interface LiveJobEvent extends JobEvent {
  type?: JobType;
  campaignId?: string;
}

/** A job event as one subscription delivers it. */
export interface DeliveredJobEvent extends LiveJobEvent {
  /** Events this subscription has dropped so far because its buffer was full (coalesced events are not counted). */
  dropped: number;
}

/** Which jobs a subscription follows; every given field must match. None: every job. */
export interface JobEventFilter {
  id?: string;
  campaignId?: string;
  type?: JobType;
}

export interface JobFeedOptions {
  /** Most events one subscription delivers per second. */
  maxEventsPerSecond: number;
  /** Following several jobs: at most one event per job per window, the latest. */
  jobWindowMs: number;
  /** Most events waiting for delivery per subscription; beyond it the oldest is dropped. */
  bufferEvents: number;
}

interface Pending {
  key: string;
  event: LiveJobEvent;
}

/**
 * Live events of the jobs a filter selects, coalesced and throttled so a
 * dashboard is never flooded: at most `maxEventsPerSecond`; when following
 * several jobs, at most one event per job per `jobWindowMs` (a newer event of
 * a job replaces its waiting one); one job's stream keeps each state change
 * and coalesces progress only. Reads its topic eagerly into a bounded buffer
 * (oldest dropped and counted), so a client that stops reading costs a fixed
 * amount of memory. `return()` ends it at once.
 */
export function jobUpdatesFeed(bus: EventBus, filter: JobEventFilter, options: JobFeedOptions): AsyncIterableIterator<DeliveredJobEvent> {
  return new JobUpdatesFeed(bus, filter, options).iterator();
}

/** The most specific topic that carries every event the filter selects. */
export function topicFor(filter: JobEventFilter): string {
  if (filter.id) return topics.job(filter.id);
  if (filter.campaignId) return topics.campaignJobs(filter.campaignId);
  if (filter.type) return topics.jobsOfType(filter.type);
  return topics.allJobs;
}

function matches(filter: JobEventFilter, event: LiveJobEvent): boolean {
  return (!filter.id || event.jobId === filter.id)
    && (!filter.campaignId || event.campaignId === filter.campaignId)
    && (!filter.type || event.type === filter.type);
}

class JobUpdatesFeed {
  private readonly pending = new Map<string, Pending>();
  /** Job id -> when its last event went out (multi-job feeds); holds at most rate x window entries. */
  private readonly sentAt = new Map<string, number>();
  private readonly source: AsyncIterableIterator<LiveJobEvent>;
  private readonly singleJob: boolean;
  private readonly spacingMs: number;
  private nextSendAt = 0;
  private dropped = 0;
  private sequence = 0;
  private done = false;
  private wake: (() => void) | undefined;

  constructor(bus: EventBus, private readonly filter: JobEventFilter, private readonly options: JobFeedOptions) {
    this.singleJob = Boolean(filter.id);
    this.spacingMs = 1000 / Math.max(options.maxEventsPerSecond, 0.001);
    this.source = bus.subscribe<LiveJobEvent>(topicFor(filter), { bufferSize: options.bufferEvents, onDrop: () => this.dropped++ });
    void this.pump();
  }

  iterator(): AsyncIterableIterator<DeliveredJobEvent> {
    const iterator: AsyncIterableIterator<DeliveredJobEvent> = {
      next: () => this.next(),
      return: () => this.end(),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  private async pump(): Promise<void> {
    for (;;) {
      const result = await this.source.next();
      if (result.done || this.done) break;
      if (matches(this.filter, result.value)) this.add(result.value);
    }
    this.done = true;
    this.signal();
  }

  private add(event: LiveJobEvent): void {
    const key = this.singleJob && event.event !== 'progress' ? `${event.jobId}#${this.sequence++}` : event.jobId;
    // Re-inserting moves the job behind those that have waited longer (and keeps one job's events in order).
    this.pending.delete(key);
    this.pending.set(key, { key, event });
    if (this.pending.size > this.options.bufferEvents) {
      this.pending.delete(this.pending.keys().next().value as string);
      this.dropped++;
    }
    this.signal();
  }

  private async next(): Promise<IteratorResult<DeliveredJobEvent>> {
    for (;;) {
      if (this.done && this.pending.size === 0) return { value: undefined, done: true };
      const now = Date.now();
      const ready = this.eligible(now);
      if (ready && now >= this.nextSendAt) {
        this.pending.delete(ready.key);
        this.nextSendAt = now + this.spacingMs;
        if (!this.singleJob) this.sentAt.set(ready.event.jobId, now);
        return { value: { ...ready.event, dropped: this.dropped }, done: false };
      }
      await this.sleep(ready ? this.nextSendAt - now : this.untilEligible(now));
    }
  }

  /** The first waiting event whose job is outside its window. */
  private eligible(now: number): Pending | undefined {
    if (this.singleJob) return this.pending.values().next().value;
    for (const [jobId, at] of this.sentAt) {
      if (now - at < this.options.jobWindowMs) break;
      this.sentAt.delete(jobId);
    }
    for (const entry of this.pending.values()) if (!this.sentAt.has(entry.event.jobId)) return entry;
    return undefined;
  }

  /** How long until a waiting event's job leaves its window (undefined: wait for a new event). */
  private untilEligible(now: number): number | undefined {
    if (this.pending.size === 0) return undefined;
    const oldest = this.sentAt.values().next().value;
    return oldest === undefined ? undefined : Math.max(oldest + this.options.jobWindowMs - now, 1);
  }

  private sleep(ms: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.signal(), ms);
      this.wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    });
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async end(): Promise<IteratorResult<DeliveredJobEvent>> {
    this.done = true;
    this.pending.clear();
    this.sentAt.clear();
    this.signal();
    await this.source.return?.();
    return { value: undefined, done: true };
  }
}
