import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryEventBus } from '../../src/events/memory-event-bus.js';
import { jobUpdatesFeed, type DeliveredJobEvent, type JobFeedOptions, type LiveJobEvent } from '../../src/domain/services/job-updates.feed.js';
import { campaignProgressSubscription } from '../../src/domain/services/campaign-progress.feed.js';
import type { CampaignService } from '../../src/domain/services/campaign.service.js';
import type { CampaignReports } from '../../src/domain/services/campaign-report.service.js';
import { topics } from '../../src/domain/topics.js';
import { waitUntil } from '../support/graphql-client.js';

const FAST: JobFeedOptions = { maxEventsPerSecond: 10_000, jobWindowMs: 60_000, bufferEvents: 1000 };

function event(jobId: string, kind: LiveJobEvent['event'], extra: Partial<LiveJobEvent> = {}): LiveJobEvent {
  const state = kind === 'completed' ? 'completed' : kind === 'failed' ? 'failed' : kind === 'added' ? 'waiting' : 'active';
  return { jobId, queue: 'scraping', event: kind, state, at: new Date(), type: 'product', campaignId: 'c1', ...extra };
}

/** Publishes an event on every topic the queue listener would. */
function publish(bus: MemoryEventBus, e: LiveJobEvent): void {
  bus.publish(topics.job(e.jobId), e);
  bus.publish(topics.allJobs, e);
  if (e.campaignId) bus.publish(topics.campaignJobs(e.campaignId), e);
  if (e.type) bus.publish(topics.jobsOfType(e.type), e);
}

/** Reads until nothing more arrives for `quietMs`. */
async function drain(feed: AsyncIterableIterator<DeliveredJobEvent>, quietMs = 300): Promise<DeliveredJobEvent[]> {
  const got: DeliveredJobEvent[] = [];
  for (;;) {
    const next = await Promise.race([feed.next(), new Promise<'quiet'>((r) => setTimeout(() => r('quiet'), quietMs))]);
    if (next === 'quiet' || next.done) return got;
    got.push(next.value);
  }
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('jobUpdated feed: coalescing and bounds', () => {
  it('delivers one event per job per window, the latest, to a subscription following many jobs', async () => {
    const bus = new MemoryEventBus();
    const feed = jobUpdatesFeed(bus, { campaignId: 'c1' }, FAST);
    for (const kind of ['added', 'active', 'progress', 'completed'] as const) {
      publish(bus, event('a', kind));
      publish(bus, event('b', kind));
      await tick();
    }
    const got = await drain(feed);
    assert.deepEqual(got.map((e) => `${e.jobId}:${e.event}`).sort(), ['a:completed', 'b:completed']);
    assert.ok(got.every((e) => e.dropped === 0));
    await feed.return!();
  });

  it('sends a job\'s newer event once its window has passed', async () => {
    const bus = new MemoryEventBus();
    const feed = jobUpdatesFeed(bus, {}, { ...FAST, jobWindowMs: 200 });
    publish(bus, event('a', 'active'));
    assert.equal((await feed.next()).value!.event, 'active');
    const sentAt = Date.now();
    publish(bus, event('a', 'completed'));
    assert.equal((await feed.next()).value!.event, 'completed');
    assert.ok(Date.now() - sentAt >= 150, 'the second event of a job waits for its window');
    await feed.return!();
  });

  it('keeps every state change of a single job and coalesces its progress', async () => {
    const bus = new MemoryEventBus();
    const feed = jobUpdatesFeed(bus, { id: 'a' }, FAST);
    publish(bus, event('a', 'active'));
    for (const progress of [10, 20, 30]) publish(bus, event('a', 'progress', { progress }));
    publish(bus, event('b', 'completed'));
    publish(bus, event('a', 'completed', { progress: 100 }));
    await tick();
    const got = await drain(feed);
    assert.deepEqual(got.map((e) => `${e.event}${e.progress ?? ''}`), ['active', 'progress30', 'completed100']);
    await feed.return!();
  });

  it('applies every filter given', async () => {
    const bus = new MemoryEventBus();
    const feed = jobUpdatesFeed(bus, { campaignId: 'c1', type: 'category_search' }, FAST);
    publish(bus, event('a', 'active', { type: 'product' }));
    publish(bus, event('b', 'active', { type: 'category_search' }));
    publish(bus, event('c', 'active', { type: 'category_search', campaignId: 'c2' }));
    await tick();
    assert.deepEqual((await drain(feed)).map((e) => e.jobId), ['b']);
    await feed.return!();
  });

  it('holds a bounded number of events for a flood of 5,000 and counts what it dropped', async () => {
    const bus = new MemoryEventBus();
    const feed = jobUpdatesFeed(bus, { type: 'product' }, { ...FAST, bufferEvents: 100 });
    for (let i = 0; i < 5000; i++) publish(bus, event(`job-${i}`, 'added'));
    const got = await drain(feed);
    // At most its buffer of unread bus events plus its buffer of coalesced ones.
    assert.ok(got.length <= 200, `delivered ${got.length}`);
    assert.ok(got.length > 0);
    assert.equal(got.length + got.at(-1)!.dropped, 5000, 'every event is either delivered or counted as dropped');
    assert.equal(new Set(got.map((e) => e.jobId)).size, got.length);
    assert.equal(got.at(-1)!.jobId, 'job-4999', 'the newest events are the ones kept');
    await feed.return!();
  });

  it('never delivers faster than its rate', async () => {
    const bus = new MemoryEventBus();
    const feed = jobUpdatesFeed(bus, {}, { ...FAST, maxEventsPerSecond: 10 });
    for (let i = 0; i < 50; i++) publish(bus, event(`job-${i}`, 'added'));
    const started = Date.now();
    let count = 0;
    while (count < 5) {
      await feed.next();
      count++;
    }
    assert.ok(Date.now() - started >= 350, 'five events at 10/s take at least 400 ms (first one immediate)');
    await feed.return!();
  });

  it('ends at once on return() while waiting, and leaves the bus', async () => {
    const bus = new MemoryEventBus();
    const feed = jobUpdatesFeed(bus, { campaignId: 'c1' }, FAST);
    const pending = feed.next();
    await feed.return!();
    assert.equal((await pending).done, true);
    await waitUntil(async () => bus.listenerCount(topics.campaignJobs('c1')) === 0, 5000, 'the feed to leave the bus');
  });
});

describe('campaignProgress feed', () => {
  it('stops reading the ledger as soon as the subscription ends, even while nothing changes', async () => {
    let reads = 0;
    const campaigns = { get: async (id: string) => ({ id }) } as unknown as CampaignService;
    const reports = { progress: async () => (reads++, { percent: 10, final: false, at: new Date() }) } as unknown as CampaignReports;
    const feed = campaignProgressSubscription('c1', campaigns, reports, { intervalMs: 20 });
    assert.equal((await feed.next()).value!.percent, 10);
    const pending = feed.next();
    await waitUntil(async () => reads >= 3, 5000, 'a few unchanged reads');
    await feed.return!();
    assert.equal((await pending).done, true);
    const after = reads;
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(reads <= after + 1, `reads went on after return(): ${after} -> ${reads}`);
  });
});
