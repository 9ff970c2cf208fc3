import type { Campaign, CampaignOptions, CampaignStatus } from '../entities/campaign.js';
import type { CampaignSchedule, ScheduleRun } from '../entities/campaign-schedule.js';
import { parseCronPattern, parseTimeZone } from '../cron-expression.js';
import { invalidInput, notFound, toTrawlError } from '../errors.js';
import { DEFAULT_SCRAPE_SETTINGS, JOB_DATA_VERSION, type JobPriority, type ScheduledCampaignJobData } from '../job-data.js';
import { normalizePage, type Page } from '../pagination.js';
import type { CampaignScheduler } from '../ports/campaign-scheduler.port.js';
import type { Logger } from '../ports/logger.port.js';
import type { Store } from '../ports/storage.port.js';
import { parseTargetUrl, siteOf, type TargetPolicy } from '../url.js';
import type { CampaignService, StartCampaignRequest } from './campaign.service.js';
import { scheduleOptions } from './schedule-options.validation.js';

export interface ScheduleCampaignRequest extends StartCampaignRequest {
  cron: string;
  /** IANA time zone (default UTC). */
  timezone?: string | null;
}

export interface CampaignScheduleServiceDeps {
  store: Store;
  scheduler: CampaignScheduler;
  /** Starts the campaigns (and validates their options). */
  campaigns: CampaignService;
  targetPolicy: TargetPolicy;
  /** Delay between requests when the request names none (the campaign default). */
  defaultRateLimitDelayMs: number;
  logger: Logger;
}

/** A schedule as clients see it: the stored record and when the queue will next fire it. */
export interface CampaignScheduleView extends CampaignSchedule {
  nextRunAt?: Date;
}

/** A campaign still working or waiting to resume: a new run of its schedule waits for it to end. */
const UNFINISHED: readonly CampaignStatus[] = ['PENDING', 'DISCOVERING', 'SCRAPING', 'PAUSED'];

/**
 * Recurring campaigns (products re-scraped on a cron pattern). The store holds
 * the schedules and their run history; the queue's job schedulers fire them
 * and are re-created from the store by `restore()` (after a Redis flush).
 * A run is skipped, with the reason recorded, while the schedule's previous
 * campaign is still unfinished.
 */
export class CampaignScheduleService {
  constructor(private readonly deps: CampaignScheduleServiceDeps) {}

  /** Validates the request (INVALID_INPUT naming the field), stores the schedule and creates its trigger. */
  async schedule(request: ScheduleCampaignRequest, field = 'input'): Promise<CampaignScheduleView> {
    const cron = parseCronPattern(request.cron ?? '', `${field}.cron`);
    const tz = parseTimeZone(request.timezone ?? 'UTC', `${field}.timezone`);
    const seed = parseTargetUrl(request.seedUrl, `${field}.seedUrl`, this.deps.targetPolicy);
    const options = scheduleOptions(request, field, this.deps.defaultRateLimitDelayMs);
    const schedule = await this.deps.store.schedules.create({ seedUrl: seed.href, site: siteOf(seed), options, cron, tz }, new Date());
    await this.deps.scheduler.upsert(schedule.id, { cron, tz }, jobDataOf(schedule));
    return this.withNextRun(schedule);
  }

  /** Disables a schedule and removes its trigger; the record and its history stay. */
  async unschedule(id: string): Promise<CampaignScheduleView> {
    const schedule = await this.deps.store.schedules.setEnabled(id, false, new Date());
    if (!schedule) throw notFound('Campaign schedule', id);
    await this.deps.scheduler.remove(id);
    return schedule;
  }

  async get(id: string): Promise<CampaignScheduleView | null> {
    const schedule = (await this.deps.store.schedules.getByIds([id]))[0];
    return schedule ? this.withNextRun(schedule) : null;
  }

  async list(filter: { enabled?: boolean }, first?: number | null, after?: string | null): Promise<Page<CampaignScheduleView>> {
    const page = await this.deps.store.schedules.list(filter, normalizePage(first, after));
    const next = await this.deps.scheduler.nextRuns(page.items.filter((s) => s.enabled).map((s) => s.id));
    return { ...page, items: page.items.map((s) => withNext(s, next.get(s.id))) };
  }

