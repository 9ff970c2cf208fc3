import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import type { Campaign, CampaignCounters, CampaignInput, CampaignOptions, CampaignStatus } from '../../domain/entities/campaign.js';
import type { CampaignFilter, CampaignRepository } from '../../domain/ports/storage.port.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import { newId } from '../../domain/ids.js';
import { byIds, defined, pageBy, toDate } from './paging.js';

interface CampaignRow {
  id: string;
  seed_url: string;
  site: string;
  status: string;
  options: string;
  categories_discovered: number;
  categories_scraped: number;
  products_discovered: number;
  products_queued: number;
  products_scraped: number;
  products_failed: number;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
  failed_reason: string | null;
}

/** Counter name -> column. The only columns `incrementCounters` may touch. */
const COUNTER_COLUMNS: Record<keyof CampaignCounters, string> = {
  categoriesDiscovered: 'categories_discovered',
  categoriesScraped: 'categories_scraped',
  productsDiscovered: 'products_discovered',
  productsQueued: 'products_queued',
  productsScraped: 'products_scraped',
  productsFailed: 'products_failed',
};

const TERMINAL: readonly CampaignStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

function campaignFromRow(row: CampaignRow): Campaign {
  return defined({
    id: row.id,
    seedUrl: row.seed_url,
    site: row.site,
    status: row.status as CampaignStatus,
    options: JSON.parse(row.options) as CampaignOptions,
    counters: {
      categoriesDiscovered: row.categories_discovered,
      categoriesScraped: row.categories_scraped,
      productsDiscovered: row.products_discovered,
      productsQueued: row.products_queued,
      productsScraped: row.products_scraped,
      productsFailed: row.products_failed,
    },
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    startedAt: toDate(row.started_at),
    finishedAt: toDate(row.finished_at),
    failedReason: row.failed_reason ?? undefined,
  }) as Campaign;
}

export class SqliteCampaignRepository implements CampaignRepository {
  constructor(private readonly db: Database) {}

  async create(input: CampaignInput): Promise<Campaign> {
    const now = Date.now();
    const row = stmt(this.db, `INSERT INTO campaigns (id, seed_url, site, status, options, created_at, updated_at)
      VALUES (?, ?, ?, 'PENDING', ?, ?, ?) RETURNING *`).get(newId(now), input.seedUrl, input.site, JSON.stringify(input.options), now, now) as CampaignRow;
    return campaignFromRow(row);
  }

  async getByIds(ids: readonly string[]): Promise<(Campaign | null)[]> {
    return byIds(this.db, 'campaigns', ids, campaignFromRow);
  }

  async setStatus(id: string, status: CampaignStatus, at: Date): Promise<Campaign | null> {
    const finished = TERMINAL.includes(status) ? at.getTime() : null;
    const started = status === 'DISCOVERING' || status === 'SCRAPING' ? at.getTime() : null;
    const row = stmt(this.db, `UPDATE campaigns SET status = ?, updated_at = ?,
        started_at = COALESCE(started_at, ?), finished_at = COALESCE(?, finished_at) WHERE id = ? RETURNING *`)
      .get(status, at.getTime(), started, finished, id) as CampaignRow | undefined;
    return row ? campaignFromRow(row) : null;
  }

  async list(filter: CampaignFilter, page: PageRequest): Promise<Page<Campaign>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      where.push('t.status = ?');
      params.push(filter.status);
    }
    if (filter.site) {
      where.push('t.site = ?');
      params.push(filter.site);
    }
    return pageBy(this.db, { from: 'campaigns t', where, params }, page, campaignFromRow);
  }

  async transition(id: string, from: readonly CampaignStatus[], to: CampaignStatus, at: Date, failedReason?: string): Promise<Campaign | null> {
    if (from.length === 0) return null;
    const finished = TERMINAL.includes(to) ? at.getTime() : null;
    const started = to === 'DISCOVERING' || to === 'SCRAPING' ? at.getTime() : null;
    const row = stmt(this.db, `UPDATE campaigns SET status = ?, updated_at = ?, started_at = COALESCE(started_at, ?),
        finished_at = COALESCE(?, finished_at), failed_reason = COALESCE(?, failed_reason)
      WHERE id = ? AND status IN (${from.map(() => '?').join(',')}) RETURNING *`)
      .get(to, at.getTime(), started, finished, failedReason ?? null, id, ...from) as CampaignRow | undefined;
    return row ? campaignFromRow(row) : null;
  }

  async reserveProducts(id: string, wanted: number, cap: number): Promise<number> {
    if (wanted <= 0) return 0;
    return this.db.transaction((): number => {
      const current = stmt(this.db, 'SELECT products_queued FROM campaigns WHERE id = ?').pluck().get(id) as number | undefined;
      if (current === undefined) return 0;
      const granted = Math.max(0, Math.min(wanted, cap - current));
      if (granted > 0) stmt(this.db, 'UPDATE campaigns SET products_queued = products_queued + ? WHERE id = ?').run(granted, id);
      return granted;
    }).immediate();
  }

  async incrementCounters(id: string, deltas: Partial<CampaignCounters>): Promise<void> {
    const entries = Object.entries(deltas).filter(([key, value]) => key in COUNTER_COLUMNS && value);
    if (entries.length === 0) return;
    const sets = entries.map(([key]) => `${COUNTER_COLUMNS[key as keyof CampaignCounters]} = ${COUNTER_COLUMNS[key as keyof CampaignCounters]} + ?`);
    stmt(this.db, `UPDATE campaigns SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...entries.map(([, v]) => v), Date.now(), id);
  }
}
