import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import { CampaignReports } from '../../src/domain/services/campaign-report.service.js';
import { waitUntil } from '../support/graphql-client.js';
import { cliEnv, openStoreOf, runCli, startCli } from './support/trawl-cli.js';

const NUMBER = (text: string, pattern: RegExp): number[] => {
  const match = pattern.exec(text);
  assert.ok(match, `${pattern} not in:\n${text}`);
  return match.slice(1).map(Number);
};

/** The stored campaign's progress, read from the data dir the CLI used. */
async function storedProgress(env: Record<string, string>, campaignId: string) {
  const store = await openStoreOf(env);
  try {
    const [campaign] = await store.campaigns.getByIds([campaignId]);
    assert.ok(campaign, `campaign ${campaignId} stored`);
    const reports = new CampaignReports(store);
    return { campaign, progress: await reports.progress(campaign), quality: await reports.quality(campaign) };
  } finally {
    await store.close();
  }
}

describe('trawl crawl', () => {
  let shop: DemoShop;
  before(async () => {
    shop = await startDemoShop({ products: 40, productsPerPage: 8 });
  });
  after(async () => {
    await shop.close();
  });

  it('outside a terminal prints periodic progress lines and a summary whose numbers equal the stored campaign, exiting 0', async () => {
    const env = cliEnv();
    const run = await runCli(['crawl', shop.url, '--interval-ms', '200', '--rate-limit-ms', '0'], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const progressLines = run.stdout.split('\n').filter((line) => / progress: \d+% /.test(line));
    assert.ok(progressLines.length >= 2, `periodic progress lines:\n${run.stdout}`);
    assert.match(progressLines.at(-1)!, /100% finished \| categories \d+\/\d+ \| products \d+ ok, 0 failed, \d+ skipped of \d+ \| [\d.]+\/min \| ETA done \| elapsed /);
    assert.doesNotMatch(run.stdout, /\x1b\[/, 'no ANSI codes outside a terminal');

    const [id] = /Campaign\s+(\S+)\s+http/.exec(run.stdout)!.slice(1);
    const { progress, quality } = await storedProgress(env, id!);
    assert.match(run.stdout, /Status\s+COMPLETED/);
    assert.deepEqual(NUMBER(run.stdout, /Categories\s+(\d+) selected, (\d+) scraped, (\d+) failed/),
      [progress.categoriesDiscovered, progress.categoriesScraped, progress.categoriesFailed]);
    assert.deepEqual(NUMBER(run.stdout, /Products\s+(\d+) discovered: (\d+) scraped, (\d+) failed, (\d+) skipped/),
      [progress.productsDiscovered, progress.productsScraped, progress.productsFailed, progress.productsSkipped]);
    assert.ok(progress.productsScraped > 0);
    assert.match(run.stdout, new RegExp(`Completeness\\s+${quality.productCompleteness} `));
    assert.match(run.stdout, new RegExp(`Duplicates\\s+${quality.duplicateProducts} `));
    assert.match(run.stdout, /Meets targets\s+yes/);
    assert.match(run.stdout, /Duration\s+\d/);
    assert.match(run.stdout, /Top errors: none/);
  });

  it('prints the summary as JSON with --json (progress on stderr), honouring --max-products', async () => {
    const env = cliEnv();
    const run = await runCli(['crawl', shop.url, '--json', '--max-products', '10', '--interval-ms', '500', '--render', 'never'], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const summary = JSON.parse(run.stdout);
    assert.equal(summary.status, 'COMPLETED');
    assert.match(run.stderr, / progress: 100% finished/);
    const { progress, quality } = await storedProgress(env, summary.campaignId);
    assert.deepEqual(summary.products, {
      discovered: progress.productsDiscovered, scraped: progress.productsScraped, failed: progress.productsFailed,
      skipped: progress.productsSkipped, queued: progress.productsQueued,
    });
    assert.ok(summary.products.scraped <= 10, JSON.stringify(summary.products));
    assert.ok(summary.skippedReasons.some((r: { reason: string }) => r.reason === 'maxProducts'), JSON.stringify(summary.skippedReasons));
    assert.deepEqual(summary.quality, JSON.parse(JSON.stringify(quality)));
    assert.deepEqual(summary.topErrors, []);
    assert.ok(summary.durationMs >= 0 && typeof summary.productsPerMinute === 'number');
  });

  it('cancels the campaign on the first Ctrl-C, prints the summary and exits 1', async () => {
    const env = cliEnv({ TRAWL_WORKER_CONCURRENCY: '1' });
    const big = await startDemoShop({ products: 300, productsPerPage: 8, seed: 7 });
    try {
      const cli = startCli(['crawl', big.url, '--interval-ms', '200', '--rate-limit-ms', '300'], env);
      await waitUntil(async () => / progress: \d+% (url discovery|product scraping)/.test(cli.output().stdout) || undefined, 120_000, 'campaign under way');
      cli.child.kill('SIGINT');
      const run = await cli.exited;
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /Cancelling campaign/);
      assert.match(run.stdout, /Status\s+CANCELLED/);
      const [id] = /Campaign\s+(\S+)\s+http/.exec(run.stdout)!.slice(1);
      assert.equal((await storedProgress(env, id!)).campaign.status, 'CANCELLED');
    } finally {
      await big.close();
    }
  });

  it('refuses bad usage with exit code 2 and a message naming the problem', async () => {
    const noUrl = await runCli(['crawl'], cliEnv());
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /trawl crawl needs a URL/);
    const unknown = await runCli(['crawl', shop.url, '--max-produtcs', '5', '--fast'], cliEnv());
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown options --max-produtcs, --fast/);
    const render = await runCli(['crawl', shop.url, '--render', 'sometimes'], cliEnv());
    assert.equal(render.code, 2);
    assert.match(render.stderr, /--render must be auto, never or always/);
    const negative = await runCli(['crawl', shop.url, '--max-products', '-3'], cliEnv());
    assert.equal(negative.code, 2);
    const keyAlone = await runCli(['crawl', shop.url, '--key', 'abcdefghijklmnop'], cliEnv());
    assert.equal(keyAlone.code, 2);
    assert.match(keyAlone.stderr, /--key goes with --api/);
  });

  it('exits 2 when the campaign input is refused, naming the field', async () => {
    const run = await runCli(['crawl', 'ftp://shop.invalid/', '--json'], cliEnv());
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /seedUrl/);
  });
});
