import { stmt } from './statements.js';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store, ProductScrapeWrite, ProductScrapeOutcome } from '../../domain/ports/storage.port.js';
import { TrawlError } from '../../domain/errors.js';
import { buildResultRecord, guardStore } from '../store-shared.js';
import { migrate } from './migrations.js';
import { GroupCommit, type Settled } from './group-commit.js';
import { SqliteCampaignRepository } from './sqlite-campaign.repository.js';
import { SqliteCategoryRepository } from './sqlite-category.repository.js';
import { SqliteJobRepository, SqliteJobResultRepository } from './sqlite-job.repository.js';
import { SqliteProductRepository } from './sqlite-product.repository.js';
import { SqliteSiteRepository } from './sqlite-site.repository.js';
import { SqliteLedgerRepository } from './sqlite-ledger.repository.js';
import { SqliteDeadLetterRepository } from './sqlite-dead-letter.repository.js';
import { SqliteScheduleRepository } from './sqlite-schedule.repository.js';

export interface SqliteStoreOptions {
  /** Path of the database file (`:memory:` for a private in-memory one). */
  file: string;
  busyTimeoutMs?: number;
  /** How long finished product jobs wait to be committed together (GroupCommit's windowMs). Default 10. */
  commitWindowMs?: number;
}

/** Long enough to gather the jobs a busy worker finishes meanwhile, short against a job's own time. */
const DEFAULT_COMMIT_WINDOW_MS = 10;

const OUTAGE_CODES = /^SQLITE_(BUSY|LOCKED|READONLY|IOERR|CANTOPEN|FULL|PROTOCOL|NOTADB|CORRUPT)/;

function isOutage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && OUTAGE_CODES.test(code)) || (error instanceof TypeError && /database connection is not open/.test(error.message));
}

/** The embedded default store: one SQLite file in WAL mode, migrated on open. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly products: SqliteProductRepository;
  readonly categories: SqliteCategoryRepository;
  readonly campaigns: SqliteCampaignRepository;
  readonly jobs: SqliteJobRepository;
  readonly results: SqliteJobResultRepository;
  readonly sites: SqliteSiteRepository;
  readonly ledger: SqliteLedgerRepository;
  readonly deadLetters: SqliteDeadLetterRepository;
  readonly schedules: SqliteScheduleRepository;
  private readonly db: Database.Database;
  private closed = false;
  /** Finished product jobs of this process, committed together (one transaction for all that finish within the commit window). */
  private readonly scrapes: GroupCommit<ProductScrapeWrite, ProductScrapeOutcome>;

  private constructor(db: Database.Database, commitWindowMs: number) {
    this.db = db;
    this.scrapes = new GroupCommit((writes) => this.commitScrapes(writes), { windowMs: commitWindowMs });
    this.products = guardStore(new SqliteProductRepository(db), this.kind, isOutage);
    this.categories = guardStore(new SqliteCategoryRepository(db), this.kind, isOutage);
    this.campaigns = guardStore(new SqliteCampaignRepository(db), this.kind, isOutage);
    this.jobs = guardStore(new SqliteJobRepository(db), this.kind, isOutage);
    this.results = guardStore(new SqliteJobResultRepository(db), this.kind, isOutage);
    this.sites = guardStore(new SqliteSiteRepository(db), this.kind, isOutage);
    this.ledger = guardStore(new SqliteLedgerRepository(db), this.kind, isOutage);
    this.deadLetters = guardStore(new SqliteDeadLetterRepository(db), this.kind, isOutage);
    this.schedules = guardStore(new SqliteScheduleRepository(db), this.kind, isOutage);
  }

  static open(options: SqliteStoreOptions): SqliteStore {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    let db: Database.Database;
    try {
      const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
      db = new Database(options.file, { timeout: busyTimeoutMs });
      // Several processes (API, workers) may open a fresh file at once: switching it to WAL needs a
      // moment of exclusive access, and SQLite answers BUSY at once rather than waiting for it.
      whileBusy(busyTimeoutMs, () => db.pragma('journal_mode = WAL'));
      db.pragma('synchronous = NORMAL');
      // Checkpoint every ~40 MB of WAL instead of 4 MB: a page that many product writes touch is copied back once, not ten times.
      db.pragma('wal_autocheckpoint = 10000');
      migrate(db);
    } catch (error) {
      throw new TrawlError('STORE_UNAVAILABLE', `Cannot open SQLite store ${options.file}: ${(error as Error).message}`, {}, { cause: error });
    }
    return guardStore(new SqliteStore(db, options.commitWindowMs ?? DEFAULT_COMMIT_WINDOW_MS), 'sqlite', isOutage);
  }

  /**
   * Stores a finished product job: category, product (with history), the
   * link between them, the campaign ledger, the job's result and status, all
   * or nothing. Writes finishing together share one transaction, each in its
   * own savepoint (see GroupCommit).
   */
  async recordProductScrape(write: ProductScrapeWrite): Promise<ProductScrapeOutcome> {
    if (this.closed) throw new TrawlError('STORE_UNAVAILABLE', 'sqlite store is closed');
    return this.scrapes.add(write);
  }

  private commitScrapes(writes: readonly ProductScrapeWrite[]): Settled<ProductScrapeOutcome>[] {
    const now = new Date();
    const one = this.db.transaction((write: ProductScrapeWrite) => this.recordScrapeSync(write, now));
    return this.db.transaction(() => writes.map((write): Settled<ProductScrapeOutcome> => {
      try {
        return { ok: true, value: one(write) };
      } catch (error) {
        return { ok: false, error };
      }
    })).immediate();
  }

  private recordScrapeSync(write: ProductScrapeWrite, now: Date): ProductScrapeOutcome {
    const category = write.category ? this.categories.upsertSync(write.category, now) : undefined;
    const { product, created, previous } = this.products.upsert(write.product, now);
    if (category) this.products.link(product.id, category.id, write.product.campaignId, now);
    if (write.campaignItem) this.ledger.completeProductSync(write.campaignItem.campaignId, write.campaignItem.productUrl, product.id, now);
    const result = buildResultRecord(write, product.id, category?.id, now);
    this.results.putSync(result);
    this.jobs.updateStatusSync(write.jobId, { status: 'COMPLETED', at: now });
    return { product, created, result, ...(category ? { category } : {}), ...(previous ? { previous } : {}) };
  }

  async ping(): Promise<void> {
    if (this.closed) throw new TrawlError('STORE_UNAVAILABLE', 'sqlite store is closed');
    stmt(this.db, 'SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.scrapes.flush();
    this.db.close();
  }
}

/** Runs `step` again (pausing a little) while SQLite answers BUSY, for up to `timeoutMs`. */
function whileBusy<T>(timeoutMs: number, step: () => T): T {
  const deadline = Date.now() + timeoutMs;
  for (let pauseMs = 5; ; pauseMs = Math.min(pauseMs * 2, 100)) {
    try {
      return step();
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs);
    }
  }
}
