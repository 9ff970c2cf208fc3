import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';
import { collect, waitUntil, wsClient } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { topics } from '../../src/domain/topics.js';
import type { LiveJobEvent } from '../../src/domain/services/job-updates.feed.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const RATE = 20;
const BUFFER = 200;
const LIMITS = { subscriptionMaxEventsPerSecond: RATE, subscriptionJobWindowMs: 1000, subscriptionBufferEvents: BUFFER };

interface JobUpdated { jobUpdated: { jobId: string; event: string; dropped: number } }

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A graphql-ws client over a raw WebSocket, so the test can stop reading from the socket. */
async function rawSubscriber(apiUrl: string, query: string): Promise<{ socket: WebSocket; messages: () => number; lastDropped: () => number }> {
  const socket = new WebSocket(`${apiUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  let messages = 0;
  let lastDropped = 0;
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString()) as { type: string; payload?: { data?: JobUpdated } };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        resolve();
      }
      if (message.type === 'next') {
        messages++;
        lastDropped = message.payload?.data?.jobUpdated.dropped ?? lastDropped;
      }
    });
  });
  return { socket, messages: () => messages, lastDropped: () => lastDropped };
}

describe('jobUpdated under a flood', () => {
  it('gives a dashboard a bounded number of coalesced events while 3,000 jobs are enqueued', async (t) => {
    const runtime = await startRuntime(t, { api: true, workers: false }, testConfig(LIMITS));
    const client = wsClient(runtime.apiUrl!);
    const byType = collect<JobUpdated>(client, 'subscription { jobUpdated(type: PRODUCT) { jobId event dropped } }', {}, () => false, 600_000);
    const all = collect<JobUpdated>(client, 'subscription { jobUpdated { jobId event dropped } }', {}, () => false, 600_000);
    // The streams never finish by themselves; the client is disposed before the runtime closes.
    for (const stream of [byType, all]) stream.done.catch(() => undefined);
    await waitUntil(async () => runtime.events.local.listenerCount(topics.allJobs) > 0 && runtime.events.local.listenerCount(topics.jobsOfType('product')) > 0, 20_000, 'both subscriptions');

    const started = Date.now();
    const ids: string[] = [];
    for (let batch = 0; batch < 6; batch++) {
      const jobs = await runtime.jobs.enqueueMany(Array.from({ length: 500 }, (_, i) => ({ type: 'product' as const, url: `http://127.0.0.1:9/p/${batch}-${i}` })));
      ids.push(...jobs.map((j) => j.id));
    }
    const last = ids.at(-1)!;
    // Coalescing means the last job may never be delivered on its own; wait for deliveries to stop growing instead.
    await waitUntil(async () => byType.events.length >= RATE && all.events.length >= RATE, 120_000, 'events on both subscriptions');
    let seen = -1;
    await waitUntil(async () => {
      const now = byType.events.length + all.events.length;
      const quiet = now === seen;
      seen = now;
      if (!quiet) await new Promise((r) => setTimeout(r, 1500));
      return quiet;
    }, 300_000, 'deliveries to stop');
    const elapsedSeconds = (Date.now() - started) / 1000;
    await client.dispose();

    for (const stream of [byType, all]) {
      const events = stream.events.map((e) => e.jobUpdated);
      assert.ok(events.length <= RATE * elapsedSeconds + 1, `${events.length} events in ${elapsedSeconds} s exceed ${RATE}/s`);
      const perJob = new Map<string, number>();
      for (const e of events) perJob.set(e.jobId, (perJob.get(e.jobId) ?? 0) + 1);
      assert.ok([...perJob.values()].every((n) => n <= 2), 'a job\'s added and waiting events are coalesced');
      const dropped = events.at(-1)!.dropped;
      assert.ok(dropped > 0, 'a flood beyond the buffer is reported in `dropped`');
      assert.ok(events.length + dropped <= ids.length * 2, 'nothing is delivered that was not published');
    }
    assert.ok(ids.includes(last));
  });

  it('keeps server memory bounded for a client that stops reading during 200,000 events', async (t) => {
    const runtime = await startRuntime(t, { api: true, workers: false }, testConfig(LIMITS));
    const slow = await rawSubscriber(runtime.apiUrl!, 'subscription { jobUpdated { jobId event queue state at dropped } }');
    t.after(() => slow.socket.terminate());
    await waitUntil(async () => runtime.events.local.listenerCount(topics.allJobs) > 0, 20_000, 'the subscription');
    (slow.socket as unknown as { _socket: { pause: () => void } })._socket.pause();

    const before = heapUsed();
    const total = 200_000;
    const padding = 'x'.repeat(200);
    for (let i = 0; i < total; i++) {
      const event: LiveJobEvent = { jobId: `flood-${i}`, queue: 'scraping', event: 'added', state: 'waiting', at: new Date(), failedReason: padding };
      runtime.events.local.publish(topics.allJobs, event);
      if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
    }
    const grownBytes = heapUsed() - before;
    // Unbounded buffering would hold 200,000 events of ~400 bytes (~80 MB); the subscription holds at most 2 x its buffer.
    assert.ok(grownBytes < 25 * 1024 * 1024, `heap grew by ${Math.round(grownBytes / 1024 / 1024)} MB`);

    (slow.socket as unknown as { _socket: { resume: () => void } })._socket.resume();
    await waitUntil(async () => slow.messages() > 0 && slow.lastDropped() > 0, 60_000, 'the slow client to read again');
    assert.ok(slow.lastDropped() >= total - 2 * BUFFER - RATE * 60, `dropped ${slow.lastDropped()} of ${total}`);
  });
});
