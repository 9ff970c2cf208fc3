import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { MongoStore } from '../../src/storage/mongo/mongo-store.js';
import { resilientStore } from '../../src/storage/resilient-store.js';
import { revivePendingWrite } from '../../src/domain/services/product-save.js';
import { isTrawlError } from '../../src/domain/errors.js';
import type { Store } from '../../src/domain/ports/storage.port.js';
import { freePort, stopProcess, waitFor } from '../../src/bootstrap/child-process.js';
import { FERRETDB_BINARY } from '../support/ferretdb.js';
import { tempDir, uniqueName } from '../support/env.js';
import { categoryInput, productWrite } from '../support/fixtures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function assertStoreUnavailable(error: unknown): true {
  assert.ok(isTrawlError(error), `not a TrawlError: ${String(error)}`);
  assert.equal(error.code, 'STORE_UNAVAILABLE');
  assert.equal(error.retryable, true);
  return true;
}

/** Counts what one write leaves behind: products with the URL, their links, the job's result. */
async function footprint(store: Store, canonicalUrl: string, jobId: string) {
  const product = await store.products.getByUrl('shop.example', canonicalUrl);
  const links = product ? (await store.products.categoryIdsOf([product.id])).get(product.id) ?? [] : [];
  const listed = await store.products.list({}, { first: 100 });
  return { products: listed.items.filter((p) => p.canonicalUrl === canonicalUrl).length, links: links.length, result: (await store.results.get(jobId))?.status ?? null };
}

describe('store outages: SQLite locked or unopenable', () => {
  const open = () => {
    const file = join(tempDir(), 'trawl.sqlite');
    return { file, store: SqliteStore.open({ file, busyTimeoutMs: 50 }) };
  };

  it('fails a write with the retryable STORE_UNAVAILABLE while another connection holds the lock, leaving nothing half-written', async () => {
    const { file, store } = open();
    const lock = new Database(file);
    lock.exec('BEGIN EXCLUSIVE');
    const write = productWrite('boot', categoryInput('shoes'));
    await assert.rejects(store.recordProductScrape(write), assertStoreUnavailable);
    lock.exec('COMMIT');
    lock.close();
    assert.deepEqual(await footprint(store, write.product.canonicalUrl, write.jobId), { products: 0, links: 0, result: null });
    await store.close();
  });

  it('fails a write with STORE_UNAVAILABLE while the database is read-only, leaving nothing half-written, and stores it once writable again', async () => {
    const { store } = open();
    // The connection itself refuses writes (SQLITE_READONLY), as a read-only file or mount would; root ignores file modes, so the test uses the pragma.
    const db = (store as unknown as { db: Database.Database }).db;
    db.pragma('query_only = ON');
    const write = productWrite('boot', categoryInput('shoes'));
    await assert.rejects(store.recordProductScrape(write), assertStoreUnavailable);
    db.pragma('query_only = OFF');
    assert.deepEqual(await footprint(store, write.product.canonicalUrl, write.jobId), { products: 0, links: 0, result: null });
    assert.equal((await store.recordProductScrape(write)).created, true);
    assert.deepEqual(await footprint(store, write.product.canonicalUrl, write.jobId), { products: 1, links: 1, result: 'SUCCEEDED' });
    await store.close();
  });

  it('retries through a short lock and then stores the product once; replaying the write changes nothing', async () => {
    const { file, store: adapter } = open();
    const store = resilientStore(adapter, { retryMs: 10_000, firstDelayMs: 50 });
    const lock = new Database(file);
    lock.exec('BEGIN EXCLUSIVE');
    const released = sleep(600).then(() => {
      lock.exec('COMMIT');
      lock.close();
    });
    const write = productWrite('boot', categoryInput('shoes'));
    const outcome = await store.recordProductScrape(write);
    await released;
    assert.equal(outcome.created, true);
    await store.recordProductScrape(write);
    assert.deepEqual(await footprint(store, write.product.canonicalUrl, write.jobId), { products: 1, links: 1, result: 'SUCCEEDED' });
    await store.close();
  });

  it('gives up after its retry budget with STORE_UNAVAILABLE, so the job attempt fails retryably', async () => {
    const { file, store: adapter } = open();
    const store = resilientStore(adapter, { retryMs: 300, firstDelayMs: 50 });
    const lock = new Database(file);
    lock.exec('BEGIN EXCLUSIVE');
    await assert.rejects(store.recordProductScrape(productWrite('boot')), assertStoreUnavailable);
    lock.exec('COMMIT');
    lock.close();
    await store.close();
  });

  it('refuses a database file it cannot open (SQLITE_CANTOPEN) as STORE_UNAVAILABLE', () => {
    assert.throws(() => SqliteStore.open({ file: tempDir() }), assertStoreUnavailable);
  });

  it('reads back a product kept in job data exactly as it was extracted (dates included)', () => {
    const write = productWrite('boot', categoryInput('shoes'));
    const kept = JSON.parse(JSON.stringify(write)) as unknown;
    assert.deepEqual(revivePendingWrite(kept, write.jobId), write);
    assert.equal(revivePendingWrite(kept, 'another-job'), undefined);
    assert.equal(revivePendingWrite({ jobId: write.jobId }, write.jobId), undefined);
  });
});

/** FerretDB on a fixed port that the test stops and starts again (same data). */
async function ferret(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(FERRETDB_BINARY, [`--listen-addr=127.0.0.1:${port}`, `--sqlite-dir=${dir}`], { stdio: 'ignore' });
  const { connect } = await import('node:net');
  await waitFor(() => new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  }), 20_000, `FerretDB on ${port}`);
  return child;
}

describe('store outages: MongoDB unreachable', () => {
  it('fails writes with the retryable STORE_UNAVAILABLE while the server is down and stores the product once when it is back', async () => {
    const dir = tempDir();
    const port = await freePort();
    let server = await ferret(dir, port);
    const adapter = await MongoStore.connect({ url: `mongodb://127.0.0.1:${port}/${uniqueName('outage')}`, serverSelectionTimeoutMs: 1000 });
    try {
      const write = productWrite('boot', categoryInput('shoes'));
      await stopProcess(server, 5000);
      await assert.rejects(adapter.recordProductScrape(write), assertStoreUnavailable);
      await assert.rejects(adapter.ping(), assertStoreUnavailable);
      const store = resilientStore(adapter, { retryMs: 60_000, firstDelayMs: 200 });
      const saved = store.recordProductScrape(write);
      await sleep(500);
      server = await ferret(dir, port);
      await saved;
      await store.recordProductScrape(write);
      assert.deepEqual(await footprint(store, write.product.canonicalUrl, write.jobId), { products: 1, links: 1, result: 'SUCCEEDED' });
    } finally {
      await adapter.close();
      await stopProcess(server, 5000);
    }
  });
});
