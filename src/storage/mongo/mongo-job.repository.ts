import type { Model, UpdateQuery } from 'mongoose';
import type { AttemptError, JobResultRecord, JobStatus, ScrapingJobRecord } from '../../domain/entities/scraping-job.js';
import type { JobRecordFilter, JobRecordRepository, JobResultRepository, JobStatusUpdate } from '../../domain/ports/storage.port.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import { isDuplicateKeyError, retryOnDuplicateKey } from './mongo-errors.js';
import type { JobDoc, JobResultDoc } from './mongo-models.js';
import { defined, pageBy } from './mongo-paging.js';
import { literalRegex } from '../../domain/catalog-query.js';

function jobFromDoc(doc: JobDoc): ScrapingJobRecord {
  return defined({
    id: doc._id,
    type: doc.type,
    queue: doc.queue,
    url: doc.url,
    site: doc.site,
    priority: doc.priority,
    status: doc.status,
    campaignId: doc.campaignId,
    categoryUrl: doc.categoryUrl,
    attempts: doc.attempts,
    errorCode: doc.errorCode,
    failedReason: doc.failedReason,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    finishedAt: doc.finishedAt,
  }) as ScrapingJobRecord;
}

/** What a new job record stores: its metadata and initial status (outcome fields come from `updateStatus`). */
function jobDoc(record: ScrapingJobRecord): JobDoc {
  return defined({
    _id: record.id, type: record.type, queue: record.queue, url: record.url, site: record.site, priority: record.priority,
    status: record.status, campaignId: record.campaignId, categoryUrl: record.categoryUrl, attempts: record.attempts,
    createdAt: record.createdAt, updatedAt: record.updatedAt,
  });
}

const FINAL: readonly JobStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

export class MongoJobRepository implements JobRecordRepository {
  constructor(private readonly model: Model<JobDoc>) {}

  /**
   * Unordered, so one id that already exists does not stop the others; its
   * E11000 is the "left as it is". An invalid record fails the call rather
   * than being skipped silently.
   */
  async insertMany(records: readonly ScrapingJobRecord[]): Promise<void> {
    if (records.length === 0) return;
    try {
      await this.model.insertMany(records.map(jobDoc), { ordered: false, throwOnValidationError: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async get(id: string): Promise<ScrapingJobRecord | null> {
    const doc = await this.model.findById(id).lean<JobDoc>();
    return doc ? jobFromDoc(doc) : null;
  }

  async list(filter: JobRecordFilter, page: PageRequest): Promise<Page<ScrapingJobRecord>> {
    const query: Record<string, unknown> = {};
    if (filter.campaignId) query.campaignId = filter.campaignId;
    if (filter.status) query.status = filter.status;
    if (filter.statuses) query.status = filter.status ? { $in: filter.statuses.filter((s) => s === filter.status) } : { $in: [...filter.statuses] };
    if (filter.type) query.type = filter.type;
    if (filter.queue) query.queue = filter.queue;
    if (filter.site) query.site = filter.site;
    if (filter.errorCode) query.errorCode = filter.errorCode;
    if (filter.urlContains) query.url = { $regex: literalRegex(filter.urlContains), $options: 'i' };
    return pageBy(this.model, query, page, jobFromDoc);
  }

  /** Attempts and the last error are kept when the update has none; a final status stamps the finish time. */
  async updateStatus(id: string, update: JobStatusUpdate): Promise<void> {
    const set: Partial<JobDoc> = { status: update.status, updatedAt: update.at };
    if (update.attempts !== undefined) set.attempts = update.attempts;
    if (update.error) {
      set.errorCode = update.error.code;
      set.failedReason = update.error.message;
    }
    if (FINAL.includes(update.status)) set.finishedAt = update.at;
    await this.model.updateOne({ _id: id }, { $set: set });
  }
}

function attemptErrorFromDoc(error: AttemptError): AttemptError {
  return defined({
    attempt: error.attempt, code: error.code, message: error.message, httpStatus: error.httpStatus,
    url: error.url, durationMs: error.durationMs, stack: error.stack, at: error.at,
  });
}

export class MongoJobResultRepository implements JobResultRepository {
  constructor(private readonly model: Model<JobResultDoc>) {}

  async get(jobId: string): Promise<JobResultRecord | null> {
    const doc = await this.model.findById(jobId).lean<JobResultDoc>();
    if (!doc) return null;
    return defined({
      jobId: doc._id,
      type: doc.type,
      url: doc.url,
      status: doc.status,
      result: doc.result,
      errors: (doc.errors ?? []).map(attemptErrorFromDoc),
      createdAt: doc.createdAt,
    }) as JobResultRecord;
  }

  async putFailure(record: JobResultRecord): Promise<void> {
    await this.put(record);
  }

  /** Inserts the job's result, or replaces the status, result and errors of the one stored (type, URL and creation time stay). */
  async put(record: JobResultRecord): Promise<void> {
    const update: UpdateQuery<JobResultDoc> = {
      $set: record.result ? { status: record.status, result: record.result, errors: record.errors } : { status: record.status, errors: record.errors },
      $setOnInsert: { type: record.type, url: record.url, createdAt: record.createdAt },
    };
    if (!record.result) update.$unset = { result: '' };
    await retryOnDuplicateKey(() => this.model.updateOne({ _id: record.jobId }, update, { upsert: true }));
  }
}
