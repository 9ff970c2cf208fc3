import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GroupCommit, type GroupCommitOptions, type Settled } from '../../src/storage/sqlite/group-commit.js';

/** A group whose commit succeeds for every write (value = the write) and records each batch it was given. */
function recordingGroup(options: GroupCommitOptions = {}): { group: GroupCommit<number, number>; batches: number[][] } {
  const batches: number[][] = [];
  const group = new GroupCommit<number, number>((writes) => {
    batches.push([...writes]);
    return writes.map((w) => ({ ok: true, value: w }));
  }, options);
  return { group, batches };
}

describe('GroupCommit', () => {
  it('commits the writes of one event-loop turn together and settles each with its own outcome', async () => {
    const batches: number[][] = [];
    const group = new GroupCommit<number, number>((writes) => {
      batches.push([...writes]);
      return writes.map((w): Settled<number> => (w === 3 ? { ok: false, error: new Error('bad 3') } : { ok: true, value: w * 10 }));
    });
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map((w) => group.add(w)));
    assert.deepEqual(batches, [[1, 2, 3, 4]]);
    assert.deepEqual(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message)), [10, 20, 'bad 3', 40]);
    assert.equal(await group.add(5), 50);
    assert.deepEqual(batches.at(-1), [5], 'a later write is a batch of its own');
  });

  it('fails every write of the batch when the commit itself fails', async () => {
    const group = new GroupCommit<number, number>(() => {
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    });
    const outcomes = await Promise.allSettled([1, 2].map((w) => group.add(w)));
    assert.deepEqual(outcomes.map((o) => o.status), ['rejected', 'rejected']);
  });

  it('never lets a batch grow past maxBatch', async () => {
    const { group, batches } = recordingGroup({ maxBatch: 3 });
    await Promise.all(Array.from({ length: 7 }, (_, i) => group.add(i)));
    assert.deepEqual(batches.map((batch) => batch.length), [3, 3, 1]);
  });

  it('with a window, gathers writes that arrive in later event-loop turns into one batch', async () => {
    const { group, batches } = recordingGroup({ windowMs: 30 });
    const first = group.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = group.add(2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const third = group.add(3);
    assert.deepEqual(await Promise.all([first, second, third]), [1, 2, 3]);
    assert.deepEqual(batches, [[1, 2, 3]]);
  });

  it('commits a pending batch at once on flush, without waiting for the window', async () => {
    const { group, batches } = recordingGroup({ windowMs: 60_000 });
    const pending = group.add(7);
    group.flush();
    assert.equal(await pending, 7);
    assert.deepEqual(batches, [[7]]);
    group.flush();
    assert.deepEqual(batches, [[7]], 'an empty flush commits nothing');
  });
});
