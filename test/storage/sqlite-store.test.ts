import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { categoryInput, productWrite } from '../support/fixtures.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { defineStorageContract } from '../contracts/storage.contract.js';
import { tempDir } from '../support/env.js';
import { defineLedgerContract } from '../contracts/ledger.contract.js';
import { defineDeadLetterContract } from '../contracts/dead-letter.contract.js';
import { defineScheduleContract } from '../contracts/schedule.contract.js';

defineStorageContract('sqlite', async () => SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') }));

defineLedgerContract('sqlite', async () => SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') }));

defineDeadLetterContract('sqlite', async () => SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') }));

defineScheduleContract('sqlite', async () => SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') }));

describe('sqlite store group commit', () => {
  it('commits concurrent product writes together, and a write SQLite refuses fails alone', async () => {
    const store = SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') });
    try {
      const good = Array.from({ length: 30 }, (_, i) => productWrite(`group-${i}`, categoryInput(`group-${i % 3}`)));
      const broken = { ...productWrite('group-broken'), product: { ...productWrite('group-broken').product, title: null as unknown as string } };
      const outcomes = await Promise.allSettled([...good.slice(0, 15), broken, ...good.slice(15)].map((w) => store.recordProductScrape(w)));
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 30);
      assert.equal(outcomes[15]!.status, 'rejected');
      for (const write of good) assert.ok(await store.products.getByUrl(write.product.site, write.product.canonicalUrl));
      assert.equal(await store.products.getByUrl(broken.product.site, broken.product.canonicalUrl), null);
      assert.equal(await store.results.get(broken.jobId), null, 'nothing of the refused write is kept');
    } finally {
      await store.close();
    }
  });
});
