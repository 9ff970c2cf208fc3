import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CampaignScheduleInput } from '../../src/domain/entities/campaign-schedule.js';
import type { Store } from '../../src/domain/ports/storage.port.js';
import { newId } from '../../src/domain/ids.js';
import { SITE } from '../support/fixtures.js';

function input(overrides: Partial<CampaignScheduleInput> = {}): CampaignScheduleInput {
  return {
    seedUrl: `https://${SITE}/`, site: SITE, cron: '0 3 * * *', tz: 'Europe/Paris',
    options: { priority: 'HIGH', rateLimitDelayMs: 250, renderJs: 'NEVER', maxProducts: 40, categoryTypes: ['PRODUCT'] }, ...overrides,
  };
}

/** The campaign-schedule repository's behaviour, shared by every storage adapter. */
export function defineScheduleContract(name: string, createStore: () => Promise<Store>): void {
  describe(`${name} campaign-schedule contract`, () => {
    let store: Store;
    before(async () => {
      store = await createStore();
    });
    after(async () => {
      await store?.close();
    });

    it('stores a schedule with its pattern, zone and campaign options, enabled and never run', async () => {
      const at = new Date('2026-03-01T10:00:00Z');
      const created = await store.schedules.create(input(), at);
      const [read] = await store.schedules.getByIds([created.id]);
      assert.deepEqual(read, created);
      assert.equal(created.cron, '0 3 * * *');
      assert.equal(created.tz, 'Europe/Paris');
      assert.equal(created.enabled, true);
      assert.deepEqual(created.options, input().options);
      assert.equal(created.createdAt.getTime(), at.getTime());
      assert.equal(created.lastRunAt, undefined);
      assert.equal(created.lastCampaignId, undefined);
    });

    it('answers null for an unknown id, in the order asked', async () => {
      const known = await store.schedules.create(input(), new Date());
      const found = await store.schedules.getByIds([newId(), known.id]);
      assert.equal(found[0], null);
      assert.equal(found[1]?.id, known.id);
    });

    it('lists schedules in creation order and filters on enabled', async () => {
      const a = await store.schedules.create(input({ cron: '*/5 * * * *' }), new Date());
      const b = await store.schedules.create(input({ cron: '*/10 * * * *' }), new Date());
      await store.schedules.setEnabled(a.id, false, new Date());
      const all = await store.schedules.list({}, { first: 500 });
      const ids = all.items.map((s) => s.id);
      assert.ok(ids.indexOf(a.id) < ids.indexOf(b.id));
      const enabled = await store.schedules.list({ enabled: true }, { first: 500 });
      assert.ok(enabled.items.some((s) => s.id === b.id));
      assert.ok(!enabled.items.some((s) => s.id === a.id));
      const disabled = await store.schedules.list({ enabled: false }, { first: 500 });
      assert.ok(disabled.items.some((s) => s.id === a.id && !s.enabled));
    });

    it('pages schedules with cursors', async () => {
      for (let i = 0; i < 3; i += 1) await store.schedules.create(input(), new Date());
      const first = await store.schedules.list({}, { first: 2 });
      assert.equal(first.items.length, 2);
      assert.equal(first.hasNextPage, true);
      const second = await store.schedules.list({}, { first: 2, after: first.cursors[1]! });
      assert.ok(!second.items.some((s) => first.items.some((f) => f.id === s.id)));
      assert.equal(first.totalCount, second.totalCount);
    });

    it('disables and re-enables a schedule, and answers null for an unknown one', async () => {
      const schedule = await store.schedules.create(input(), new Date());
      assert.equal((await store.schedules.setEnabled(schedule.id, false, new Date()))?.enabled, false);
      assert.equal((await store.schedules.setEnabled(schedule.id, true, new Date()))?.enabled, true);
      assert.equal(await store.schedules.setEnabled(newId(), false, new Date()), null);
    });

    it('records a started run and remembers its campaign as the last one', async () => {
      const schedule = await store.schedules.create(input(), new Date());
      const campaignId = newId();
      const at = new Date('2026-03-02T03:00:00Z');
      const { run, created } = await store.schedules.recordRun({ scheduleId: schedule.id, runKey: 'repeat:1', at, outcome: 'STARTED', campaignId });
      assert.equal(created, true);
      assert.equal(run.outcome, 'STARTED');
      assert.equal(run.campaignId, campaignId);
      const [after] = await store.schedules.getByIds([schedule.id]);
      assert.equal(after?.lastCampaignId, campaignId);
      assert.equal(after?.lastRunAt?.getTime(), at.getTime());
    });

    it('records a run key once: a replay returns the first run and changes nothing', async () => {
      const schedule = await store.schedules.create(input(), new Date());
      const first = await store.schedules.recordRun({ scheduleId: schedule.id, runKey: 'repeat:2', at: new Date(), outcome: 'STARTED', campaignId: 'c1' });
      const replay = await store.schedules.recordRun({ scheduleId: schedule.id, runKey: 'repeat:2', at: new Date(), outcome: 'STARTED', campaignId: 'c2' });
      assert.equal(replay.created, false);
      assert.equal(replay.run.id, first.run.id);
      assert.equal(replay.run.campaignId, 'c1');
      assert.equal((await store.schedules.runs(schedule.id, 10)).length, 1);
      assert.equal((await store.schedules.getByIds([schedule.id]))[0]?.lastCampaignId, 'c1');
    });

    it('keeps the last campaign when a later run is skipped, with the reason, newest run first', async () => {
      const schedule = await store.schedules.create(input(), new Date());
      await store.schedules.recordRun({ scheduleId: schedule.id, runKey: 'a', at: new Date('2026-03-02T03:00:00Z'), outcome: 'STARTED', campaignId: 'c1' });
      await store.schedules.recordRun({
        scheduleId: schedule.id, runKey: 'b', at: new Date('2026-03-03T03:00:00Z'), outcome: 'SKIPPED', campaignId: 'c1', reason: 'previous campaign c1 is still scraping',
      });
      await store.schedules.recordRun({ scheduleId: schedule.id, runKey: 'c', at: new Date('2026-03-04T03:00:00Z'), outcome: 'FAILED', reason: 'QUEUE_UNAVAILABLE: down' });
      const runs = await store.schedules.runs(schedule.id, 10);
      assert.deepEqual(runs.map((r) => r.runKey), ['c', 'b', 'a']);
      assert.equal(runs[1]?.reason, 'previous campaign c1 is still scraping');
      assert.equal(runs[0]?.campaignId, undefined);
      const [after] = await store.schedules.getByIds([schedule.id]);
      assert.equal(after?.lastCampaignId, 'c1');
      assert.equal(after?.lastRunAt?.toISOString(), '2026-03-04T03:00:00.000Z');
      assert.equal((await store.schedules.runs(schedule.id, 2)).length, 2);
    });
  });
}
