import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EventBus } from '../../src/domain/ports/event-bus.port.js';

/**
 * One bus as two processes see it: `publisher` and `subscriber` are the same
 * object for an in-process bus and two instances for a cross-process one.
 * `settle()` resolves once subscriptions made so far are live.
 */
export interface EventBusPair {
  publisher: EventBus;
  subscriber: EventBus;
  settle: () => Promise<void>;
  close: () => Promise<void>;
}

async function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The behaviour every EventBus adapter must have. */
export function defineEventBusContract(name: string, makePair: () => Promise<EventBusPair>): void {
  describe(`event bus contract: ${name}`, () => {
    it('delivers events published after subscribing, in order, with dates kept', async () => {
      const bus = await makePair();
      try {
        const sub = bus.subscriber.subscribe<{ n: number; at: Date }>('t');
        await bus.settle();
        const at = new Date('2026-01-02T03:04:05.678Z');
        bus.publisher.publish('t', { n: 1, at });
        bus.publisher.publish('t', { n: 2, at });
        const first = (await within(sub.next())).value;
        const second = (await within(sub.next())).value;
        assert.deepEqual([first.n, second.n], [1, 2]);
        assert.ok(first.at instanceof Date);
        assert.equal(first.at.toISOString(), at.toISOString());
        await sub.return!();
      } finally {
        await bus.close();
      }
    });

    it('delivers only the topic subscribed to, to every subscriber of it', async () => {
      const bus = await makePair();
      try {
        const a = bus.subscriber.subscribe<string>('a');
        const a2 = bus.subscriber.subscribe<string>('a');
        const b = bus.subscriber.subscribe<string>('b');
        await bus.settle();
        bus.publisher.publish('b', 'for b');
        bus.publisher.publish('a', 'for a');
        assert.equal((await within(a.next())).value, 'for a');
        assert.equal((await within(a2.next())).value, 'for a');
        assert.equal((await within(b.next())).value, 'for b');
        await Promise.all([a.return!(), a2.return!(), b.return!()]);
      } finally {
        await bus.close();
      }
    });

    it('drops the oldest events for a slow consumer, counting them, instead of growing without bound', async () => {
      const bus = await makePair();
      try {
        let dropped = 0;
        const sub = bus.subscriber.subscribe<number>('t', { bufferSize: 3, onDrop: () => dropped++ });
        const marker = bus.subscriber.subscribe<number>('t', { bufferSize: 2000 });
        await bus.settle();
        for (let i = 0; i < 1000; i++) bus.publisher.publish('t', i);
        for (let seen = -1; seen !== 999;) seen = (await within(marker.next())).value;
        const got = [(await sub.next()).value, (await sub.next()).value, (await sub.next()).value];
        assert.deepEqual(got, [997, 998, 999]);
        assert.equal(dropped, 997);
        await Promise.all([sub.return!(), marker.return!()]);
      } finally {
        await bus.close();
      }
    });

    it('ends a waiting subscription on return() and every subscription on close(), idempotently', async () => {
      const bus = await makePair();
      const a = bus.subscriber.subscribe('t');
      const pendingA = a.next();
      await a.return!();
      assert.equal((await within(pendingA)).done, true);
      const b = bus.subscriber.subscribe('t');
      const pendingB = b.next();
      await bus.close();
      assert.equal((await within(pendingB)).done, true);
      await bus.close();
    });
  });
}
