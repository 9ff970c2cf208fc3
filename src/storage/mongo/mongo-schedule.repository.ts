import { Schema, type Connection, type Model, type QueryFilter } from 'mongoose';
import type { CampaignSchedule, CampaignScheduleInput, ScheduleRun } from '../../domain/entities/campaign-schedule.js';
import { newId } from '../../domain/ids.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import type { CampaignScheduleFilter, CampaignScheduleRepository } from '../../domain/ports/storage.port.js';
import { isDuplicateKeyError } from './mongo-errors.js';
import { byIds, defined, pageBy } from './mongo-paging.js';

export interface ScheduleDoc extends Omit<CampaignSchedule, 'id'> {
  _id: string;
}

export interface ScheduleRunDoc extends Omit<ScheduleRun, 'id'> {
  _id: string;
}

const OPTIONS = { versionKey: false, minimize: false, strict: true } as const;
const text = { type: String, required: true };

const scheduleSchema = new Schema<ScheduleDoc>({
  _id: text, seedUrl: text, site: text, options: { type: Schema.Types.Mixed, required: true }, cron: text, tz: text,
  enabled: { type: Boolean, required: true }, createdAt: { type: Date, required: true }, updatedAt: { type: Date, required: true },
  lastRunAt: Date, lastCampaignId: String,
}, OPTIONS);
scheduleSchema.index({ enabled: 1, _id: 1 });

const runSchema = new Schema<ScheduleRunDoc>({
  _id: text, scheduleId: text, runKey: text, at: { type: Date, required: true }, outcome: text, campaignId: String, reason: String,
}, OPTIONS);
runSchema.index({ scheduleId: 1, runKey: 1 }, { unique: true });
runSchema.index({ scheduleId: 1, at: -1 });

export interface ScheduleModels {
  schedules: Model<ScheduleDoc>;
  scheduleRuns: Model<ScheduleRunDoc>;
}

/** The connection's schedule models (compiled once per connection). */
export function scheduleModels(connection: Connection): ScheduleModels {
  return {
    schedules: (connection.models.CampaignSchedule as Model<ScheduleDoc> | undefined) ?? connection.model<ScheduleDoc>('CampaignSchedule', scheduleSchema, 'campaign_schedules'),
    scheduleRuns: (connection.models.ScheduleRun as Model<ScheduleRunDoc> | undefined) ?? connection.model<ScheduleRunDoc>('ScheduleRun', runSchema, 'schedule_runs'),
  };
}

/**
 * Campaign schedules on MongoDB. A run is one document unique per
 * (schedule, run key): the insert decides which of two replays records it,
 * and only the winner updates the schedule's last-run fields.
 */
export class MongoScheduleRepository implements CampaignScheduleRepository {
  constructor(private readonly models: ScheduleModels) {}

  async create(input: CampaignScheduleInput, at: Date): Promise<CampaignSchedule> {
    const doc: ScheduleDoc = { _id: newId(at.getTime()), ...input, enabled: true, createdAt: at, updatedAt: at };
    await this.models.schedules.create(doc);
    return fromDoc(doc);
  }

  getByIds(ids: readonly string[]): Promise<(CampaignSchedule | null)[]> {
    return byIds(this.models.schedules, ids, fromDoc);
  }

  list(filter: CampaignScheduleFilter, page: PageRequest): Promise<Page<CampaignSchedule>> {
    return pageBy(this.models.schedules, defined({ enabled: filter.enabled }) as QueryFilter<ScheduleDoc>, page, fromDoc);
  }

  async setEnabled(id: string, enabled: boolean, at: Date): Promise<CampaignSchedule | null> {
    const doc = await this.models.schedules.findOneAndUpdate({ _id: id }, { $set: { enabled, updatedAt: at } }, { returnDocument: 'after' }).lean<ScheduleDoc>();
    return doc ? fromDoc(doc) : null;
  }

  async recordRun(run: Omit<ScheduleRun, 'id'>): Promise<{ run: ScheduleRun; created: boolean }> {
    const doc = defined({ _id: newId(), ...run }) as ScheduleRunDoc;
    try {
      await this.models.scheduleRuns.create(doc);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.models.scheduleRuns.findOne({ scheduleId: run.scheduleId, runKey: run.runKey }).lean<ScheduleRunDoc>();
      return { run: runFromDoc(existing!), created: false };
    }
    const set: Partial<ScheduleDoc> = { lastRunAt: run.at, updatedAt: run.at };
    if (run.outcome === 'STARTED' && run.campaignId) set.lastCampaignId = run.campaignId;
    await this.models.schedules.updateOne({ _id: run.scheduleId }, { $set: set });
    return { run: runFromDoc(doc), created: true };
  }

  async runs(scheduleId: string, limit: number): Promise<ScheduleRun[]> {
    const docs = await this.models.scheduleRuns.find({ scheduleId }).sort({ at: -1, _id: -1 }).limit(limit).lean<ScheduleRunDoc[]>();
    return docs.map(runFromDoc);
  }
}

function fromDoc(doc: ScheduleDoc): CampaignSchedule {
  const { _id, ...rest } = doc;
  return defined({ id: _id, ...rest }) as CampaignSchedule;
}

function runFromDoc(doc: ScheduleRunDoc): ScheduleRun {
  const { _id, ...rest } = doc;
  return defined({ id: _id, ...rest }) as ScheduleRun;
}
