import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop } from '../../src/demo-shop/index.js';
import { COMMAND_OPTIONS } from '../../src/cli/args.js';
import { tempDir } from '../support/env.js';
import { waitUntil } from '../support/graphql-client.js';
import { cliEnv, runCli, startCli } from './support/trawl-cli.js';

describe('trawl stats', () => {
  it('prints every queue with its counts as JSON, and after a crawl shows the completed jobs', async () => {
    const env = cliEnv();
    const shop = await startDemoShop({ products: 16, productsPerPage: 8 });
    try {
      const crawl = await runCli(['crawl', shop.url, '--json', '--render', 'never'], env);
      assert.equal(crawl.code, 0, crawl.stderr);
    } finally {
      await shop.close();
    }
    const run = await runCli(['stats', '--json'], env);
    assert.equal(run.code, 0, run.stderr);
    const stats = JSON.parse(run.stdout);
    assert.deepEqual(stats.queues.map((q: { name: string }) => q.name).sort(), ['scraping', 'scraping-urgent']);
    for (const queue of stats.queues) {
      for (const key of ['waiting', 'active', 'delayed', 'failed', 'completed']) assert.equal(typeof queue.counts[key], 'number', key);
      assert.equal(typeof queue.isPaused, 'boolean');
      assert.equal(typeof queue.processedPerMinute, 'number');
    }
    const completed = stats.queues.reduce((sum: number, q: { counts: { completed: number } }) => sum + q.counts.completed, 0);
    assert.ok(completed > 0, run.stdout);
    assert.deepEqual(stats.workers, [], 'the crawl process has ended: no live worker');

    const table = await runCli(['stats'], env);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /QUEUE\s+WAITING\s+ACTIVE\s+DELAYED\s+FAILED\s+COMPLETED\s+PAUSED\s+PROCESSED\/MIN/);
    assert.match(table.stdout, /scraping-urgent\s+0\s+0\s+0\s+0\s+0\s+no/);
    assert.match(table.stdout, /Workers: none alive/);
  });

  it('with --watch prints a fresh snapshot every second until interrupted, then exits 0', async () => {
    const cli = startCli(['stats', '--watch', '--json'], cliEnv());
    await waitUntil(async () => cli.output().stdout.split('\n').filter(Boolean).length >= 2 || undefined, 60_000, 'two snapshots');
    cli.child.kill('SIGINT');
    const run = await cli.exited;
    assert.equal(run.code, 0, run.stderr);
    const snapshots = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.ok(snapshots.length >= 2);
    assert.notEqual(snapshots[0].at, snapshots[1].at);
    assert.equal(snapshots[1].queues.length, 2);
  });

  it('without REDIS_URL and no private Redis in the data dir, says what to do and exits 1', async () => {
    const run = await runCli(['stats'], { ...cliEnv(), REDIS_URL: '', TRAWL_DATA_DIR: tempDir() });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /REDIS_URL is not set and no private Redis has run under/);
  });
});

describe('trawl --help', () => {
  it('lists every command, the environment pointer and examples', async () => {
    const run = await runCli(['--help']);
    assert.equal(run.code, 0);
    for (const command of Object.keys(COMMAND_OPTIONS)) assert.match(run.stdout, new RegExp(`^  ${command} `, 'm'), command);
    assert.match(run.stdout, /environment variables/);
    assert.match(run.stdout, /Examples:/);
    assert.equal((await runCli([])).stdout, run.stdout);
  });

  it('documents every option of every command in its own help', async () => {
    for (const [command, spec] of Object.entries(COMMAND_OPTIONS)) {
      if (command === 'help') continue;
      const run = await runCli([command, '--help']);
      assert.equal(run.code, 0, command);
      for (const option of [...spec.values, ...spec.switches]) assert.match(run.stdout, new RegExp(`--${option}\\b`), `${command} --${option}`);
      assert.equal((await runCli(['help', command])).stdout, run.stdout);
    }
  });

  it('rejects an unknown option or command with exit code 2, naming it', async () => {
    const option = await runCli(['stats', '--wacth']);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /trawl stats: unknown option --wacth/);
    const command = await runCli(['crawlx']);
    assert.equal(command.code, 2);
    assert.match(command.stderr, /Unknown command "crawlx"/);
  });
});
