import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations.js';
import { tempDir } from '../support/env.js';

const STORE = fileURLToPath(new URL('../../src/storage/sqlite/sqlite-store.js', import.meta.url));

/** Opens the store at `file` in a process of its own, as `trawl api` and `trawl worker` do on one machine; resolves with its exit code and output. */
function openInProcess(file: string): Promise<{ code: number | null; output: string }> {
  const script = `const { SqliteStore } = await import(${JSON.stringify(STORE)});
    const store = SqliteStore.open({ file: ${JSON.stringify(file)} });
    await store.products.list({}, { first: 1 });
    await store.close();`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('opening one SQLite file from several processes at once', () => {
  it('lets every process open a fresh file while the others create and migrate it, and applies each migration once', async () => {
    for (let round = 0; round < 10; round++) {
      const file = join(tempDir('trawl-sqlite-open-'), 'trawl.sqlite');
      const results = await Promise.all(Array.from({ length: 6 }, () => openInProcess(file)));
      for (const { code, output } of results) assert.equal(code, 0, output);
      const db = new Database(file, { readonly: true });
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      db.close();
      assert.deepEqual(versions, MIGRATIONS.map((m) => m.version));
    }
  });
});
