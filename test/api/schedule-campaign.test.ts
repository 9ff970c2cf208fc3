import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import { jobDataOf } from '../../src/domain/services/campaign-schedule.service.js';
import { BullmqCampaignScheduler } from '../../src/queue/bullmq-campaign-scheduler.js';
import { BullmqJobQueue } from '../../src/queue/bullmq-job-queue.js';
import { createRedis, whenReady } from '../../src/queue/redis-connection.js';
import { graphqlHttp, waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';

const SCHEDULE = `mutation S($input: ScheduleCampaignInput!) {
  scheduleCampaign(input: $input) { id seedUrl domain cron tz enabled nextRunAt lastRunAt lastCampaignId createdAt } }`;
const UNSCHEDULE = 'mutation U($id: ID!) { unscheduleCampaign(id: $id) { id enabled nextRunAt } }';
const LIST = `query L($enabled: Boolean) { campaignSchedules(enabled: $enabled, first: 100) { totalCount
  edges { node { id cron tz enabled nextRunAt lastRunAt lastCampaignId runs(last: 10) { outcome campaignId reason at } } } } }`;
const ONE = 'query O($id: ID!) { campaignSchedule(id: $id) { id enabled nextRunAt lastCampaignId runs(last: 50) { outcome campaignId reason } } }';
const PAUSE = 'mutation P($id: ID!) { pauseCampaign(id: $id) { id status } }';
const CANCEL = 'mutation C($id: ID!) { cancelCampaign(id: $id) { id status } }';

interface ScheduleNode {
  id: string; enabled: boolean; nextRunAt: string | null; lastCampaignId: string | null; cron: string; tz: string;
  runs: { outcome: string; campaignId: string | null; reason: string | null }[];
}

describe('scheduleCampaign: recurring campaigns', () => {
  let shop: DemoShop;
  const cleanups: (() => Promise<void>)[] = [];
  const later = { after: (fn: () => Promise<void>) => void cleanups.push(fn) };
  before(async () => {
    shop = await startDemoShop({ products: 40, productsPerPage: 8 });
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
    await shop.close();
  });

  it('schedules a campaign on a cron pattern in a time zone, with its next run, and lists it', async () => {
    const runtime = await startRuntime(later, { api: true, workers: false });
    const created = await graphqlHttp(runtime.apiUrl!, SCHEDULE, { input: { seedUrl: shop.url, cron: '0 3 * * *', timezone: 'Europe/Paris', maxProducts: 20, rateLimitDelayMs: 0 } });
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const schedule = created.data!.scheduleCampaign;
    assert.equal(schedule.cron, '0 3 * * *');
    assert.equal(schedule.tz, 'Europe/Paris');
    assert.equal(schedule.enabled, true);
    assert.equal(schedule.lastRunAt, null);
    const next = new Date(schedule.nextRunAt);
    assert.ok(next.getTime() > Date.now(), `next run ${schedule.nextRunAt} is in the future`);
    const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(next);
    assert.equal(paris, '03:00', 'the pattern is read in the schedule\'s time zone');

    const listed = await graphqlHttp<{ campaignSchedules: { totalCount: number; edges: { node: ScheduleNode }[] } }>(runtime.apiUrl!, LIST, { enabled: true });
    const node = listed.data!.campaignSchedules.edges.find((e) => e.node.id === schedule.id)?.node;
    assert.ok(node, 'the schedule is listed');
    assert.equal(node.nextRunAt, schedule.nextRunAt);
    assert.deepEqual(node.runs, []);
  });

  it('refuses a bad cron pattern or time zone, naming the field', async () => {
    const runtime = await startRuntime(later, { api: true, workers: false });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ cron: '0 3 * *' }, 'input.cron', /must have 5 fields/],
      [{ cron: '61 * * * *' }, 'input.cron', /minute field 61 is out of range 0-59/],
      [{ cron: '0 3 * * MON-FOO' }, 'input.cron', /day-of-week field "FOO"/],
      [{ cron: '*/0 * * * *' }, 'input.cron', /step "0"/],
      [{ cron: '0 3 * * *', timezone: 'Mars/Olympus' }, 'input.timezone', /not an IANA time zone/],
      [{ cron: '0 3 * * *', maxProducts: 0 }, 'input.maxProducts', /integer from 1/],
    ];
    for (const [fields, field, message] of cases) {
      const answer = await graphqlHttp(runtime.apiUrl!, SCHEDULE, { input: { seedUrl: shop.url, ...fields } });
      const error = answer.errors?.[0];
      assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(answer));
      assert.equal(error?.extensions?.field, field);
      assert.match(error?.message ?? '', message);
    }
    const listed = await graphqlHttp(runtime.apiUrl!, LIST, {});
    assert.equal(listed.data!.campaignSchedules.totalCount, 0, 'nothing was stored');
  });

  it('unschedules: no next run, the schedule and its history kept as disabled', async () => {
    const runtime = await startRuntime(later, { api: true, workers: false });
    const { id } = (await graphqlHttp(runtime.apiUrl!, SCHEDULE, { input: { seedUrl: shop.url, cron: '*/15 * * * *' } })).data!.scheduleCampaign;
    const removed = await graphqlHttp(runtime.apiUrl!, UNSCHEDULE, { id });
    assert.deepEqual(removed.data!.unscheduleCampaign, { id, enabled: false, nextRunAt: null });
    const one = await graphqlHttp(runtime.apiUrl!, ONE, { id });
    assert.equal(one.data!.campaignSchedule.enabled, false);
    const unknown = await graphqlHttp(runtime.apiUrl!, UNSCHEDULE, { id: '0190aaaa-0000-7000-8000-000000000000' });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(unknown));
  });

  it('re-creates the queue triggers from the store at start-up after Redis lost them', async () => {
    const config = testConfig();
    const first = await startRuntime(later, { api: true, workers: false }, config);
    const { id } = (await graphqlHttp(first.apiUrl!, SCHEDULE, { input: { seedUrl: shop.url, cron: '30 4 * * 1' } })).data!.scheduleCampaign;
    await first.close();
    const redis = createRedis(config.redisUrl!, 'producer');
    await whenReady(redis);
    const keys = await redis.keys(`${config.queuePrefix}:*`);
    assert.ok(keys.length > 0);
    await redis.del(...keys);
    await redis.quit();

    const second = await startRuntime(later, { api: true, workers: false }, config);
    const one = await graphqlHttp(second.apiUrl!, ONE, { id });
    assert.ok(one.data!.campaignSchedule.nextRunAt, 'the trigger is back');
    await second.close();
    const third = await startRuntime(later, { api: true, workers: false }, config);
    const connection = createRedis(config.redisUrl!, 'producer');
    const scheduler = new BullmqJobQueue({ connection, prefix: config.queuePrefix, logger: SILENT_LOGGER });
    cleanups.push(async () => {
      await scheduler.close();
      connection.disconnect();
    });
    assert.equal(await scheduler.queue('scraping').getJobSchedulersCount(), 1, 'restoring twice leaves one trigger');
    assert.ok((await graphqlHttp(third.apiUrl!, ONE, { id })).data!.campaignSchedule.nextRunAt);
  });

  it('starts a campaign per firing and skips firings while the previous campaign is unfinished, recording why', { timeout: 180_000 }, async () => {
    const config = testConfig({ workerConcurrency: 4 });
    const runtime: Runtime = await startRuntime(later, { api: true, workers: true }, config);
    const created = (await graphqlHttp(runtime.apiUrl!, SCHEDULE, { input: { seedUrl: shop.url, cron: '0 0 1 1 *', maxProducts: 5, rateLimitDelayMs: 1500 } })).data!.scheduleCampaign;
    // Fire every second instead of yearly: the same trigger, with a 6-field (seconds) pattern only the adapter accepts.
    const connection = createRedis(config.redisUrl!, 'producer');
    const jobs = new BullmqJobQueue({ connection, prefix: config.queuePrefix, logger: SILENT_LOGGER });
    cleanups.push(async () => {
      await jobs.close();
      connection.disconnect();
    });
    const store = (await runtime.store.schedules.getByIds([created.id]))[0]!;
    await new BullmqCampaignScheduler(jobs).upsert(created.id, { cron: '* * * * * *', tz: 'UTC' }, jobDataOf(store));

    const read = async () => (await graphqlHttp<{ campaignSchedule: ScheduleNode }>(runtime.apiUrl!, ONE, { id: created.id })).data!.campaignSchedule;
    const started = await waitUntil(async () => {
      const s = await read();
      return s.lastCampaignId ? s : undefined;
    }, 60_000, 'a first run that starts a campaign');
    const firstCampaign = started.lastCampaignId!;
    const paused = await graphqlHttp(runtime.apiUrl!, PAUSE, { id: firstCampaign });
    assert.equal(paused.errors, undefined, `the campaign (1.5 s between requests) is still running: ${JSON.stringify(paused.errors)}`);
    const skipped = await waitUntil(async () => {
      const s = await read();
      return s.runs.find((r) => r.outcome === 'SKIPPED') ? s : undefined;
    }, 60_000, 'a skipped run');
    const skip = skipped.runs.find((r) => r.outcome === 'SKIPPED')!;
    assert.equal(skip.campaignId, firstCampaign);
    assert.equal(skip.reason, `previous campaign ${firstCampaign} is still paused`);
    assert.equal(skipped.lastCampaignId, firstCampaign, 'a skipped run starts nothing');
    await graphqlHttp(runtime.apiUrl!, CANCEL, { id: firstCampaign });
    const restarted = await waitUntil(async () => {
      const s = await read();
      return s.lastCampaignId !== firstCampaign ? s : undefined;
    }, 60_000, 'a run after the campaign ended starts a new one');
    assert.equal(restarted.runs.filter((r) => r.outcome === 'STARTED').length >= 2, true);
    await graphqlHttp(runtime.apiUrl!, UNSCHEDULE, { id: created.id });
  });
});
