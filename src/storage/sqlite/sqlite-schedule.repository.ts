import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import type { CampaignSchedule, CampaignScheduleInput, ScheduleRun, ScheduleRunOutcome } from '../../domain/entities/campaign-schedule.js';
import { newId } from '../../domain/ids.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import type { CampaignScheduleFilter, CampaignScheduleRepository } from '../../domain/ports/storage.port.js';
import { byIds, defined, pageBy, toDate } from './paging.js';

interface ScheduleRow {
  id: string;
  seed_url: string;
  site: string;
  options: string;
  cron: string;
  tz: string;
  enabled: number;
  created_at: number;
  updated_at: number;
  last_run_at: number | null;
  last_campaign_id: string | null;
}

interface RunRow {
  id: string;
  schedule_id: string;
  run_key: string;
  at: number;
  outcome: string;
  campaign_id: string | null;
  reason: string | null;
}

/** Campaign schedules on SQLite; runs are unique per (schedule, run key), recorded with the schedule's last-run fields in one transaction. */
export class SqliteScheduleRepository implements CampaignScheduleRepository {
  constructor(private readonly db: Database) {}

  async create(input: CampaignScheduleInput, at: Date): Promise<CampaignSchedule> {
    const row = stmt(this.db, `INSERT INTO campaign_schedules (id, seed_url, site, options, cron, tz, enabled, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING *`)
      .get(newId(at.getTime()), input.seedUrl, input.site, JSON.stringify(input.options), input.cron, input.tz, at.getTime(), at.getTime()) as ScheduleRow;
    return fromRow(row);
  }

  async getByIds(ids: readonly string[]): Promise<(CampaignSchedule | null)[]> {
    return byIds(this.db, 'campaign_schedules', ids, fromRow);
  }

  async list(filter: CampaignScheduleFilter, page: PageRequest): Promise<Page<CampaignSchedule>> {
    const enabled = filter.enabled === undefined ? [] : [filter.enabled ? 1 : 0];
    return pageBy(this.db, { from: 'campaign_schedules t', where: enabled.length > 0 ? ['t.enabled = ?'] : [], params: enabled }, page, fromRow);
  }

  async setEnabled(id: string, enabled: boolean, at: Date): Promise<CampaignSchedule | null> {
    const row = stmt(this.db, 'UPDATE campaign_schedules SET enabled = ?, updated_at = ? WHERE id = ? RETURNING *').get(enabled ? 1 : 0, at.getTime(), id) as ScheduleRow | undefined;
    return row ? fromRow(row) : null;
  }

  async recordRun(run: Omit<ScheduleRun, 'id'>): Promise<{ run: ScheduleRun; created: boolean }> {
    return this.db.transaction(() => {
      const inserted = stmt(this.db, `INSERT INTO schedule_runs (id, schedule_id, run_key, at, outcome, campaign_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (schedule_id, run_key) DO NOTHING RETURNING *`)
        .get(newId(), run.scheduleId, run.runKey, run.at.getTime(), run.outcome, run.campaignId ?? null, run.reason ?? null) as RunRow | undefined;
      if (!inserted) {
        const existing = stmt(this.db, 'SELECT * FROM schedule_runs WHERE schedule_id = ? AND run_key = ?').get(run.scheduleId, run.runKey) as RunRow;
        return { run: runFromRow(existing), created: false };
      }
      const started = run.outcome === 'STARTED' ? run.campaignId ?? null : null;
      stmt(this.db, `UPDATE campaign_schedules SET last_run_at = ?, last_campaign_id = COALESCE(?, last_campaign_id), updated_at = ? WHERE id = ?`)
        .run(run.at.getTime(), started, run.at.getTime(), run.scheduleId);
      return { run: runFromRow(inserted), created: true };
    }).immediate();
  }

  async runs(scheduleId: string, limit: number): Promise<ScheduleRun[]> {
    const rows = stmt(this.db, 'SELECT * FROM schedule_runs WHERE schedule_id = ? ORDER BY at DESC, id DESC LIMIT ?').all(scheduleId, limit) as RunRow[];
    return rows.map(runFromRow);
  }
}

function fromRow(row: ScheduleRow): CampaignSchedule {
  return defined({
    id: row.id, seedUrl: row.seed_url, site: row.site, options: JSON.parse(row.options) as CampaignSchedule['options'], cron: row.cron, tz: row.tz,
    enabled: row.enabled === 1, createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at),
    lastRunAt: toDate(row.last_run_at), lastCampaignId: row.last_campaign_id ?? undefined,
  }) as CampaignSchedule;
}

function runFromRow(row: RunRow): ScheduleRun {
  return defined({
    id: row.id, scheduleId: row.schedule_id, runKey: row.run_key, at: new Date(row.at), outcome: row.outcome as ScheduleRunOutcome,
    campaignId: row.campaign_id ?? undefined, reason: row.reason ?? undefined,
  }) as ScheduleRun;
}
