import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import type { AttemptError, JobResult, JobResultRecord, JobStatus, ScrapingJobRecord } from '../../domain/entities/scraping-job.js';
import type { ErrorCode } from '../../domain/errors.js';
import type { JobPriority, JobType } from '../../domain/job-data.js';
import type { JobRecordFilter, JobRecordRepository, JobResultRepository, JobStatusUpdate } from '../../domain/ports/storage.port.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import { defined, pageBy, toDate } from './paging.js';
import { likePattern } from '../../domain/catalog-query.js';

interface JobRow {
  id: string;
  type: string;
  queue: string;
  url: string;
  site: string;
  priority: string;
  status: string;
  campaign_id: string | null;
  category_url: string | null;
  attempts: number;
  error_code: string | null;
  failed_reason: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

function jobFromRow(row: JobRow): ScrapingJobRecord {
  return defined({
    id: row.id,
    type: row.type as JobType,
    queue: row.queue,
    url: row.url,
    site: row.site,
    priority: row.priority as JobPriority,
    status: row.status as JobStatus,
    campaignId: row.campaign_id ?? undefined,
    categoryUrl: row.category_url ?? undefined,
    attempts: row.attempts,
    errorCode: (row.error_code ?? undefined) as ErrorCode | undefined,
    failedReason: row.failed_reason ?? undefined,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    finishedAt: toDate(row.finished_at),
  }) as ScrapingJobRecord;
}

const FINAL: readonly JobStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

export class SqliteJobRepository implements JobRecordRepository {
  constructor(private readonly db: Database) {}

  async insertMany(records: readonly ScrapingJobRecord[]): Promise<void> {
    const insert = stmt(this.db, `INSERT OR IGNORE INTO scraping_jobs (id, type, queue, url, site, priority, status, campaign_id, category_url, attempts, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.db.transaction(() => {
      for (const r of records) {
        insert.run(r.id, r.type, r.queue, r.url, r.site, r.priority, r.status, r.campaignId ?? null, r.categoryUrl ?? null, r.attempts, r.createdAt.getTime(), r.updatedAt.getTime());
      }
    })();
  }

  async get(id: string): Promise<ScrapingJobRecord | null> {
    const row = stmt(this.db, 'SELECT * FROM scraping_jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? jobFromRow(row) : null;
  }

  async list(filter: JobRecordFilter, page: PageRequest): Promise<Page<ScrapingJobRecord>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]): void => {
      where.push(clause);
      params.push(...values);
    };
    if (filter.campaignId) add('t.campaign_id = ?', filter.campaignId);
    if (filter.status) add('t.status = ?', filter.status);
    if (filter.statuses) add(`t.status IN (${filter.statuses.map(() => '?').join(',')})`, ...filter.statuses);
    if (filter.type) add('t.type = ?', filter.type);
    if (filter.queue) add('t.queue = ?', filter.queue);
    if (filter.site) add('t.site = ?', filter.site);
    if (filter.errorCode) add('t.error_code = ?', filter.errorCode);
    if (filter.urlContains) add("t.url LIKE ? ESCAPE '\\'", likePattern(filter.urlContains));
    return pageBy(this.db, { from: 'scraping_jobs t', where, params }, page, jobFromRow);
  }

  async updateStatus(id: string, update: JobStatusUpdate): Promise<void> {
    this.updateStatusSync(id, update);
  }

  updateStatusSync(id: string, update: JobStatusUpdate): void {
    stmt(this.db, `UPDATE scraping_jobs SET status = @status, attempts = COALESCE(@attempts, attempts),
        error_code = COALESCE(@code, error_code), failed_reason = COALESCE(@reason, failed_reason),
        updated_at = @at, finished_at = CASE WHEN @final THEN @at ELSE finished_at END WHERE id = @id`)
      .run({
        id, status: update.status, attempts: update.attempts ?? null, code: update.error?.code ?? null,
        reason: update.error?.message ?? null, at: update.at.getTime(), final: FINAL.includes(update.status) ? 1 : 0,
      });
  }
}

interface ResultRow {
  job_id: string;
  type: string;
  url: string;
  status: string;
  result: string | null;
  errors: string;
  created_at: number;
}

export class SqliteJobResultRepository implements JobResultRepository {
  constructor(private readonly db: Database) {}

  async get(jobId: string): Promise<JobResultRecord | null> {
    const row = stmt(this.db, 'SELECT * FROM scraping_job_results WHERE job_id = ?').get(jobId) as ResultRow | undefined;
    if (!row) return null;
    const errors = (JSON.parse(row.errors) as (AttemptError & { at: string })[]).map((e) => ({ ...e, at: new Date(e.at) }));
    return defined({
      jobId: row.job_id,
      type: row.type as JobType,
      url: row.url,
      status: row.status as JobResultRecord['status'],
      result: row.result ? (JSON.parse(row.result) as JobResult) : undefined,
      errors,
      createdAt: new Date(row.created_at),
    }) as JobResultRecord;
  }

  async putFailure(record: JobResultRecord): Promise<void> {
    this.putSync(record);
  }

  async put(record: JobResultRecord): Promise<void> {
    this.putSync(record);
  }

  putSync(record: JobResultRecord): void {
    stmt(this.db, `INSERT INTO scraping_job_results (job_id, type, url, status, result, errors, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (job_id) DO UPDATE SET status = excluded.status, result = excluded.result, errors = excluded.errors`)
      .run(record.jobId, record.type, record.url, record.status, record.result ? JSON.stringify(record.result) : null,
        JSON.stringify(record.errors), record.createdAt.getTime());
  }
}
