import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryEventBus } from '../../src/events/memory-event-bus.js';

describe('memory event bus', () => {
  it('delivers events published after subscribing, in order', async () => {
    const bus = new MemoryEventBus();
    const sub = bus.subscribe<number>('t');
    bus.publish('t', 1);
    bus.publish('t', 2);
    assert.deepEqual([(await sub.next()).value, (await sub.next()).value], [1, 2]);
    await sub.return!();
  });

  it('drops the oldest events for a slow consumer instead of growing without bound', async () => {
    const bus = new MemoryEventBus();
    const sub = bus.subscribe<number>('t', { bufferSize: 3 });
    for (let i = 0; i < 1000; i++) bus.publish('t', i);
    const got = [(await sub.next()).value, (await sub.next()).value, (await sub.next()).value];
    assert.deepEqual(got, [997, 998, 999]);
    await sub.return!();
  });

  it('forgets a topic once its last subscriber leaves, and ends subscriptions on close', async () => {
    const bus = new MemoryEventBus();
    const a = bus.subscribe('t');
    await a.return!();
    assert.equal(bus.listenerCount('t'), 0);
    const b = bus.subscribe('t');
    const pending = b.next();
    await bus.close();
    assert.equal((await pending).done, true);
    await bus.close();
  });
});
