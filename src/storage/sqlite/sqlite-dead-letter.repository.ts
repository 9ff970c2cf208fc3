import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import type { DeadLetter, DeadLetterFilter, DeadLetterStatus, FailureBundle } from '../../domain/entities/dead-letter.js';
import type { AttemptError } from '../../domain/entities/scraping-job.js';
import type { ErrorCode } from '../../domain/errors.js';
import type { JobData, JobPriority } from '../../domain/job-data.js';
import { newId } from '../../domain/ids.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import type { DeadLetterRepository } from '../../domain/ports/storage.port.js';
import { defined, pageBy, toDate } from './paging.js';

interface DeadLetterRow {
  id: string;
  job_id: string;
  queue: string;
  type: string;
  priority: string | null;
  campaign_id: string | null;
  url: string | null;
  code: string;
  message: string;
  data: string | null;
  raw_data: string;
  attempts: string;
  bundle: string;
  status: string;
  retries: number;
  dead_at: number;
  retried_at: number | null;
}

/** Dead letters on SQLite: one row per job id, JSON columns for the payload, attempts and bundle. */
export class SqliteDeadLetterRepository implements DeadLetterRepository {
  constructor(private readonly db: Database) {}

  async put(letter: Omit<DeadLetter, 'id' | 'retries' | 'status' | 'retriedAt'>): Promise<DeadLetter> {
    const row = stmt(this.db, `INSERT INTO dead_letters (id, job_id, queue, type, priority, campaign_id, url, code, message, data, raw_data, attempts, bundle, status, dead_at)
      VALUES (@id, @jobId, @queue, @type, @priority, @campaignId, @url, @code, @message, @data, @rawData, @attempts, @bundle, 'DEAD', @deadAt)
      ON CONFLICT (job_id) DO UPDATE SET queue = excluded.queue, type = excluded.type, priority = excluded.priority, campaign_id = excluded.campaign_id,
        url = excluded.url, code = excluded.code, message = excluded.message, data = excluded.data, raw_data = excluded.raw_data,
        attempts = excluded.attempts, bundle = excluded.bundle, status = 'DEAD', dead_at = excluded.dead_at
      RETURNING *`).get({
      id: newId(), jobId: letter.jobId, queue: letter.queue, type: letter.type, priority: letter.priority ?? null, campaignId: letter.campaignId ?? null,
      url: letter.url ?? null, code: letter.code, message: letter.message, data: letter.data ? JSON.stringify(letter.data) : null, rawData: letter.rawData,
      attempts: JSON.stringify(letter.attempts), bundle: JSON.stringify(letter.bundle), deadAt: letter.deadAt.getTime(),
    }) as DeadLetterRow;
    return fromRow(row);
  }

  async get(id: string): Promise<DeadLetter | null> {
    const row = stmt(this.db, 'SELECT * FROM dead_letters WHERE id = ?').get(id) as DeadLetterRow | undefined;
    return row ? fromRow(row) : null;
  }

  async getByJobId(jobId: string): Promise<DeadLetter | null> {
    const row = stmt(this.db, 'SELECT * FROM dead_letters WHERE job_id = ?').get(jobId) as DeadLetterRow | undefined;
    return row ? fromRow(row) : null;
  }

  async list(filter: DeadLetterFilter, page: PageRequest): Promise<Page<DeadLetter>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      where.push(sql);
      params.push(value);
    };
    if (filter.campaignId) add('t.campaign_id = ?', filter.campaignId);
    if (filter.code) add('t.code = ?', filter.code);
    if (filter.type) add('t.type = ?', filter.type);
    if (filter.status) add('t.status = ?', filter.status);
    if (filter.since) add('t.dead_at >= ?', filter.since.getTime());
    return pageBy(this.db, { from: 'dead_letters t', where, params }, page, fromRow);
  }

  async markRetried(id: string, at: Date): Promise<DeadLetter | null> {
    const row = stmt(this.db, `UPDATE dead_letters SET status = 'RETRIED', retries = retries + 1, retried_at = ?
      WHERE id = ? AND status = 'DEAD' RETURNING *`).get(at.getTime(), id) as DeadLetterRow | undefined;
    return row ? fromRow(row) : null;
  }

  async remove(id: string): Promise<boolean> {
    return stmt(this.db, 'DELETE FROM dead_letters WHERE id = ?').run(id).changes > 0;
  }

  async purge(before: Date): Promise<number> {
    return stmt(this.db, 'DELETE FROM dead_letters WHERE dead_at < ?').run(before.getTime()).changes;
  }
}

function fromRow(row: DeadLetterRow): DeadLetter {
  const attempts = (JSON.parse(row.attempts) as (AttemptError & { at: string })[]).map((a) => ({ ...a, at: new Date(a.at) }));
  return defined({
    id: row.id, jobId: row.job_id, queue: row.queue, type: row.type, priority: (row.priority ?? undefined) as JobPriority | undefined,
    campaignId: row.campaign_id ?? undefined, url: row.url ?? undefined, code: row.code as ErrorCode, message: row.message,
    data: row.data ? (JSON.parse(row.data) as JobData) : undefined, rawData: row.raw_data, attempts, bundle: JSON.parse(row.bundle) as FailureBundle,
    status: row.status as DeadLetterStatus, retries: row.retries, deadAt: new Date(row.dead_at), retriedAt: toDate(row.retried_at),
  }) as DeadLetter;
}
