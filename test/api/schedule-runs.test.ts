import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseCronPattern, parseTimeZone } from '../../src/domain/cron-expression.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import { CampaignScheduleService } from '../../src/domain/services/campaign-schedule.service.js';
import { CampaignService } from '../../src/domain/services/campaign.service.js';
import { BullmqCampaignScheduler } from '../../src/queue/bullmq-campaign-scheduler.js';
import { BullmqJobQueue } from '../../src/queue/bullmq-job-queue.js';
import { createRedis, whenReady, type RedisClient } from '../../src/queue/redis-connection.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { tempDir, testRedisUrl, uniqueName } from '../support/env.js';

describe('cron patterns and time zones of schedules', () => {
  it('accepts standard 5-field patterns: lists, ranges, steps, names', () => {
    for (const pattern of ['* * * * *', '0 3 * * *', '*/15 0-6,22-23 * * MON-FRI', '30 4 1,15 JAN,jul *', '0 0 * * 7', '5-55/10 * 31 12 sun']) {
      assert.equal(parseCronPattern(pattern, 'input.cron'), pattern);
    }
    assert.equal(parseCronPattern('  0   3 * * *  ', 'input.cron'), '0 3 * * *', 'spacing is normalised');
  });

  it('refuses a pattern naming the field and the faulty part', () => {
    const cases: [string, RegExp][] = [
      ['', /must have 5 fields.*got 0/], ['* * * * * *', /got 6/], ['60 * * * *', /minute field 60 is out of range 0-59/],
      ['* 24 * * *', /hour field 24/], ['* * 0 * *', /day-of-month field 0/], ['* * * 13 *', /month field 13/], ['* * * * 8', /day-of-week field 8/],
      ['5-1 * * * *', /runs backwards/], ['*/x * * * *', /step "x"/], ['1,,2 * * * *', /empty list item/], ['@daily * * * *', /"@daily" is not a number/],
      ['* * * FOO *', /"FOO" is not a number or a name/],
    ];
    for (const [pattern, message] of cases) {
      assert.throws(() => parseCronPattern(pattern, 'input.cron'), (error: Error & { code?: string; details?: { field?: string } }) => {
        assert.equal(error.code, 'INVALID_INPUT');
        assert.equal(error.details?.field, 'input.cron');
        assert.match(error.message, message, pattern);
        return true;
      });
    }
  });

  it('accepts IANA zones and refuses others, naming the field', () => {
    assert.equal(parseTimeZone('Europe/Paris', 'input.timezone'), 'Europe/Paris');
    assert.equal(parseTimeZone('UTC', 'input.timezone'), 'UTC');
    for (const zone of ['', 'Mars/Olympus', 'GMT+25']) {
      assert.throws(() => parseTimeZone(zone, 'input.timezone'), /input\.timezone .* is not an IANA time zone/);
    }
  });
});

describe('a schedule firing', () => {
  let redis: RedisClient;
  let queue: BullmqJobQueue;
  let store: SqliteStore;
  let schedules: CampaignScheduleService;
  before(async () => {
    redis = createRedis(testRedisUrl(), 'producer');
    await whenReady(redis);
    queue = new BullmqJobQueue({ connection: redis, prefix: uniqueName('t'), logger: SILENT_LOGGER });
    await queue.start();
    store = SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') });
    const targetPolicy = { allowPrivateNetwork: true, allowedPrivateHosts: [] };
    const campaigns = new CampaignService({ store, queue, targetPolicy, defaults: { timeoutMs: 5_000, rateLimitDelayMs: 0 } });
    schedules = new CampaignScheduleService({ store, scheduler: new BullmqCampaignScheduler(queue), campaigns, targetPolicy, defaultRateLimitDelayMs: 0, logger: SILENT_LOGGER });
  });
  after(async () => {
    await queue.close();
    redis.disconnect();
    await store.close();
  });

  it('starts one campaign per firing: the same firing replayed starts nothing new', async () => {
    const schedule = await schedules.schedule({ seedUrl: 'http://127.0.0.1:9/', cron: '0 3 * * *', maxProducts: 7 });
    const first = await schedules.run(schedule.id, 'repeat:a');
    const replay = await schedules.run(schedule.id, 'repeat:a');
    assert.equal(first.outcome, 'STARTED');
    assert.deepEqual(replay, first);
    const all = await store.campaigns.list({}, { first: 100 });
    assert.equal(all.items.filter((c) => c.id === first.campaignId).length, 1);
    assert.equal(all.totalCount, 1);
    assert.equal(all.items[0]!.options.maxProducts, 7, 'the campaign carries the schedule\'s options');
  });

  it('skips while the last campaign is unfinished, then starts again once it has ended', async () => {
    const schedule = await schedules.schedule({ seedUrl: 'http://127.0.0.1:9/', cron: '0 3 * * *' });
    const first = await schedules.run(schedule.id, 'k1');
    const skipped = await schedules.run(schedule.id, 'k2');
    assert.equal(skipped.outcome, 'SKIPPED');
    assert.equal(skipped.reason, `previous campaign ${first.campaignId} is still pending`);
    await store.campaigns.transition(first.campaignId!, ['PENDING'], 'COMPLETED', new Date());
    const again = await schedules.run(schedule.id, 'k3');
    assert.equal(again.outcome, 'STARTED');
    assert.notEqual(again.campaignId, first.campaignId);
    const history = await schedules.runsOf([schedule.id], 10);
    assert.deepEqual(history[0]!.map((r) => r.outcome), ['STARTED', 'SKIPPED', 'STARTED']);
  });

  it('skips a disabled schedule and removes its trigger', async () => {
    const schedule = await schedules.schedule({ seedUrl: 'http://127.0.0.1:9/', cron: '0 3 * * *' });
    assert.ok(schedule.nextRunAt);
    await store.schedules.setEnabled(schedule.id, false, new Date());
    const run = await schedules.run(schedule.id, 'late');
    assert.equal(run.outcome, 'SKIPPED');
    assert.match(run.reason ?? '', /is disabled/);
    assert.equal(await queue.queue('scraping').getJobScheduler(schedule.id), undefined);
  });
});
