import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { CLI, cliEnv, runCli, startCli } from './support/trawl-cli.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('trawl crawl in a terminal and against a remote API', () => {
  let shop: DemoShop;
  before(async () => {
    shop = await startDemoShop({ products: 24, productsPerPage: 8 });
  });
  after(async () => {
    await shop.close();
  });

  it('redraws one progress line with a bar in a terminal', { skip: hasScript ? false : 'util-linux `script` is not installed: no pseudo-terminal to run in' }, async () => {
    const env = cliEnv({ COLUMNS: '160' });
    const command = [process.execPath, CLI, 'crawl', shop.url, '--render', 'never'].map((part) => `'${part}'`).join(' ');
    const run = await startCli([], env, 'script', ['-qfec', command, '/dev/null']).exited;
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const redraws = run.stdout.split('\r\x1b[2K').length - 1;
    assert.ok(redraws >= 2, `redrawn line (carriage return + erase line):\n${JSON.stringify(run.stdout.slice(0, 500))}`);
    assert.match(run.stdout, /\[█+\] 100% finished \| categories \d+\/\d+ \| products \d+ ok/);
    assert.doesNotMatch(run.stdout, / progress: /, 'no log lines in a terminal');
    assert.match(run.stdout, /Status\s+COMPLETED/);
  });

  it('drives a remote trawl over GraphQL with --api and --key', async () => {
    const key = 'cli-test-key-0123456789';
    const runtime = await startRuntime({ after: () => undefined }, { api: true, workers: true }, testConfig({ apiKeys: [{ name: 'ops', key, role: 'write' }] }));
    try {
      const run = await runCli(['crawl', shop.url, '--api', runtime.apiUrl!, '--key', key, '--json', '--rate-limit-ms', '0', '--interval-ms', '300'], cliEnv());
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const summary = JSON.parse(run.stdout);
      assert.equal(summary.status, 'COMPLETED');
      const campaign = await runtime.services!.campaigns.get(summary.campaignId);
      const progress = await runtime.services!.reports.progress(campaign!);
      assert.equal(summary.products.scraped, progress.productsScraped);
      assert.equal(summary.categories.selected, progress.categoriesDiscovered);
      assert.match(run.stderr, / progress: 100% finished/);

      const refused = await runCli(['crawl', shop.url, '--api', runtime.apiUrl!, '--json'], cliEnv());
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /UNAUTHENTICATED|API key/i);
    } finally {
      await runtime.close();
    }
  });
});