  /** Each schedule's most recent runs (at most `limit`, 1..100), newest first, in the order asked. */
  runsOf(scheduleIds: readonly string[], limit: number): Promise<ScheduleRun[][]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidInput('last', `last must be an integer from 1 to 100, got ${limit}`);
    return Promise.all(scheduleIds.map((id) => this.deps.store.schedules.runs(id, limit)));
  }

  /** Re-creates the trigger of every enabled schedule (idempotent; run at API start-up). Returns how many. */
  async restore(): Promise<number> {
    let after: string | undefined;
    let count = 0;
    for (;;) {
      const page = await this.deps.store.schedules.list({ enabled: true }, after ? { first: 200, after } : { first: 200 });
      for (const schedule of page.items) await this.deps.scheduler.upsert(schedule.id, { cron: schedule.cron, tz: schedule.tz }, jobDataOf(schedule));
      count += page.items.length;
      if (!page.hasNextPage) return count;
      after = page.cursors.at(-1);
    }
  }

  /**
   * One firing (`runKey`: the queue job's id, so a replayed firing does
   * nothing new): starts a campaign, or records why it did not.
   */
  async run(scheduleId: string, runKey: string, at: Date = new Date()): Promise<ScheduleRun> {
    const { store } = this.deps;
    const existing = (await store.schedules.runs(scheduleId, 50)).find((r) => r.runKey === runKey);
    if (existing) return existing;
    const schedule = (await store.schedules.getByIds([scheduleId]))[0];
    if (!schedule || !schedule.enabled) {
      await this.deps.scheduler.remove(scheduleId);
      const reason = schedule ? `schedule ${scheduleId} is disabled` : `schedule ${scheduleId} does not exist`;
      if (!schedule) return { id: '', scheduleId, runKey, at, outcome: 'SKIPPED', reason };
      return this.record({ scheduleId, runKey, at, outcome: 'SKIPPED', reason });
    }
    const previous = schedule.lastCampaignId ? await this.deps.campaigns.get(schedule.lastCampaignId) : null;
    if (previous && UNFINISHED.includes(previous.status)) {
      const reason = `previous campaign ${previous.id} is still ${previous.status.toLowerCase()}`;
      return this.record({ scheduleId, runKey, at, outcome: 'SKIPPED', reason, campaignId: previous.id });
    }
    let campaign: Campaign;
    try {
      campaign = await this.deps.campaigns.start({ seedUrl: schedule.seedUrl, ...requestOf(schedule.options) });
    } catch (error) {
      const failure = toTrawlError(error);
      this.deps.logger.warn({ scheduleId, code: failure.code, message: failure.message }, 'scheduled campaign did not start');
      return this.record({ scheduleId, runKey, at, outcome: 'FAILED', reason: `${failure.code}: ${failure.message}` });
    }
    return this.record({ scheduleId, runKey, at, outcome: 'STARTED', campaignId: campaign.id });
  }

  private async record(run: Omit<ScheduleRun, 'id'>): Promise<ScheduleRun> {
    return (await this.deps.store.schedules.recordRun(run)).run;
  }

  private async withNextRun(schedule: CampaignSchedule): Promise<CampaignScheduleView> {
    if (!schedule.enabled) return schedule;
    return withNext(schedule, (await this.deps.scheduler.nextRuns([schedule.id])).get(schedule.id));
  }
}

function withNext(schedule: CampaignSchedule, next: Date | undefined): CampaignScheduleView {
  return next ? { ...schedule, nextRunAt: next } : schedule;
}

/** Stored campaign options back into a start request. */
function requestOf(options: CampaignOptions): Omit<StartCampaignRequest, 'seedUrl'> {
  return { ...options, priority: options.priority as JobPriority };
}

/** The payload of each firing: small, naming the schedule only (its settings are read from the store when it fires). */
export function jobDataOf(schedule: CampaignSchedule): ScheduledCampaignJobData {
  return {
    v: JOB_DATA_VERSION, type: 'scheduled_campaign', jobId: `schedule-${schedule.id}`, targetUrl: schedule.seedUrl,
    createdAt: schedule.createdAt.toISOString(), priority: 'NORMAL', siteIntelligenceId: schedule.site, scheduleId: schedule.id,
    settings: { ...DEFAULT_SCRAPE_SETTINGS, rateLimitDelayMs: schedule.options.rateLimitDelayMs },
  };
}
