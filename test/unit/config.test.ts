import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { loadConfig, ConfigError, configTableMarkdown } from '../../src/config/load-config.js';

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    assert.equal(config.port, 4000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.store, 'sqlite');
    assert.equal(config.dataDir, './data');
    assert.equal(config.workerConcurrency, 4);
    assert.equal(config.redisUrl, undefined);
  });

  it('parses units and lists', () => {
    const config = loadConfig({ TRAWL_WORKER_CONCURRENCY: '8', TRAWL_ALLOWED_PRIVATE_HOSTS: 'a.local, b.local:81', TRAWL_ALLOW_PRIVATE_NETWORK: 'yes' });
    assert.equal(config.workerConcurrency, 8);
    assert.deepEqual(config.allowedPrivateHosts, ['a.local', 'b.local:81']);
    assert.equal(config.allowPrivateNetwork, true);
  });

  it('names every bad variable and what it allows', () => {
    assert.throws(() => loadConfig({ TRAWL_STORE: 'postgres', PORT: 'eighty', REDIS_URL: 'http://x', TRAWL_WORKER_CONCURRENCY: '0' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /TRAWL_STORE="postgres" is invalid: .*"sqlite"\|"mongo"/);
      assert.match(error.message, /PORT="eighty"/);
      assert.match(error.message, /REDIS_URL="http:\/\/x"/);
      assert.match(error.message, /TRAWL_WORKER_CONCURRENCY="0"/);
      return true;
    });
  });

  it('stops the process at start with the message and exit code 2', () => {
    const result = spawnSync(process.execPath, ['dist/src/cli/main.js', 'api'], { env: { ...process.env, TRAWL_STORE: 'postgres' }, encoding: 'utf8', timeout: 20_000 });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /TRAWL_STORE="postgres" is invalid/);
  });

  it('documents every variable in a Markdown table', () => {
    const table = configTableMarkdown();
    for (const name of ['PORT', 'HOST', 'REDIS_URL', 'TRAWL_STORE', 'MONGO_URL', 'TRAWL_DATA_DIR', 'TRAWL_WORKER_CONCURRENCY']) assert.match(table, new RegExp(`\\| \`${name}\` \\|`));
  });
});

describe('README', () => {
  it('documents the configuration exactly as the code defines it', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile('README.md', 'utf8');
    assert.ok(readme.includes(configTableMarkdown()), 'README configuration table is out of date: paste configTableMarkdown() output');
  });
});
